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
/// rows download in the memory of one buffer. Named <c>xdr-CUST-2026-10-01-2026-10-31.csv</c>.
/// </summary>
public sealed class XdrDownload(CustomerScope scope, PortalData data)
{
    /// <summary>The longest range one report may cover.</summary>
    public const int MaxDays = 366;

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
            else if (Period.Between(f, t, PeriodUnits.Days).Days >= MaxDays)
            {
                errors["to"] = $"a report covers at most {MaxDays} days";
            }
        }

        if (format is null || !Formats.ContainsKey(format))
        {
            errors["format"] = "choose CSV, XLSX or PDF";
        }

        return errors;
    }

    /// <summary>Streams the report of the customer's calls from <paramref name="from"/> to <paramref name="to"/> (both included, in its zone).</summary>
    public async Task Write(HttpContext context, LocalDate from, LocalDate to, string format)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (xdrFormat, type) = Formats[format];
        var customer = scope.Customer;
        var selection = new XdrSelection($"Customer {customer.Id} — {customer.Company}", scope.View.AccountIds, scope.Zone, from, to, customer.Currency);
        var name = $"xdr-{customer.Id}-{Display.Show.IsoDate(from)}-{Display.Show.IsoDate(to)}.{format}";
        context.Response.ContentType = type;
        context.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = name }.ToString();

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
