using System.Buffers.Text;
using Centrex.Rating.Cdrs;

namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// One line of the switch's CDR store read where it lies, as UTF-8 fields (<see cref="Centrex.Switch.Cdrs.SwitchCdrCsv"/>'s
/// columns; lines of 15, 16 and 17 fields, written before <c>emergency</c>, <c>answered_by</c> and <c>calling_account</c>, read too), checked as
/// <c>SwitchCdrCsv.Parse</c> checks them, with no string made: the call log's indexer reads every call the switch records,
/// and building a <c>SwitchCdr</c> of strings for each cost it 9.8 µs a call against the journal's 3.5 (bench/README.md,
/// "call-log indexer"). Only lines with no quote are read here: the switch quotes a field only when it holds a comma or
/// a quote (RFC 4180), and such a rare line goes the string way.
/// </summary>
internal ref struct SwitchCdrLine
{
    private const int MaxFields = 18;
    private static readonly byte[][] Dispositions =
        [.. new[] { "answered", "busy", "no-answer", "cancelled", "failed", "refused-by-limit", "refused-by-balance", "refused-by-fraud" }.Select(System.Text.Encoding.ASCII.GetBytes)];

    private ReadOnlySpan<byte> _line;
    private FieldRanges _fields;
    private int _count;

    /// <summary>Splits and checks <paramref name="line"/>; false when it holds a quote or a field is bad (the caller decides which).</summary>
    public static bool TryRead(ReadOnlySpan<byte> line, out SwitchCdrLine read)
    {
        read = default;
        read._line = line;
        var at = 0;
        while (true)
        {
            if (read._count == MaxFields)
            {
                return false;
            }

            var comma = line[at..].IndexOf((byte)',');
            var end = comma < 0 ? line.Length : at + comma;
            read._fields[read._count++] = new Range(at, end);
            if (comma < 0)
            {
                break;
            }

            at = end + 1;
        }

        return read._count is 15 or 16 or 17 or MaxFields && read.Valid();
    }

    /// <summary>Field <paramref name="index"/>'s bytes.</summary>
    public readonly ReadOnlySpan<byte> this[int index] => _line[_fields[index]];

    /// <summary>The line that answered (empty in lines written before the column).</summary>
    public readonly ReadOnlySpan<byte> AnsweredBy => _count >= 17 ? this[16] : [];

    /// <summary>The calling line of a call from another customer's line (empty otherwise, and in lines written before the column).</summary>
    public readonly ReadOnlySpan<byte> CallingAccount => _count == MaxFields ? this[17] : [];

    /// <summary>The callee as the call log shows it: normalized, or as dialed when not a public number.</summary>
    public readonly ReadOnlySpan<byte> Callee => this[4].IsEmpty ? this[3] : this[4];

    /// <summary>Whether the call went out (else it came in, or is an internal call recorded on the line called).</summary>
    public readonly bool Outgoing => this[13].SequenceEqual("outgoing"u8);

    /// <summary>The start, Unix milliseconds.</summary>
    public readonly long StartMilliseconds
    {
        get
        {
            IsoTimestamp.TryParse(this[5], out long seconds, out int nanoseconds);
            return (seconds * 1000) + (nanoseconds / 1_000_000);
        }
    }

    /// <summary>Billable seconds.</summary>
    public readonly long Seconds
    {
        get
        {
            Utf8Parser.TryParse(this[8], out int seconds, out _);
            return seconds;
        }
    }

    private readonly bool Valid()
    {
        if (this[0].IsEmpty || !IsoTimestamp.TryParse(this[5], out long _, out int _) || !IsoTimestamp.TryParse(this[7], out long _, out int _)
            || (!this[6].IsEmpty && !IsoTimestamp.TryParse(this[6], out long _, out int _)))
        {
            return false;
        }

        if (!Utf8Parser.TryParse(this[8], out int seconds, out var used) || used != this[8].Length || seconds < 0 || this[8][0] is (byte)'+' or (byte)'-')
        {
            return false;
        }

        var known = false;
        foreach (var name in Dispositions)
        {
            known |= this[9].SequenceEqual(name);
        }

        if (!known || !(this[13].SequenceEqual("outgoing"u8) || this[13].SequenceEqual("incoming"u8)))
        {
            return false;
        }

        return Flag(this[14]) && (_count == 15 || Flag(this[15]));
    }

    private static bool Flag(ReadOnlySpan<byte> value) => value.SequenceEqual("true"u8) || value.SequenceEqual("false"u8);

    [System.Runtime.CompilerServices.InlineArray(MaxFields)]
    private struct FieldRanges
    {
        private Range _first;
    }
}
