namespace Centrex.Ledger;

/// <summary>What <see cref="LedgerWriter.TryAppendEncodedCdr"/> did with a call.</summary>
public enum CdrAppend
{
    /// <summary>Appended; it is charged at the next commit.</summary>
    Appended,

    /// <summary>Its id was charged before: left alone.</summary>
    Duplicate,

    /// <summary>Its account is longer than the store keeps: left alone.</summary>
    AccountTooLong,
}
