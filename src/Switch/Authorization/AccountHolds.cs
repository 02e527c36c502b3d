using Centrex.Rating.Money;

namespace Centrex.Switch.Authorization;

/// <summary>
/// The money held by one account's calls in progress, behind the account's lock: authorizing a call reads the
/// balance, subtracts what is held and adds the new hold in one critical section, so two simultaneous calls can never
/// both spend the same balance.
/// </summary>
internal sealed class AccountHolds
{
    private long _held;

    public Lock Gate { get; } = new();

    /// <summary>Held now (read under <see cref="Gate"/> to decide, any time to observe).</summary>
    public Mills Held => new(Volatile.Read(ref _held));

    /// <summary>Adds a hold; the caller holds <see cref="Gate"/>.</summary>
    public void Hold(Mills amount) => Volatile.Write(ref _held, checked(_held + amount.Value));

    public void Release(Mills amount)
    {
        lock (Gate)
        {
            Volatile.Write(ref _held, checked(_held - amount.Value));
        }
    }
}
