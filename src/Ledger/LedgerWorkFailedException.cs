namespace Centrex.Ledger;

/// <summary>
/// One work item given to <see cref="LedgerWriterThread"/> failed before it appended anything: that item is refused,
/// nothing of it is in the journal, and the ledger goes on serving every other item.
/// </summary>
public sealed class LedgerWorkFailedException(Exception cause)
    : Exception($"the work failed before anything of it was written ({cause.Message}); the ledger is still serving", cause);
