namespace Centrex.Ledger.State;

/// <summary>Opens the account state's FasterKV table (balances and counters by <see cref="StateKey"/>).</summary>
internal static class StateTable
{
    public static FasterTable<StateKey> Open(string folder, long indexBuckets, int memorySizeBits) =>
        new(folder, StateKeyComparer.Instance, indexBuckets, memorySizeBits);
}
