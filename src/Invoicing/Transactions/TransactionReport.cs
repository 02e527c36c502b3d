using System.Globalization;
using Centrex.Invoicing.Invoices;
using Centrex.Invoicing.Ledger;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Sources;
using Centrex.Invoicing.Store;
using Centrex.Provisioning.Model;
using Centrex.Rating.Csv;
using Centrex.Rating.Money;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Invoicing.Transactions;

/// <summary>
/// A customer's transactions over a date range (seed 004, Transactions: "This screen allows you to view and download
/// transaction records – for any desired time period and service", with per-service "Total Transactions, Charged
/// Quantity, Charged Amount"): every rated call from the journal (its net charge, invoiced or not yet), every entry of the
/// billing ledger except the per-account call totals the calls themselves replace (subscription charges, fees,
/// adjustments, credits, taxes, payments, refunds, voids), and payments and refunds received but not invoiced yet.
/// Charges not invoiced yet other than calls (this month's subscriptions) appear once their invoice is issued.
/// </summary>
public static class TransactionReport
{
    /// <summary>The CSV columns (a contract).</summary>
    public const string Header = "date,service,account,description,reference,invoice,quantity,unit,amount";

    /// <summary>The services, in the order totals are printed.</summary>
    public static readonly IReadOnlyList<string> Services = ["calls", "subscriptions", "fees", "adjustments", "credits", "taxes", "payments", "refunds", "voids"];

    /// <summary>The customer's transactions from <paramref name="from"/> through <paramref name="to"/>, by date.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="accounts">Its accounts.</param>
    /// <param name="payments">Its payments and refunds (from provisioning).</param>
    /// <param name="billing">The billing store.</param>
    /// <param name="calls">The rated calls.</param>
    /// <param name="from">First day.</param>
    /// <param name="to">Last day.</param>
    /// <param name="service">Only this service, or all when null.</param>
    public static List<Transaction> Build(Customer customer, IReadOnlyList<Account> accounts, IReadOnlyList<Payment> payments, BillingStore billing, IRatedCdrSource calls,
        LocalDate from, LocalDate to, string? service)
    {
        var result = new List<Transaction>();
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(billing);
        Each(customer, accounts, payments, billing.Ledger(customer.Id), calls, from, to, service, result.Add);

        // Each gives date order when the source reads calls in start order; a journal reads them as they were rated.
        return [.. result.OrderBy(t => t.Date).ThenBy(t => Order(t.Service))];
    }

    /// <summary>
    /// Visits the customer's transactions from <paramref name="from"/> through <paramref name="to"/> one at a time, for
    /// a download of any length (issue 16: "long exports streamed"): the billing ledger's entries and the payments (a
    /// few per month) are held and sorted, the calls are never held: each is merged in as the source reads it. When the
    /// source reads calls in start order (the call-log index does) the visits are in <see cref="Build"/>'s order: by
    /// date, calls first within a day, then the other services in <see cref="Services"/> order.
    /// </summary>
    /// <param name="customer">The customer.</param>
    /// <param name="accounts">Its accounts.</param>
    /// <param name="payments">Its payments and refunds (from provisioning).</param>
    /// <param name="ledger">The customer's entries of the billing ledger (<see cref="BillingStore.Ledger"/>), read before: the store is not held while a download is written.</param>
    /// <param name="calls">The rated calls.</param>
    /// <param name="from">First day.</param>
    /// <param name="to">Last day.</param>
    /// <param name="service">Only this service, or all when null.</param>
    /// <param name="visit">Told each transaction.</param>
    public static void Each(Customer customer, IReadOnlyList<Account> accounts, IReadOnlyList<Payment> payments, IReadOnlyList<LedgerEntry> ledger, IRatedCdrSource calls,
        LocalDate from, LocalDate to, string? service, Action<Transaction> visit)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(visit);
        var zone = DateTimeZoneProviders.Tzdb[customer.TimeZone];
        var held = Held(payments, ledger, from, to, service);
        var next = 0;
        if (service is null or "calls")
        {
            var start = from.AtStartOfDayInZone(zone).ToInstant();
            var end = to.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
            calls.Read(start, end, accounts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal), call =>
            {
                var date = call.Start.InZone(zone).Date;

                // Calls come first within their day ("calls" is the first service): what is held of earlier days goes before.
                while (next < held.Count && held[next].Date < date)
                {
                    visit(held[next++]);
                }

                visit(new Transaction(date, "calls", call.Account, $"Call to +{call.Callee} ({call.Destination})", call.Id, null, call.BilledSeconds, call.Net));
            });
        }

        while (next < held.Count)
        {
            visit(held[next++]);
        }
    }

    /// <summary>
    /// The transactions other than calls from <paramref name="from"/> through <paramref name="to"/>, in the order
    /// <see cref="Each"/> merges them with the calls (by date, then service): every entry of the billing ledger except
    /// the call totals, and the payments and refunds not invoiced yet. A few a month: a download holds them while it
    /// streams the calls (<see cref="TransactionCsvWriter"/>).
    /// </summary>
    /// <param name="payments">The customer's payments and refunds (from provisioning).</param>
    /// <param name="ledger">The customer's entries of the billing ledger.</param>
    /// <param name="from">First day.</param>
    /// <param name="to">Last day.</param>
    /// <param name="service">Only this service, or all when null.</param>
    public static List<Transaction> Held(IReadOnlyList<Payment> payments, IReadOnlyList<LedgerEntry> ledger, LocalDate from, LocalDate to, string? service)
    {
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(ledger);
        var others = new List<Transaction>();
        var invoiced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in ledger)
        {
            if (e.Kind is LedgerKind.Payment or LedgerKind.Refund && e.Reference is not null)
            {
                invoiced.Add(e.Reference);
            }

            var kind = Service(e.Kind);
            if (kind is not null && e.PostedOn >= from && e.PostedOn <= to)
            {
                others.Add(new Transaction(e.PostedOn, kind, e.AccountId, e.Description, e.Reference, e.InvoiceNumber, 1, e.Amount));
            }
        }

        foreach (var p in payments.Where(p => p.Received >= from && p.Received <= to && !invoiced.Contains(p.Id)))
        {
            var refund = p.Kind == PaymentKind.Refund;
            others.Add(new Transaction(p.Received, refund ? "refunds" : "payments", null, InvoiceLines.PaymentText(p), p.Id, null, 1, refund ? p.Amount : -p.Amount));
        }

        // A stable sort: within a day and a service, the ledger's order, then the payments not invoiced yet.
        return [.. others.Where(t => service is null || t.Service == service).OrderBy(t => t.Date).ThenBy(t => Order(t.Service))];
    }

    /// <summary>Writes the transactions as CSV (<see cref="Header"/>), amounts with three decimals.</summary>
    public static void WriteCsv(IEnumerable<Transaction> transactions, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Header + "\n");
        foreach (var t in transactions)
        {
            WriteCsvRow(t, output);
        }
    }

    /// <summary>Writes one transaction as a CSV row (after <see cref="Header"/>), for a download written as it is read.</summary>
    public static void WriteCsvRow(Transaction t, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"{LocalDatePattern.Iso.Format(t.Date)},{t.Service},{CsvText.Escape(t.Account ?? string.Empty)},{CsvText.Escape(t.Description)},{CsvText.Escape(t.Reference ?? string.Empty)},{(t.Invoice is { } n ? PdfInvoiceRenderer.InvoiceNumber(n) : string.Empty)},{t.Quantity},{(t.Service == "calls" ? "seconds" : "each")},{t.Amount}\n"));
    }

    /// <summary>Totals per service, in <see cref="Services"/> order: transactions, charged quantity, amount.</summary>
    public static IReadOnlyList<(string Service, int Transactions, long Quantity, Mills Amount)> Totals(IEnumerable<Transaction> transactions) =>
        [.. transactions.GroupBy(t => t.Service).OrderBy(g => Order(g.Key))
            .Select(g => (g.Key, g.Count(), g.Sum(t => t.Quantity), g.Aggregate(Mills.Zero, (s, t) => s + t.Amount)))];

    private static int Order(string service)
    {
        for (var i = 0; i < Services.Count; i++)
        {
            if (Services[i] == service)
            {
                return i;
            }
        }

        return Services.Count;
    }

    private static string? Service(LedgerKind kind) => kind switch
    {
        LedgerKind.Calls or LedgerKind.VolumeDiscount => null, // the calls themselves are listed, from the journal
        LedgerKind.Subscription or LedgerKind.Emergency911 => "subscriptions",
        LedgerKind.Fee => "fees",
        LedgerKind.Adjustment => "adjustments",
        LedgerKind.FreeMinutesCredit => "credits",
        LedgerKind.Tax => "taxes",
        LedgerKind.Payment => "payments",
        LedgerKind.Refund => "refunds",
        _ => "voids",
    };
}
