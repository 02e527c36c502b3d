namespace Centrex.Invoicing.Xdr;

/// <summary>
/// The xDR CSV format (README, "xDR CSV"): one rated call per row, RFC 4180, UTF-8, LF. It is both what
/// <c>centrex report xdr --format csv</c> writes and what <see cref="Sources.XdrCsvSource"/> reads, so a report can be
/// read back. A file contract: the columns never change.
/// </summary>
public static class XdrCsvFormat
{
    /// <summary>The header.</summary>
    public static readonly IReadOnlyList<string> Header =
        ["id", "account", "caller", "callee", "start", "duration", "billed_seconds", "class", "prefix", "destination", "charge", "discount", "net"];

    /// <summary>The header line with its LF.</summary>
    public static ReadOnlySpan<byte> HeaderLine => "id,account,caller,callee,start,duration,billed_seconds,class,prefix,destination,charge,discount,net\n"u8;
}
