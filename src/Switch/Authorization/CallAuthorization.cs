using Centrex.Rating.Money;

namespace Centrex.Switch.Authorization;

/// <summary>
/// A call allowed to start: how long it may last and the money held for it. The switch ends both legs with BYE at
/// <see cref="MaxDurationSeconds"/> after answer. <see cref="Release"/> gives the hold back; it is idempotent, and it
/// must come only after the call's charge is committed to the ledger (the CDR sink does it), or for a call that was
/// never answered, so the same money is never available twice.
/// </summary>
public sealed class CallAuthorization
{
    private readonly AccountHolds? _holds;
    private int _released;

    internal CallAuthorization(string account, int maxDurationSeconds, Mills reserved, AccountHolds? holds)
    {
        Account = account;
        MaxDurationSeconds = maxDurationSeconds;
        Reserved = reserved;
        _holds = holds;
    }

    /// <summary>The account charged.</summary>
    public string Account { get; }

    /// <summary>The longest the call may last after answer, whole seconds (never more than 7,200).</summary>
    public int MaxDurationSeconds { get; }

    /// <summary>The money held for the call: the charge of a call of <see cref="MaxDurationSeconds"/>.</summary>
    public Mills Reserved { get; }

    /// <summary>Whether the hold was given back.</summary>
    public bool IsReleased => Volatile.Read(ref _released) != 0;

    /// <summary>A call that is not charged to the account (incoming, on-net): only the 120-minute cap applies.</summary>
    public static CallAuthorization Unmetered(string account) =>
        new(account, AffordableDuration.MaxCallSeconds, Mills.Zero, holds: null);

    /// <summary>Gives the held money back; true the first time only.</summary>
    public bool Release()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return false;
        }

        _holds?.Release(Reserved);
        return true;
    }
}
