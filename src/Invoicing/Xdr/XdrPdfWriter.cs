using System.Globalization;
using Centrex.Invoicing.Rendering;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Numbering;
using NodaTime.Text;

namespace Centrex.Invoicing.Xdr;

/// <summary>
/// The PDF report (PdfSharp, the same layout as the invoices): provider and report heading, the summary by class, then
/// every call (the class is in the summary) in a table whose header repeats on each page, "Page n of m" on every page. The summary is known before
/// the first row because the report reads its calls twice for this format. A PDF is built in memory: it is meant for
/// the calls a person reads, not a million rows (use CSV or XLSX for those).
/// </summary>
public sealed class XdrPdfWriter : IXdrWriter
{
    private static readonly LocalDateTimePattern TimePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss");
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuu-MM-dd");
    private readonly Stream _output;
    private readonly XdrSelection _selection;
    private readonly ProviderInfo _provider;
    private readonly PdfLayout _layout;
    private readonly PdfTable? _table;

    /// <summary>Starts the report: heading and summary.</summary>
    public XdrPdfWriter(Stream output, XdrSelection selection, XdrSummary summary, ProviderInfo provider)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(provider);
        DejaVuFontResolver.EnsureInstalled();
        _output = output;
        _selection = selection;
        _provider = provider;
        _layout = new PdfLayout("xDR report", l =>
        {
            l.Text($"xDR report · {selection.Title} · {Range()}", l.Small, PdfLayout.Left, l.Y, PdfLayout.Width, brush: PdfLayout.Muted);
            l.Y += 14;
        });
        Heading(summary);
        if (summary.All.Calls > 0)
        {
            _layout.SectionHeading($"Calls ({summary.All.Calls:N0}, times in {selection.Zone.Id})");
            _table = _layout.StartTable(
                [new("Start", 84), new("Account", 48), new("From", 66), new("To", 68), new("Destination", 98), new("Billed", 44, true), new("Charge", 40, true), new("Discount", 44, true), new("Net", 40, true)],
                _layout.Small, _layout.SmallBold, "Calls");
        }
    }

    /// <inheritdoc />
    public void Write(RatedCdr call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _table?.Row(
        [
            TimePattern.Format(call.Start.InZone(_selection.Zone).LocalDateTime), call.Account, call.Caller, "+" + call.Callee, call.Destination,
            Amounts.Duration(call.BilledSeconds), Amounts.Exact(call.Charge, _selection.Currency),
            call.Discount.Value == 0 ? string.Empty : Amounts.Exact(-call.Discount, _selection.Currency), Amounts.Exact(call.Net, _selection.Currency),
        ]);
    }

    /// <inheritdoc />
    public void Finish(XdrSummary summary)
    {
        _table?.End();
        _layout.Save(_output, $"{_provider.Name} · xDR report · {_selection.Title} · amounts in {_selection.Currency}");
    }

    /// <inheritdoc />
    public void Dispose() => _layout.Dispose();

    private string Range() => $"{DatePattern.Format(_selection.FromDate)} to {DatePattern.Format(_selection.ToDate)}";

    private void Heading(XdrSummary summary)
    {
        var l = _layout;
        l.Text(_provider.Name, l.Large, PdfLayout.Left, l.Y, 300, brush: PdfLayout.Accent);
        l.Text("xDR REPORT", l.Title, 330, l.Y, PdfLayout.Right - 330, right: true, brush: PdfLayout.Accent);
        l.Y += 34;
        foreach (var (label, value) in new[]
        {
            ("Report for", _selection.Title), ("Calls started", Range() + " (both days included)"), ("Time zone", _selection.Zone.Id),
            ("Currency", _selection.Currency), ("Accounts", string.Join(", ", _selection.Accounts.Order(StringComparer.Ordinal))),
        })
        {
            l.Text(label, l.Regular, PdfLayout.Left, l.Y, 100, brush: PdfLayout.Muted);
            l.Text(value, l.Bold, PdfLayout.Left + 100, l.Y, PdfLayout.Width - 100);
            l.Y += l.Regular.Size + 4;
        }

        l.SectionHeading("Summary");
        var rows = Enum.GetValues<NumberClass>().Where(c => summary.Of(c).Calls > 0).Select(c => Row(c.ToWireName(), summary.Of(c))).ToList();
        rows.Add(Row("Total", summary.All));
        l.Table([new("Class", 132), new("Calls", 70, true), new("Billed minutes", 90, true), new("Charge", 80, true), new("Discount", 80, true), new("Net", 80, true)], rows);

        string[] Row(string label, XdrSummary.Totals t) =>
        [
            label, t.Calls.ToString("N0", CultureInfo.InvariantCulture), Amounts.Minutes(t.BilledSeconds), Amounts.Exact(t.Charge, _selection.Currency),
            Amounts.Exact(-t.Discount, _selection.Currency), Amounts.Exact(t.Net, _selection.Currency),
        ];
    }
}
