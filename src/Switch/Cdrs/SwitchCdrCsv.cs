using System.Globalization;
using System.Text;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Csv;
using NodaTime;

namespace Centrex.Switch.Cdrs;

/// <summary>
/// The CDR store's line format: RFC 4180 CSV, one record per physical line (a CR or LF inside a value is stored as a
/// space), with the header <see cref="Header"/>. The columns are a contract: they may only ever be added at the end.
/// </summary>
public static class SwitchCdrCsv
{
    /// <summary>The store's columns, in order.</summary>
    public static readonly IReadOnlyList<string> Header =
    [
        "id", "account", "caller", "callee_dialed", "callee", "start", "answer", "end", "billable_seconds",
        "disposition", "sip_call_id", "codec", "site", "direction", "forwarded", "emergency", "answered_by",
        "calling_account",
    ];

    /// <summary>Columns of lines written before <c>emergency</c> was added (issue 14): read as not emergency.</summary>
    private const int ColumnsBeforeEmergency = 15;

    /// <summary>Columns of lines written before <c>answered_by</c> was added (issue 15): read as answered by no line named.</summary>
    private const int ColumnsBeforeAnsweredBy = 16;

    /// <summary>Columns of lines written before <c>calling_account</c> was added (issue 16): read as no calling account.</summary>
    private const int ColumnsBeforeCallingAccount = 17;

    /// <summary>The header line, LF-terminated.</summary>
    public static readonly byte[] HeaderLine = Encoding.ASCII.GetBytes(string.Join(',', Header) + "\n");

    /// <summary>Appends one CDR as a line.</summary>
    public static void Write(SwitchCdr cdr, ByteBuffer line)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        ArgumentNullException.ThrowIfNull(line);
        Field(line, cdr.Id, ',');
        Field(line, cdr.Account, ',');
        Field(line, cdr.Caller, ',');
        Field(line, cdr.CalleeDialed, ',');
        Field(line, cdr.CalleeNormalized, ',');
        Time(line, cdr.Start, ',');
        if (cdr.Answer is { } answer)
        {
            Time(line, answer, ',');
        }
        else
        {
            Separator(line, ',');
        }

        Time(line, cdr.End, ',');
        Field(line, cdr.BillableSeconds.ToString(CultureInfo.InvariantCulture), ',');
        Field(line, cdr.Disposition.ToWireName(), ',');
        Field(line, cdr.SipCallId, ',');
        Field(line, cdr.Codec, ',');
        Field(line, cdr.Site, ',');
        Field(line, cdr.Direction.ToWireName(), ',');
        Field(line, cdr.Forwarded ? "true" : "false", ',');
        Field(line, cdr.Emergency ? "true" : "false", ',');
        Field(line, cdr.AnsweredBy, ',');
        Field(line, cdr.CallingAccount, '\n');
    }

    /// <summary>Reads a line's fields (quoted per RFC 4180); false when the quoting is broken.</summary>
    public static bool TrySplit(string line, List<string> fields)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(fields);
        fields.Clear();
        var value = new StringBuilder();
        var i = 0;
        while (true)
        {
            value.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        return false;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            value.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    value.Append(line[i++]);
                }

                if (i < line.Length && line[i] != ',')
                {
                    return false;
                }
            }
            else
            {
                var comma = line.IndexOf(',', i);
                var end = comma < 0 ? line.Length : comma;
                if (line.AsSpan(i, end - i).Contains('"'))
                {
                    return false;
                }

                value.Append(line, i, end - i);
                i = end;
            }

            fields.Add(value.ToString());
            if (i >= line.Length)
            {
                return true;
            }

            i++; // the comma
        }
    }

    /// <summary>Builds a CDR from a line's fields; null with <paramref name="error"/> naming the field when one is bad.</summary>
    public static SwitchCdr? Parse(IReadOnlyList<string> fields, out string? error)
    {
        ArgumentNullException.ThrowIfNull(fields);
        error = null;
        if (fields.Count != Header.Count && fields.Count != ColumnsBeforeEmergency && fields.Count != ColumnsBeforeAnsweredBy
            && fields.Count != ColumnsBeforeCallingAccount)
        {
            error = $"{fields.Count} fields, {Header.Count} expected";
            return null;
        }

        if (fields[0].Length == 0)
        {
            error = "id: empty";
            return null;
        }

        if (!TryTime(fields[5], out var start))
        {
            error = "start: not an RFC 3339 time";
            return null;
        }

        Instant? answer = null;
        if (fields[6].Length > 0)
        {
            if (!TryTime(fields[6], out var answered))
            {
                error = "answer: not an RFC 3339 time";
                return null;
            }

            answer = answered;
        }

        if (!TryTime(fields[7], out var end))
        {
            error = "end: not an RFC 3339 time";
            return null;
        }

        if (!int.TryParse(fields[8], NumberStyles.None, CultureInfo.InvariantCulture, out var billable))
        {
            error = "billable_seconds: not a whole number";
            return null;
        }

        if (!CallDispositionNames.TryParse(fields[9], out var disposition))
        {
            error = "disposition: unknown";
            return null;
        }

        if (!CallDispositionNames.TryParseDirection(fields[13], out var direction))
        {
            error = "direction: unknown";
            return null;
        }

        if (fields[14] is not ("true" or "false"))
        {
            error = "forwarded: not true or false";
            return null;
        }

        if (fields.Count > ColumnsBeforeEmergency && fields[15] is not ("true" or "false"))
        {
            error = "emergency: not true or false";
            return null;
        }

        return new SwitchCdr(fields[0], fields[1], fields[2], fields[3], fields[4], start, answer, end, billable, disposition,
            fields[10], fields[11], fields[12], direction, fields[14] == "true")
        {
            Emergency = fields.Count > ColumnsBeforeEmergency && fields[15] == "true",
            AnsweredBy = fields.Count > ColumnsBeforeAnsweredBy ? fields[16] : string.Empty,
            CallingAccount = fields.Count > ColumnsBeforeCallingAccount ? fields[17] : string.Empty,
        };
    }

    private static bool TryTime(string text, out Instant instant) => IsoTimestamp.TryParse(Encoding.ASCII.GetBytes(text), out instant);

    private static void Time(ByteBuffer line, Instant instant, char separator)
    {
        var span = line.GetSpan(IsoInstant.MaxLength + 1);
        var written = IsoInstant.Write(instant, span);
        span[written] = (byte)separator;
        line.Advance(written + 1);
    }

    private static void Separator(ByteBuffer line, char separator)
    {
        line.GetSpan(1)[0] = (byte)separator;
        line.Advance(1);
    }

    private static void Field(ByteBuffer line, string value, char separator)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Span<byte> utf8 = max <= 512 ? stackalloc byte[512] : new byte[max];
        var length = Encoding.UTF8.GetBytes(value, utf8);
        utf8 = utf8[..length];
        utf8.Replace((byte)'\r', (byte)' ');
        utf8.Replace((byte)'\n', (byte)' ');
        var destination = line.GetSpan(CsvText.MaxEncodedLength(length) + 1);
        CsvText.TryWriteField(utf8, destination, out var written);
        destination[written] = (byte)separator;
        line.Advance(written + 1);
    }
}
