using Centrex.Provisioning.Access;
using NodaTime;

namespace Centrex.Portal.Security;

/// <summary>
/// Checks a login and password with lockout: after <see cref="LockAfter"/> wrong passwords in a row the login is
/// refused for <see cref="LockFor"/>, whatever password comes (the operator's password reset lifts it). The answer
/// never says whether the login exists, and an unknown login costs the same hash as a known one, so neither the text
/// nor the time of the answer tells a guesser which logins are real.
/// </summary>
public sealed class LoginService(UserStore users, IClock clock)
{
    /// <summary>Wrong passwords in a row that lock a login.</summary>
    public const int LockAfter = 5;

    /// <summary>How long a lockout lasts.</summary>
    public static readonly Duration LockFor = Duration.FromMinutes(15);

    // A real hash of a random password: an unknown login is checked against it, taking the time a real check takes.
    private static readonly Lazy<string> DecoyHash = new(() => PasswordHashing.Hash(Guid.NewGuid().ToString()));

    /// <summary>What a login attempt came to.</summary>
    public enum Outcome
    {
        /// <summary>Signed in.</summary>
        Success,

        /// <summary>Unknown login or wrong password (not told apart).</summary>
        Wrong,

        /// <summary>Locked after too many wrong passwords.</summary>
        Locked,
    }

    /// <summary>Checks <paramref name="login"/> and <paramref name="password"/>; the login on success.</summary>
    public (Outcome Outcome, PortalUser? User) Check(string? login, string? password)
    {
        var now = clock.GetCurrentInstant();
        var user = string.IsNullOrEmpty(login) || login.Length > 64 ? null : users.Find(login);
        if (user is null || string.IsNullOrEmpty(password) || password.Length > PasswordHashing.MaxLength)
        {
            PasswordHashing.Verify(DecoyHash.Value, password ?? string.Empty);
            return (Outcome.Wrong, null);
        }

        if (user.IsLocked(now))
        {
            return (Outcome.Locked, null);
        }

        if (!PasswordHashing.Verify(user.PasswordHash, password))
        {
            var after = users.RecordFailure(user, now, LockAfter, LockFor);
            return (after.IsLocked(now) ? Outcome.Locked : Outcome.Wrong, null);
        }

        users.RecordSuccess(user);
        return (Outcome.Success, user);
    }
}
