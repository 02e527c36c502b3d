using NodaTime;

namespace Centrex.Switch.Fraud;

/// <summary>
/// One account's fraud-control state behind its own lock (partitions on several threads may place its calls at once):
/// its international calls up, the money its calls up may still cost (each call's whole allowed duration), what its
/// ended calls cost (<see cref="SpendWindow"/>), and when its last refusal was logged.
/// </summary>
internal sealed class AccountFraudState
{
    public Lock Gate { get; } = new();

    public int InternationalCalls { get; set; }

    /// <summary>Mills the account's calls up may still cost.</summary>
    public long Held { get; set; }

    public SpendWindow Spent { get; } = new();

    /// <summary>When a refusal of this account was last logged; null before the first.</summary>
    public Instant? LoggedAt { get; set; }

    /// <summary>Refusals not logged since <see cref="LoggedAt"/>.</summary>
    public int Unlogged { get; set; }
}
