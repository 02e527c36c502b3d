namespace Centrex.Rating.Csv;

/// <summary>Outcome of scanning a buffer for the next CSV record.</summary>
public enum CsvScanStatus
{
    /// <summary>A record was found.</summary>
    Record,

    /// <summary>The buffer ends inside a record: append more data and scan again from the same start.</summary>
    NeedMoreData,

    /// <summary>No bytes remain.</summary>
    EndOfData,

    /// <summary>
    /// The buffer holds a single physical line longer than the record limit and no line break: the caller discards
    /// bytes through the next line feed and counts that line as one damaged record.
    /// </summary>
    LineTooLong,
}
