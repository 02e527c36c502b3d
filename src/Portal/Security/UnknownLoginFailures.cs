using NodaTime;

namespace Centrex.Portal.Security;

/// <summary>
/// The wrong passwords sent for logins that do not exist, counted and locked exactly as the user store counts and locks
/// a real login's (<see cref="Provisioning.Access.UserStore.RecordFailure"/>): the fifth wrong password in a row locks
/// the name for <see cref="LoginService.LockFor"/>. Without it a guesser told a real login from a made-up one by the
/// lockout (review of issue 16, finding 7: <c>cust-ab</c> answered 423 after five tries, <c>nobody-here</c> 401 for
/// ever). Held in memory, at most <see cref="MaxNames"/> names (past it the ones least recently tried are forgotten),
/// and forgotten at a restart, as nothing is lost: no such login can sign in.
/// </summary>
public sealed class UnknownLoginFailures(int lockAfter, Duration lockFor)
{
    /// <summary>Names kept at most.</summary>
    public const int MaxNames = 100_000;

    private readonly Dictionary<string, (int Failures, Instant? LockedUntil, long Touched)> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private long _clock;

    /// <summary>Whether <paramref name="login"/> is locked at <paramref name="now"/>.</summary>
    public bool IsLocked(string login, Instant now)
    {
        lock (_gate)
        {
            return _names.TryGetValue(login, out var entry) && entry.LockedUntil is { } until && until > now;
        }
    }

    /// <summary>Counts a wrong password for <paramref name="login"/>; whether it is locked after it.</summary>
    public bool RecordFailure(string login, Instant now)
    {
        lock (_gate)
        {
            var (failures, lockedUntil, _) = _names.GetValueOrDefault(login);
            if (!_names.ContainsKey(login) && _names.Count >= MaxNames)
            {
                _names.Remove(_names.MinBy(e => e.Value.Touched).Key);
            }

            // As the store's UPDATE: the count starts again once it locks.
            (failures, lockedUntil) = failures + 1 >= lockAfter ? (0, now + lockFor) : (failures + 1, lockedUntil);
            _names[login] = (failures, lockedUntil, ++_clock);
            return lockedUntil is { } until && until > now;
        }
    }
}
