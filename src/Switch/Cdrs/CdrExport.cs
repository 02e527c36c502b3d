using System.Globalization;
using System.Text;
using Centrex.Rating.Csv;
using NodaTime;

namespace Centrex.Switch.Cdrs;

/// <summary>
/// Writes stored switch CDRs in the CSV contract <c>centrex rate</c> reads: <c>id,account,caller,callee,start,duration</c>
/// (README, "CDRs (input)"). Only chargeable calls are written (answered, placed or forwarded by the account: the ones
/// the switch rates in real time), so rating the export charges exactly what the switch charged, under the same ids
/// (a durable ledger then reports them as duplicates). <c>callee</c> is the normalized number with a leading <c>+</c>
/// (or the dialed one when it did not normalize); <c>start</c> is the answer time, when billing starts; <c>duration</c>
/// the billable seconds.
/// </summary>
public static class CdrExport
{
    /// <summary>The contract header.</summary>
    public const string Header = "id,account,caller,callee,start,duration";

    /// <summary>Exports the chargeable CDRs among <paramref name="cdrs"/> to <paramref name="output"/>.</summary>
    /// <returns>The rows written.</returns>
    public static long Write(IEnumerable<SwitchCdr> cdrs, Stream output)
    {
        ArgumentNullException.ThrowIfNull(cdrs);
        ArgumentNullException.ThrowIfNull(output);
        var line = new ByteBuffer(1024);
        output.Write(Encoding.ASCII.GetBytes(Header + "\n"));
        long rows = 0;
        foreach (var cdr in cdrs)
        {
            if (!cdr.IsChargeable || cdr.Answer is not { } answer)
            {
                continue;
            }

            line.Clear();
            Field(line, cdr.Id);
            Field(line, cdr.Account);
            Field(line, cdr.Caller);
            Field(line, cdr.CalleeForRating);
            var span = line.GetSpan(IsoInstant.MaxLength + 1);
            var written = IsoInstant.Write(answer, span);
            span[written] = (byte)',';
            line.Advance(written + 1);
            var duration = Encoding.ASCII.GetBytes(cdr.BillableSeconds.ToString(CultureInfo.InvariantCulture) + "\n");
            duration.CopyTo(line.GetSpan(duration.Length));
            line.Advance(duration.Length);
            output.Write(line.Written);
            rows++;
        }

        return rows;
    }

    /// <summary>Exports from a data directory's store to a file (written as <c>FILE.partial</c>, then renamed).</summary>
    public static long WriteFile(string dataDirectory, Instant from, Instant to, string path, Action<string, long, string>? damaged = null)
    {
        var partial = path + ".partial";
        long rows;
        using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            rows = Write(CdrStore.Read(dataDirectory, from, to, damaged), file);
            file.Flush(flushToDisk: true);
        }

        File.Move(partial, path, overwrite: true);
        return rows;
    }

    private static void Field(ByteBuffer line, string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        var destination = line.GetSpan(CsvText.MaxEncodedLength(utf8.Length) + 1);
        CsvText.TryWriteField(utf8, destination, out var written);
        destination[written] = (byte)',';
        line.Advance(written + 1);
    }
}
