namespace Centrex.Ledger.State;

/// <summary>
/// The key of a CDR id in the persistent id registry: two independent 64-bit hashes of the id and a probe number.
/// The value is the journal address of the call that holds the id, whose bytes are compared to confirm a match, so
/// two ids with equal hashes are still told apart (the next probe number takes the second).
/// </summary>
/// <param name="High">The first hash, never 0 (0/0/0 is the registry's metadata key).</param>
/// <param name="Low">The second hash.</param>
/// <param name="Probe">0 for the first id with these hashes, 1 for the next, and so on.</param>
public readonly record struct IdKey(ulong High, ulong Low, long Probe)
{
    /// <summary>The key holding the journal address the registry has applied up to.</summary>
    public static IdKey AppliedUntil => default;
}
