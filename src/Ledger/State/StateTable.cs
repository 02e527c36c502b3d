namespace Centrex.Ledger.State;

/// <summary>Opens the account state's FasterKV table (balances and month records by <see cref="StateKey"/>) with its kept format.</summary>
internal static class StateTable
{
    public static FasterTable<StateKey, StateValue> Open(string folder, StateFormat format) =>
        new(folder, StateKeyComparer.Instance, format.IndexBuckets, format.MemoryBits, format.PageBits, StateValue.Add);
}
