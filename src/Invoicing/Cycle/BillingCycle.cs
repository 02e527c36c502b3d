using System.Diagnostics;
using System.Globalization;
using Centrex.Invoicing.Invoices;
using Centrex.Invoicing.Mail;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Sources;
using Centrex.Invoicing.Store;
using Centrex.Invoicing.Taxes;
using Centrex.Provisioning.Store;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Money;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Invoicing.Cycle;

/// <summary>
/// The monthly billing run over the data directory: for every provisioned customer, its invoice for the month from
/// the provisioning store, the rated calls and the balance carried in; one PDF and one CSV per customer in
/// <c>DATA/invoices/YYYY-MM/</c>; the invoices, lines and ledger in <c>DATA/billing.db</c>. All or nothing: files are
/// rendered into a <c>.partial</c> folder, the store is committed in one transaction, then the folder is renamed. A
/// period already billed is left as it is. Periods are billed in order, once each customer's month is over.
/// </summary>
public sealed class BillingCycle(string dataDirectory, IRatedCdrSource source, IClock clock, BillingRules rules, TaxTable taxes, ProviderInfo provider)
{
    private IReadOnlyList<IInvoiceRenderer> _renderers = [new PdfInvoiceRenderer(provider), new CsvInvoiceRenderer()];

    /// <summary>
    /// The files each invoice is written as; PDF and CSV unless told otherwise (a property test running hundreds of
    /// billing runs writes the CSV only: the amounts are the same, the PDF is read back by its own tests).
    /// </summary>
    public IReadOnlyList<IInvoiceRenderer> Renderers
    {
        get => _renderers;
        init => _renderers = value is { Count: > 0 } ? value : throw new ArgumentException("an invoice is written as at least one file", nameof(value));
    }

    /// <summary>Where a period's invoice files go.</summary>
    public string InvoiceFolder(YearMonth period) => Path.Combine(dataDirectory, "invoices", YearMonthPattern.Iso.Format(period));

    /// <summary>Bills <paramref name="period"/>.</summary>
    /// <param name="period">The month.</param>
    /// <param name="progress">Told (invoices rendered, invoices in all) as rendering goes.</param>
    /// <param name="cancellation">Stops before anything is committed.</param>
    /// <exception cref="BillingException">The period cannot be billed now; nothing was changed.</exception>
    public BillingRunResult Run(YearMonth period, Action<int, int>? progress = null, CancellationToken cancellation = default)
    {
        var clockStart = Stopwatch.GetTimestamp();
        using var provisioning = ProvisioningStore.Open(dataDirectory);
        using var billing = BillingStore.Open(dataDirectory);
        var folder = InvoiceFolder(period);
        if (billing.FindRun(period) is { } done)
        {
            FinishMove(folder);
            return new BillingRunResult(done, AlreadyBilled: true, [], 0, 0, folder, Stopwatch.GetElapsedTime(clockStart));
        }

        if (billing.LastRun() is { } last && period != last.Period.PlusMonths(1))
        {
            throw period < last.Period
                ? new BillingException(BillingErrors.PeriodClosed, $"{Format(period)} comes before {Format(last.Period)}, the last period billed; issued periods are closed", Format(period), Format(last.Period))
                : new BillingException(BillingErrors.PeriodSkipped, $"{Format(last.Period)} was the last period billed: bill {Format(last.Period.PlusMonths(1))} first", Format(last.Period), Format(last.Period.PlusMonths(1)));
        }

        if (Directory.Exists(folder))
        {
            throw new BillingException(BillingErrors.FolderExists, $"{folder} exists but {Format(period)} has not been billed: move it away first (billing never overwrites invoice files)", folder, Format(period));
        }

        var snapshot = provisioning.Load();
        var customers = CustomerBillingData.From(snapshot);
        var now = clock.GetCurrentInstant();
        var bounds = customers.ToDictionary(c => c.Customer.Id, c => InvoiceBuilder.Bounds(c.Customer, period), StringComparer.Ordinal);
        foreach (var c in customers.Where(c => now < bounds[c.Customer.Id].End))
        {
            var end = InstantPattern.General.Format(bounds[c.Customer.Id].End);
            throw new BillingException(BillingErrors.PeriodOpen, $"{Format(period)} is not over yet for customer {c.Customer.Id}: it ends {end} ({c.Customer.TimeZone})", Format(period), c.Customer.Id, end, c.Customer.TimeZone);
        }

        var (calls, previousCalls, unprovisioned) = CallsByCustomer(customers, bounds, period);
        var balances = billing.Balances();
        var history = History(billing, null, null, period);
        var builder = new InvoiceBuilder(rules, taxes, snapshot.Products.ToDictionary(p => p.Id, StringComparer.Ordinal));
        var next = billing.NextInvoiceNumber();
        var invoices = customers.Select((c, i) => builder.Build(
            next + i, c, period, calls.TryGetValue(c.Customer.Id, out var list) ? list : [], balances.GetValueOrDefault(c.Customer.Id), null,
            history(c.Customer.Id), previousCalls.GetValueOrDefault(c.Customer.Id))).ToList();

        var partial = folder + ".partial";
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true); // left by a run that failed before committing
        }

        Directory.CreateDirectory(partial);
        try
        {
            var files = Render(invoices, partial, progress, cancellation);
            var run = new BillingRun(period, now, invoices.Count, invoices.Count > 0 ? invoices[0].Number : null, invoices.Count > 0 ? invoices[^1].Number : null,
                invoices.Aggregate(Mills.Zero, (s, i) => s + i.Total));
            billing.Commit(period, [.. files.Select(f => (f.Invoice, f.PdfFile, f.CsvFile))], now, mails: Mails(files, period));
            FinishMove(folder);
            return new BillingRunResult(run, AlreadyBilled: false, invoices, calls.Values.Sum(l => (long)l.Count), unprovisioned, folder, Stopwatch.GetElapsedTime(clockStart));
        }
        catch
        {
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }

            throw;
        }
    }

    /// <summary>
    /// Voids the customer's latest invoice and issues a corrected one from today's provisioning and calls (issue 3:
    /// "immutable once issued (a correction voids and reissues)"). The void's ledger entries are reversed; the new
    /// invoice takes the next number and names the one it replaces.
    /// </summary>
    /// <exception cref="BillingException">The invoice does not exist, is void already, or is not the customer's latest.</exception>
    public Invoice VoidAndReissue(long number, string reason)
    {
        using var provisioning = ProvisioningStore.Open(dataDirectory);
        using var billing = BillingStore.Open(dataDirectory);
        var old = billing.Invoices().FirstOrDefault(i => i.Number == number) ?? throw new BillingException(BillingErrors.InvoiceMissing, $"invoice {number} does not exist", number);
        var latest = billing.Invoices(old.CustomerId).Where(i => !i.Void).Select(i => i.Number).DefaultIfEmpty().Max();
        if (old.Void || latest != number)
        {
            throw old.Void
                ? new BillingException(BillingErrors.InvoiceVoid, $"invoice {number} is void already", number)
                : new BillingException(BillingErrors.InvoiceNotLatest, $"invoice {number} is not customer {old.CustomerId}'s latest invoice ({latest}); reissue from the latest back", number, old.CustomerId, latest);
        }

        var snapshot = provisioning.Load();
        var customer = CustomerBillingData.From(snapshot).Single(c => c.Customer.Id == old.CustomerId);
        var bounds = new Dictionary<string, (Instant, Instant)>(StringComparer.Ordinal) { [customer.Customer.Id] = InvoiceBuilder.Bounds(customer.Customer, old.Period) };
        var (calls, previousCalls, _) = CallsByCustomer([customer], bounds, old.Period);
        var voidedEntries = billing.Ledger(old.CustomerId).Where(e => e.InvoiceNumber == number).Aggregate(Mills.Zero, (s, e) => s + e.Amount);
        var previous = billing.Balances().GetValueOrDefault(old.CustomerId) - voidedEntries;
        var builder = new InvoiceBuilder(rules, taxes, snapshot.Products.ToDictionary(p => p.Id, StringComparer.Ordinal));
        var invoice = builder.Build(billing.NextInvoiceNumber(), customer, old.Period, calls.GetValueOrDefault(customer.Customer.Id) ?? [], previous, number,
            History(billing, old.CustomerId, number, old.Period)(old.CustomerId), previousCalls.GetValueOrDefault(customer.Customer.Id));
        var folder = InvoiceFolder(old.Period);
        Directory.CreateDirectory(folder);
        var files = Render([invoice], folder, null, CancellationToken.None);
        billing.Commit(null, [.. files.Select(f => (f.Invoice, f.PdfFile, f.CsvFile))], clock.GetCurrentInstant(), [(number, reason)], Mails(files, old.Period));
        return invoice;
    }

    /// <summary>
    /// Each customer's billing history from the store: what was charged under each key and its standing invoice of each
    /// month. <paramref name="voiding"/>, an invoice voided in the same commit, counts for neither.
    /// </summary>
    private static Func<string, BillingHistory> History(BillingStore billing, string? customerId, long? voiding, YearMonth period)
    {
        var start = (billing.FirstRun()?.Period ?? period).OnDayOfMonth(1);
        var billed = billing.BilledCharges(customerId, voiding);
        var invoices = billing.Invoices(customerId).Where(i => !i.Void && i.Number != voiding)
            .GroupBy(i => i.CustomerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<YearMonth, long>)g.GroupBy(i => i.Period).ToDictionary(p => p.Key, p => p.Max(i => i.Number)), StringComparer.Ordinal);
        var none = new Dictionary<string, BilledCharge>(StringComparer.Ordinal);
        var noInvoices = new Dictionary<YearMonth, long>();
        var paid = billing.InvoicedPayments(customerId, voiding);
        var noPayments = new HashSet<string>(StringComparer.Ordinal);
        return customer => new BillingHistory(billed.GetValueOrDefault(customer) ?? none, invoices.GetValueOrDefault(customer) ?? noInvoices, start)
        {
            InvoicedPayments = paid.GetValueOrDefault(customer) ?? noPayments,
        };
    }

    /// <summary>
    /// Each customer's calls of the period, and its domestic calls of the month before (for the free minutes credit,
    /// which seed 001 puts on "the following months invoice"), read from the source in one pass.
    /// </summary>
    private (Dictionary<string, List<RatedCdr>> ByCustomer, Dictionary<string, List<RatedCdr>> PreviousMonth, long Unprovisioned) CallsByCustomer(
        IReadOnlyList<CustomerBillingData> customers, IReadOnlyDictionary<string, (Instant Start, Instant End)> bounds, YearMonth period)
    {
        var owner = customers.SelectMany(c => c.Accounts.Select(a => (a.Id, c.Customer.Id))).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        var result = new Dictionary<string, List<RatedCdr>>(StringComparer.Ordinal);
        var previous = new Dictionary<string, List<RatedCdr>>(StringComparer.Ordinal);
        var previousBounds = customers.ToDictionary(c => c.Customer.Id, c => InvoiceBuilder.Bounds(c.Customer, period.PlusMonths(-1)), StringComparer.Ordinal);
        long unprovisioned = 0;

        // Every zone's month lies within a day of the UTC month: read that once, then keep each call in its customer's month.
        var utc = (Start: period.OnDayOfMonth(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), End: period.PlusMonths(1).OnDayOfMonth(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());
        var from = bounds.Count > 0 ? Instant.Min(utc.Start - Duration.FromDays(1), previousBounds.Values.Min(b => b.Start)) : utc.Start;
        var to = bounds.Count > 0 ? Instant.Max(utc.End + Duration.FromDays(1), bounds.Values.Max(b => b.End)) : utc.End;
        source.Read(from, to, null, call =>
        {
            if (!owner.TryGetValue(call.Account, out var customer))
            {
                if (call.Start >= utc.Start && call.Start < utc.End)
                {
                    unprovisioned++;
                }

                return;
            }

            var (start, end) = bounds[customer];
            if (call.Start >= start && call.Start < end)
            {
                Add(result, customer, call);
            }
            else if (call.Class == Rating.Numbering.NumberClass.Domestic && call.Start >= previousBounds[customer].Start && call.Start < previousBounds[customer].End)
            {
                Add(previous, customer, call);
            }
        });

        return (result, previous, unprovisioned);

        static void Add(Dictionary<string, List<RatedCdr>> into, string customer, RatedCdr call)
        {
            if (!into.TryGetValue(customer, out var list))
            {
                into[customer] = list = [];
            }

            list.Add(call);
        }
    }

    /// <summary>Each invoice's email, its files named as they will be once the period's folder is in place.</summary>
    private List<NewMail> Mails(IEnumerable<(Invoice Invoice, string PdfFile, string CsvFile, string? Statistics)> files, YearMonth period)
    {
        var folder = Path.Combine("invoices", YearMonthPattern.Iso.Format(period));
        return [.. files.Where(f => f.Invoice.Customer.Email.Contains('@', StringComparison.Ordinal)).Select(f => InvoiceMail.For(f.Invoice, provider,
            f.Statistics is null ? [Path.Combine(folder, f.PdfFile)] : [Path.Combine(folder, f.PdfFile), Path.Combine(folder, f.Statistics)]))];
    }

    private List<(Invoice Invoice, string PdfFile, string CsvFile, string? Statistics)> Render(IReadOnlyList<Invoice> invoices, string folder, Action<int, int>? progress, CancellationToken cancellation)
    {
        var files = new (Invoice, string, string, string?)[invoices.Count];
        var rendered = 0;
        Parallel.For(0, invoices.Count, new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var invoice = invoices[i];
            var stem = string.Create(CultureInfo.InvariantCulture, $"{PdfInvoiceRenderer.InvoiceNumber(invoice.Number)}-{SafeName(invoice.Customer.Id)}");
            foreach (var renderer in _renderers)
            {
                using var stream = new FileStream(Path.Combine(folder, $"{stem}.{renderer.Extension}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                renderer.Render(invoice, stream);
            }

            files[i] = (invoice, stem + ".pdf", stem + ".csv", StatisticsFile.Write(invoice, folder, stem));
            progress?.Invoke(Interlocked.Increment(ref rendered), invoices.Count);
        });
        return [.. files];
    }

    private static void FinishMove(string folder)
    {
        var partial = folder + ".partial";
        if (Directory.Exists(partial) && !Directory.Exists(folder))
        {
            Directory.Move(partial, folder);
        }
    }

    private static string SafeName(string id) => string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));

    private static string Format(YearMonth period) => YearMonthPattern.Iso.Format(period);
}
