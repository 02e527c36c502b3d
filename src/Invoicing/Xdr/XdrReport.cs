using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Sources;
using Centrex.Ledger.Journal;
using Centrex.Rating.Money;

namespace Centrex.Invoicing.Xdr;

/// <summary>
/// Writes an xDR report: every rated call of the selected accounts that started in the range, in the source's order (the
/// journal's: the order the calls were rated), with its charge, plus the summary. The file is written under a
/// <c>.partial</c> name and renamed when complete, so a failed or interrupted report never leaves half a file.
/// </summary>
public static class XdrReport
{
    /// <summary>Writes the report to <paramref name="path"/> and returns its summary.</summary>
    /// <param name="source">The rated calls.</param>
    /// <param name="selection">Whose calls and when.</param>
    /// <param name="format">The file format.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <param name="provider">The provider named on PDF reports.</param>
    /// <param name="progress">Told the number of rows written so far, every 65,536 rows.</param>
    /// <param name="cancellation">Stops the report; no file is left.</param>
    public static XdrSummary Write(IRatedCdrSource source, XdrSelection selection, XdrFormat format, string path, ProviderInfo provider, Action<long>? progress = null, CancellationToken cancellation = default)
    {
        var partial = path + ".partial";
        try
        {
            XdrSummary summary;
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                summary = WriteTo(source, selection, format, stream, provider, progress, cancellation);
                stream.Flush(flushToDisk: true);
            }

            File.Move(partial, path, overwrite: true);
            return summary;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    /// <summary>
    /// Writes the report to <paramref name="stream"/> as it is read (the portal streams a download this way: a million
    /// rows of CSV or XLSX never sit in memory). The stream is flushed, not closed.
    /// </summary>
    /// <param name="source">The rated calls.</param>
    /// <param name="selection">Whose calls and when.</param>
    /// <param name="format">The file format.</param>
    /// <param name="stream">Where to write (need not seek).</param>
    /// <param name="provider">The provider named on PDF reports.</param>
    /// <param name="progress">Told the number of rows written so far, every 65,536 rows.</param>
    /// <param name="cancellation">Stops the report.</param>
    public static XdrSummary WriteTo(IRatedCdrSource source, XdrSelection selection, XdrFormat format, Stream stream, ProviderInfo provider, Action<long>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(selection);
        var summary = new XdrSummary();
        XdrSummary? first = null;
        if (format == XdrFormat.Pdf)
        {
            // The PDF opens with its summary: count first, then write.
            first = new XdrSummary();
            source.Read(selection.From, selection.To, selection.Accounts, first.Add);
        }

        using (IXdrWriter writer = format switch
        {
            XdrFormat.Csv => new XdrCsvWriter(stream, selection.Zone),
            XdrFormat.Xlsx => new XdrXlsxWriter(stream, selection),
            _ => new XdrPdfWriter(stream, selection, first!, provider),
        })
        {
            if (writer is IEncodedXdrWriter encoded && source is LedgerJournalSource journal)
            {
                // CSV and XLSX copy the journal's bytes: no record or strings per call (bench/README.md).
                journal.ReadEncoded(selection.From, selection.To, selection.Accounts, (_, entry) =>
                {
                    encoded.WriteEncoded(entry);
                    summary.Add(RatedCdrCodec.Class(entry), RatedCdrCodec.BilledSeconds(entry), new Mills(RatedCdrCodec.ChargeMills(entry)), new Mills(RatedCdrCodec.DiscountMills(entry)));
                    Tick();
                });
            }
            else
            {
                source.Read(selection.From, selection.To, selection.Accounts, call =>
                {
                    writer.Write(call);
                    summary.Add(call);
                    Tick();
                });
            }

            writer.Finish(summary);
        }

        stream.Flush();
        return summary;

        void Tick()
        {
            if ((summary.All.Calls & 0xFFFF) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
                progress?.Invoke(summary.All.Calls);
            }
        }
    }
}
