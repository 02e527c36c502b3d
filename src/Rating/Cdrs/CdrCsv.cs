namespace Centrex.Rating.Cdrs;

/// <summary>
/// The CSV file contracts of rating: the CDR input, the rated output and the rejects output. Carriers' tools depend
/// on these columns; a golden test freezes them.
/// </summary>
public static class CdrCsv
{
    /// <summary>Columns of a CDR file, in order: <c>id,account,caller,callee,start,duration</c>.</summary>
    public static readonly IReadOnlyList<string> CdrHeader = ["id", "account", "caller", "callee", "start", "duration"];

    /// <summary>Columns of a rated file: <c>id,account,callee,prefix,destination,class,billed_seconds,charge</c>.</summary>
    public static readonly IReadOnlyList<string> RatedHeader =
        ["id", "account", "callee", "prefix", "destination", "class", "billed_seconds", "charge"];

    /// <summary>Columns of a rejects file: <c>line,id,reason</c>.</summary>
    public static readonly IReadOnlyList<string> RejectsHeader = ["line", "id", "reason"];

    /// <summary>Index of each CDR column.</summary>
    internal const int Id = 0, Account = 1, Caller = 2, Callee = 3, Start = 4, Duration = 5, ColumnCount = 6;

    /// <summary>The header line of a rated file, LF-terminated.</summary>
    public static ReadOnlySpan<byte> RatedHeaderLine => "id,account,callee,prefix,destination,class,billed_seconds,charge\n"u8;

    /// <summary>The header line of a rejects file, LF-terminated.</summary>
    public static ReadOnlySpan<byte> RejectsHeaderLine => "line,id,reason\n"u8;
}
