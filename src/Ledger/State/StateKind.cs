namespace Centrex.Ledger.State;

/// <summary>What a <see cref="StateKey"/> addresses. Persisted: values may only ever be added.</summary>
public enum StateKind : byte
{
    /// <summary>An account's balance in mills (charges lower it, payments raise it).</summary>
    Balance = 1,

    /// <summary>An account's counter for a period.</summary>
    Counter = 2,

    /// <summary>The store's own bookkeeping.</summary>
    Meta = 255,
}
