namespace Centrex.Portal.Security;

/// <summary>The claims a signed-in portal user carries (from the session, read from the access store on every request).</summary>
public static class PortalClaims
{
    /// <summary>The login's role: <c>operator</c> or <c>customer</c>.</summary>
    public const string Role = "centrex.role";

    /// <summary>The customer a customer login belongs to.</summary>
    public const string Customer = "centrex.customer";

    /// <summary>The login name.</summary>
    public const string Login = "centrex.login";

    /// <summary>The login's id in the access store.</summary>
    public const string UserId = "centrex.user";

    /// <summary>The login's web interface language (<c>en</c>, <c>fr</c>): the culture its pages are served in.</summary>
    public const string Language = "centrex.language";
}
