using System.Net;
using System.Threading.RateLimiting;
using Centrex.Provisioning.Access;
using NodaTime;

namespace Centrex.Portal.Security;

/// <summary>
/// Checks a login and password with lockout: after <see cref="LockAfter"/> wrong passwords in a row the login is
/// refused for <see cref="LockFor"/>, whatever password comes (the operator's password reset lifts it). The answer
/// never says whether the login exists, and an unknown login costs the same hash as a known one, so neither the text
/// nor the time of the answer tells a guesser which logins are real. Each check costs a deliberately slow hash, so one
/// source address gets the checks of its <see cref="LoginLimits"/> only (System.Threading.RateLimiting's token buckets,
/// one per address, idle ones dropped by the library): a client spraying logins cannot take the process's CPU from the
/// switch and from everyone else's logins.
/// </summary>
public sealed class LoginService(UserStore users, IClock clock, LoginLimits limits, Data.PortalData data) : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _perSource = TokenBuckets.PerKey<IPAddress>(limits.Burst, limits.PerSecond);

    /// <summary>Wrong passwords in a row that lock a login.</summary>
    public const int LockAfter = 5;

    /// <summary>How long a lockout lasts.</summary>
    public static readonly Duration LockFor = Duration.FromMinutes(15);

    // A real hash of a random password: an unknown login is checked against it, taking the time a real check takes.
    private static readonly Lazy<string> DecoyHash = new(() => PasswordHashing.Hash(Guid.NewGuid().ToString()));

    private readonly UnknownLoginFailures _unknown = new(LockAfter, LockFor);

    /// <summary>What a login attempt came to.</summary>
    public enum Outcome
    {
        /// <summary>Signed in.</summary>
        Success,

        /// <summary>Unknown login or wrong password (not told apart).</summary>
        Wrong,

        /// <summary>Locked after too many wrong passwords.</summary>
        Locked,

        /// <summary>
        /// The password is right but the login's customer is suspended by the operator (issue 16): refused with a message
        /// that says so, told only after the password was checked (a guesser learns nothing of it).
        /// </summary>
        Suspended,

        /// <summary>
        /// The password is right but the operator disabled the login: refused with a message that says so, told only
        /// after the password was checked, like <see cref="Suspended"/>.
        /// </summary>
        Disabled,

        /// <summary>Not checked: its source address made too many checks lately (answer 429; try again in a second).</summary>
        Throttled,

        /// <summary>
        /// The password is right but the login's customer is no longer provisioned (its record was removed from the
        /// store): refused with a message that says so, told only after the password was checked, like <see cref="Suspended"/>.
        /// </summary>
        CustomerRemoved,
    }

    /// <summary>Checks <paramref name="login"/> and <paramref name="password"/> from <paramref name="source"/>; the login on success.</summary>
    public (Outcome Outcome, PortalUser? User) Check(string? login, string? password, IPAddress? source)
    {
        if (source is not null)
        {
            using var lease = _perSource.AttemptAcquire(source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source);
            if (!lease.IsAcquired)
            {
                return (Outcome.Throttled, null);
            }
        }

        // Every path below makes exactly one slow hash, and an unknown login is counted and locked as a real one is
        // (review of issue 16, finding 7): neither the answer nor its time tells a guesser which logins exist.
        var now = clock.GetCurrentInstant();
        var user = string.IsNullOrEmpty(login) || login.Length > 64 ? null : users.Find(login);
        if (string.IsNullOrEmpty(login) || login.Length > 64 || string.IsNullOrEmpty(password) || password.Length > PasswordHashing.MaxLength)
        {
            PasswordHashing.Verify(DecoyHash.Value, password ?? string.Empty);
            return (Outcome.Wrong, null);
        }

        if (user is null)
        {
            var locked = _unknown.IsLocked(login, now);
            PasswordHashing.Verify(DecoyHash.Value, password);
            return (locked || _unknown.RecordFailure(login, now) ? Outcome.Locked : Outcome.Wrong, null);
        }

        if (user.IsLocked(now))
        {
            PasswordHashing.Verify(user.PasswordHash, password);
            return (Outcome.Locked, null);
        }

        if (!PasswordHashing.Verify(user.PasswordHash, password))
        {
            var after = users.RecordFailure(user, now, LockAfter, LockFor);
            return (after.IsLocked(now) ? Outcome.Locked : Outcome.Wrong, null);
        }

        users.RecordSuccess(user);
        if (user.Disabled)
        {
            return (Outcome.Disabled, null);
        }

        return IsCustomerRemoved(user) ? (Outcome.CustomerRemoved, null) : IsSuspended(user) ? (Outcome.Suspended, null) : (Outcome.Success, user);
    }

    /// <summary>Whether <paramref name="user"/> is a login of a suspended customer (an operator's never is).</summary>
    public bool IsSuspended(PortalUser user) =>
        user?.CustomerId is { } customer && data?.Provisioning.Current.Customer(customer)?.Status == Provisioning.Model.ServiceStatus.Suspended;

    /// <summary>
    /// Whether <paramref name="user"/> is a login of a customer no longer provisioned (an operator's never is): its pages
    /// would have no customer to show, so its sessions end and its logins are refused (nothing in the portal removes a
    /// customer; an operator's tool on the store can).
    /// </summary>
    public bool IsCustomerRemoved(PortalUser user) =>
        user?.CustomerId is { } customer && data is not null && data.Provisioning.Current.Customer(customer) is null;

    /// <summary>What a login of a customer no longer provisioned is told, at login and when its open session ends.</summary>
    public const string CustomerRemovedMessage = "This login's customer is no longer provisioned, so the login is refused and its sessions are ended. Contact your service provider.";

    /// <summary>What a suspended customer's login is told.</summary>
    public const string SuspendedMessage = "This customer's service is suspended, so its logins are refused. Contact your service provider.";

    /// <summary>What a disabled login is told.</summary>
    public const string DisabledMessage = "This login is disabled by your service provider. Contact them to enable it again.";

    /// <inheritdoc/>
    public void Dispose() => _perSource.Dispose();
}
