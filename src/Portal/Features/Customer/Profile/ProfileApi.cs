using Centrex.Portal.Api;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.Profile;

/// <summary>
/// <c>/api/v1/me/profile</c>: My Profile over the API (contact, email, time zone; the login's language and web
/// password), with the page's validation and messages (<see cref="ProfileChanges"/>). The language and the password
/// are a login's: a customer's API key is refused them (403).
/// </summary>
internal static class ProfileApi
{
    /// <summary>The contact fields a customer may change.</summary>
    public sealed record GeneralRequest(string? Contact, string? Email, string? TimeZone);

    /// <summary>The web interface's language.</summary>
    public sealed record LanguageRequest(string? Language);

    /// <summary>A web password change.</summary>
    public sealed record PasswordRequest(string? Current, string? New);

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/profile", (CustomerScope scope, ProfileChanges profile) =>
        {
            var c = scope.Customer;
            return Results.Ok(new
            {
                c.Id, c.Company, c.Contact, c.Email, time_zone = c.TimeZone, c.Currency,
                address = new { c.Address.Street, c.Address.City, c.Address.Province, postal_code = c.Address.PostalCode, c.Address.Country },
                login = profile.Login?.Login,
                language = profile.Login?.Language,
                sip_lines = scope.View.Accounts.Where(a => a.Sip is not null).Select(a => a.Id),
            });
        }).WithName("GetProfile").WithSummary("My Profile: contact, email, time zone, address (the operator's), the login's language (null with an API key), the lines with a SIP password");

        // Only the fields given change (README; review 16, item 16: a body with only contact was refused on email).
        me.MapPut("/profile", (GeneralRequest body, ProfileChanges profile, CustomerScope scope) =>
            profile.SaveGeneral(body.Contact ?? scope.Customer.Contact, body.Email ?? scope.Customer.Email, body.TimeZone ?? scope.Customer.TimeZone) is { Count: > 0 } errors
                ? ApiResults.Invalid(errors) : Results.NoContent())
            .WithName("UpdateProfile").WithSummary("Changes contact, email and time_zone (IANA, e.g. America/Toronto): only the fields given; 400 names the field");

        me.MapPut("/profile/language", (LanguageRequest body, ProfileChanges profile) =>
        {
            if (profile.Login is not { } login)
            {
                return ApiResults.LoginOnly("the language");
            }

            return profile.SetLanguage(login, body.Language) is { Count: > 0 } errors ? ApiResults.Invalid(errors) : Results.NoContent();
        }).WithName("SetLanguage").WithSummary("The web interface's language of the signed-in login: en or fr");

        me.MapPut("/profile/password", (PasswordRequest body, ProfileChanges profile) =>
        {
            if (profile.Login is not { } login)
            {
                return ApiResults.LoginOnly("the web password");
            }

            return profile.ChangePassword(login, body.Current, body.New) is { Count: > 0 } errors ? ApiResults.Invalid(errors) : Results.NoContent();
        }).WithName("ChangePassword").WithSummary("Changes the signed-in login's web password (current, new); every other session ends, this one gets a new cookie");
    }
}
