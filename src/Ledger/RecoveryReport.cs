using System.Globalization;

namespace Centrex.Ledger;

/// <summary>What opening the store found and did.</summary>
/// <param name="CheckpointRecovered">A checkpoint of the account state was found and loaded.</param>
/// <param name="CommittedUntil">Address after the last committed journal entry.</param>
/// <param name="ReplayedFrom">Address replay started at (the checkpoint's position, or the journal's start).</param>
/// <param name="EntriesReplayed">Journal entries applied on top of the checkpoint.</param>
/// <param name="TornBytesDiscarded">Bytes written after the last commit by a process that died, cut off.</param>
/// <param name="Elapsed">How long opening took.</param>
public sealed record RecoveryReport(bool CheckpointRecovered, long CommittedUntil, long ReplayedFrom, long EntriesReplayed, long TornBytesDiscarded, TimeSpan Elapsed)
{
    /// <summary>Why the account state was rebuilt from the whole journal into a new store, or null when it was not.</summary>
    public string? StateRebuilt { get; init; }

    /// <summary>One line for an operator.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"recovered {(StateRebuilt is not null ? $"by rebuilding the account state from the journal, because {StateRebuilt}" : CheckpointRecovered ? "from a checkpoint" : "without a checkpoint")}, {EntriesReplayed:N0} journal entries replayed, "
        + $"journal committed to {CommittedUntil:N0}{(TornBytesDiscarded > 0 ? $", {TornBytesDiscarded:N0} torn bytes after the last commit cut off" : string.Empty)}, "
        + $"in {Elapsed.TotalMilliseconds:N0} ms");
}
