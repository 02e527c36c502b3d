namespace Centrex.Rating.Cdrs;

/// <summary>Which part of a CDR row made it malformed; reported in the run summary (the rejects file only says <c>malformed</c>).</summary>
public enum CdrField : byte
{
    /// <summary>Not malformed.</summary>
    None = 0,

    /// <summary>Not six columns.</summary>
    ColumnCount,

    /// <summary>A quoted field is not closed, or text follows its closing quote; or the row exceeds the size limit.</summary>
    Quoting,

    /// <summary>The row is not valid UTF-8.</summary>
    Encoding,

    /// <summary>The id is empty or too long, has white space at an end or a control character (issue 13).</summary>
    Id,

    /// <summary>The callee does not normalize to an E.164 number.</summary>
    Callee,

    /// <summary>The start is not an ISO 8601 date-time with seconds and an offset.</summary>
    Start,

    /// <summary>The duration is not whole seconds from 0 to 86,400.</summary>
    Duration,

    /// <summary>
    /// The account has white space at an end or a control character (issue 13), or, when rating into the ledger, is
    /// longer than the durable store keeps.
    /// </summary>
    Account,
}
