using Centrex.Portal.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Centrex.Portal.Localization;

/// <summary>
/// The culture of a signed-in login: its web interface language (My Profile, Settings), which the session carries as a
/// claim read from the access store on every request, so a change shows from the next page on. A request without a
/// session (the login page, an API key) falls through to the browser's Accept-Language.
/// </summary>
public sealed class LoginLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var language = httpContext.User.FindFirst(PortalClaims.Language)?.Value;
        return Task.FromResult(language is null ? null : new ProviderCultureResult(PortalCultures.Of(language).Name));
    }
}
