namespace Centrex.Ledger.Verification;

/// <summary>The outcome of <see cref="JournalVerifier.Verify"/>.</summary>
/// <param name="Entries">Committed journal entries read.</param>
/// <param name="Calls">Rated calls among them.</param>
/// <param name="Movements">Balance movements among them.</param>
/// <param name="Batches">Accepted batches among them.</param>
/// <param name="Accounts">Accounts with a balance or counter.</param>
/// <param name="ProblemCount">Differences and damage found (0 for a healthy ledger).</param>
/// <param name="Problems">The first of them, described.</param>
public sealed record VerificationReport(long Entries, long Calls, long Movements, long Batches, int Accounts, long ProblemCount, IReadOnlyList<string> Problems)
{
    /// <summary>True when the state is exactly what the journal implies.</summary>
    public bool IsConsistent => ProblemCount == 0;
}
