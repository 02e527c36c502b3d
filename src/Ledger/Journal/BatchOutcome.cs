namespace Centrex.Ledger.Journal;

/// <summary>What happened to one row of an ingestion batch. Persisted in batch entries: values may only ever be added.</summary>
public enum BatchOutcome : byte
{
    /// <summary>Rated and charged.</summary>
    Rated = 1,

    /// <summary>Its id was charged before (in this batch, an earlier one, or a file run).</summary>
    Duplicate = 2,

    /// <summary>Not charged: no tariff prefix may price it.</summary>
    NoRate = 3,
}
