using NodaTime;

namespace Centrex.Provisioning.Access;

/// <summary>A login of the self-care portal as stored in <c>DATA/access.db</c>; the password is kept only as its hash.</summary>
/// <param name="Id">Internal id.</param>
/// <param name="Login">The name typed at login (unique, compared without case).</param>
/// <param name="Role">Operator or customer.</param>
/// <param name="CustomerId">The customer a customer login belongs to; null for an operator.</param>
/// <param name="PasswordHash">The password hash (ASP.NET Core Identity's format), never the password.</param>
/// <param name="FailedLogins">Wrong passwords since the last good one.</param>
/// <param name="LockedUntil">Until when logins are refused after too many wrong passwords, or null.</param>
/// <param name="Language">The language of the web interface (seed 004, My Profile, Settings).</param>
/// <param name="Disabled">Disabled by the operator: refused at login, its sessions ended, until enabled again.</param>
public sealed record PortalUser(long Id, string Login, UserRole Role, string? CustomerId, string PasswordHash, int FailedLogins, Instant? LockedUntil, string Language,
    bool Disabled = false)
{
    /// <summary>Whether logins are refused at <paramref name="now"/>.</summary>
    public bool IsLocked(Instant now) => LockedUntil is { } until && until > now;
}
