using Centrex.Invoicing.Sources;
using Centrex.Invoicing.Xdr;
using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NodaTime;

namespace Centrex.Portal.Features.Customer.Reports;

/// <summary>
/// The customer's xDR report for any period (seed 004, Reports: CSV or PDF; XLSX too), streamed to the browser as the
/// journal is read: CSV and XLSX rows are encoded from the journal's bytes straight into the response, so a million
/// rows download in the memory of one buffer. Named <c>xdr-CUST-2026-10-01-2026-10-31.csv</c>. CSV and XLSX cover any
/// period (issue 16: "for any period"; an XLSX up to its sheet's row limit, <see cref="MaxXlsxCalls"/>); a PDF is laid out in memory to number its pages ("Page n of m"), so it holds at
/// most <see cref="MaxPdfCalls"/> calls, and a longer one is refused before anything is sent, next to the format.
/// </summary>
public sealed class XdrDownload(CustomerScope scope, PortalData data)
{
    /// <summary>
    /// The most calls a PDF report holds: about 100 pages of 50 rows, what a person reads (seed 004: PDF for reading);
    /// more is a spreadsheet's job. Counted as the report's rows (<see cref="Data.CallLog.CallLogStore.CountCharged"/>).
    /// </summary>
    public const int MaxPdfCalls = 5_000;

    /// <summary>
    /// The most calls an XLSX report holds: one sheet's rows (1,048,576 in Excel and LibreOffice, ECMA-376's row index
    /// limit) less the header row. A longer period is refused up front rather than streamed into a file the spreadsheet
    /// cuts short; CSV has no limit.
    /// </summary>
    public const int MaxXlsxCalls = 1_048_575;

    /// <summary>The formats, by their names in URLs.</summary>
    public static readonly IReadOnlyDictionary<string, (XdrFormat Format, string Type)> Formats = new Dictionary<string, (XdrFormat, string)>(StringComparer.Ordinal)
    {
        ["csv"] = (XdrFormat.Csv, "text/csv; charset=utf-8"),
        ["xlsx"] = (XdrFormat.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ["pdf"] = (XdrFormat.Pdf, "application/pdf"),
    };

    /// <summary>What is wrong with the request, by field (<c>from</c>, <c>to</c>, <c>format</c>); empty when it is good.</summary>
    public static Dictionary<string, string> Check(LocalDate? from, LocalDate? to, string? format, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (from is null && !errors.ContainsKey("from"))
        {
            errors["from"] = "enter the first day (YYYY-MM-DD)";
        }

        if (to is null && !errors.ContainsKey("to"))
        {
            errors["to"] = "enter the last day (YYYY-MM-DD)";
        }

        if (from is { } f && to is { } t)
        {
            if (t < f)
            {
                errors["to"] = "the last day is before the first";
            }
        }

        if (format is null || !Formats.ContainsKey(format))
        {
            errors["format"] = "choose CSV, XLSX or PDF";
        }

        return errors;
    }

    /// <summary>
    /// Refuses a PDF of more than <see cref="MaxPdfCalls"/> calls and an XLSX of more than <see cref="MaxXlsxCalls"/>, on <c>format</c>; call after <see cref="Check"/>
    /// found nothing wrong. Returns <paramref name="errors"/>.
    /// </summary>
    public Dictionary<string, string> CheckSize(LocalDate from, LocalDate to, string format, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (format is "pdf" or "xlsx")
        {
            // Exactly the rows the report holds: the charged calls of the customer's lines (the journal's, which the report
            // reads), not every call Call Logs lists (missed, refused, internal, incoming, and the row a call between two
            // customers leaves for the caller): counting those refused a report of 5,000 calls as longer.
            var zone = scope.Zone;
            var calls = data.Calls.CountCharged(scope.CustomerId, from.AtStartOfDayInZone(zone).ToInstant(), to.PlusDays(1).AtStartOfDayInZone(zone).ToInstant(),
                scope.View.AccountIds);
            if (SizeRefusal(format, calls) is { } refusal)
            {
                errors["format"] = refusal;
            }
        }

        return errors;
    }

    /// <summary>
    /// Why a report of <paramref name="calls"/> charged calls cannot be had in <paramref name="format"/>, or null when it
    /// can: a PDF up to <see cref="MaxPdfCalls"/>, an XLSX up to <see cref="MaxXlsxCalls"/> (a header and 1,048,575 rows
    /// fill the sheet's 1,048,576), a CSV of any size. The decision <see cref="CheckSize"/> makes on the counted calls.
    /// </summary>
    public static string? SizeRefusal(string format, long calls) => format switch
    {
        "pdf" when calls > MaxPdfCalls => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"a PDF holds at most {MaxPdfCalls:N0} calls and these days have {calls:N0}: choose CSV or XLSX, or fewer days"),
        "xlsx" when calls > MaxXlsxCalls => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"an XLSX sheet holds at most {MaxXlsxCalls:N0} calls (the spreadsheet's row limit) and these days have {calls:N0}: choose CSV (any size), or fewer days"),
        _ => null,
    };

    /// <summary>Streams the report of the customer's calls from <paramref name="from"/> to <paramref name="to"/> (both included, in its zone).</summary>
    public async Task Write(HttpContext context, LocalDate from, LocalDate to, string format)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (xdrFormat, type) = Formats[format];
        var customer = scope.Customer;
        var selection = new XdrSelection($"Customer {customer.Id} — {customer.Company}", scope.View.AccountIds, scope.Zone, from, to, customer.Currency);
        var name = $"xdr-{customer.Id}-{Display.Show.IsoDate(from)}-{Display.Show.IsoDate(to)}.{format}";
        context.Response.ContentType = type;
        Api.Downloads.Name(context.Response, name);

        // The writers are synchronous (they encode journal bytes in a tight loop); the response is written from a worker
        // thread that may block on it, through a buffer so each write to the socket is large.
        context.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        await Task.Run(() =>
        {
            using var buffered = new BufferedStream(context.Response.Body, 1 << 16);
            XdrReport.WriteTo(new LedgerJournalSource(data.Ledger), selection, xdrFormat, buffered, data.Provider, cancellation: context.RequestAborted);
        }, context.RequestAborted);
    }
}
