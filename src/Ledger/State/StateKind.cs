namespace Centrex.Ledger.State;

/// <summary>What a <see cref="StateKey"/> addresses. Persisted: values may only ever be added.</summary>
public enum StateKind : byte
{
    /// <summary>An account's balance in mills (charges lower it, payments raise it).</summary>
    Balance = 1,

    /// <summary>
    /// One counter of an account's period: state format 1's records (one per counter), never written since format 2;
    /// still the key the journal verifier names a counter by.
    /// </summary>
    Counter = 2,

    /// <summary>An account's period: every counter of it in one <see cref="StateValue"/> (state format 2).</summary>
    Month = 3,

    /// <summary>The store's own bookkeeping.</summary>
    Meta = 255,
}
