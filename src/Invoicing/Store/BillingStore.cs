using System.Globalization;
using Centrex.Invoicing.Invoices;
using Centrex.Invoicing.Ledger;
using Centrex.Provisioning.Store;
using Centrex.Rating.Money;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Invoicing.Store;

/// <summary>
/// The billing store, <c>DATA/billing.db</c> (SQLite): issued invoices and their lines, the ledger, billing runs.
/// A run's invoices are committed in one transaction with numbers that must follow the last one exactly, so the
/// sequence never has a gap and a failed run leaves nothing behind.
/// </summary>
public sealed partial class BillingStore : IDisposable
{
    /// <summary>File name of the store in the data directory.</summary>
    public const string FileName = "billing.db";

    private static readonly YearMonthPattern PeriodPattern = YearMonthPattern.Iso;
    private readonly SqliteConnection _connection;

    private BillingStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating if needed) the store in <paramref name="dataDirectory"/>.</summary>
    public static BillingStore Open(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, FileName), Pooling = false }.ToString());
        connection.Open();
        SqliteMigrator.Migrate(connection, BillingSchema.Migrations, FileName);
        return new BillingStore(connection);
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    /// <summary>The number the next invoice gets.</summary>
    public long NextInvoiceNumber() => NextInvoiceNumber(null);

    private long NextInvoiceNumber(SqliteTransaction? transaction)
    {
        using var command = Command(transaction, "SELECT COALESCE(MAX(number), 0) + 1 FROM invoices");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The run of <paramref name="period"/>, if it was billed.</summary>
    public BillingRun? FindRun(YearMonth period) =>
        Query("SELECT period, run_at, invoices, first_number, last_number, total_mills FROM billing_runs WHERE period = $p", ReadRun, ("$p", PeriodPattern.Format(period))).FirstOrDefault();

    /// <summary>The ids of the payments and refunds on standing invoices, per customer.</summary>
    /// <param name="customerId">One customer, or all when null.</param>
    /// <param name="excludeInvoice">An invoice being voided in the same commit: its payments count as not invoiced.</param>
    public IReadOnlyDictionary<string, HashSet<string>> InvoicedPayments(string? customerId = null, long? excludeInvoice = null) =>
        Query(
            """
            SELECT l.customer_id, l.reference FROM ledger l LEFT JOIN invoice_voids v ON v.number = l.invoice_number
            WHERE l.kind IN ('payment', 'refund') AND l.reference IS NOT NULL AND v.number IS NULL
              AND ($c IS NULL OR l.customer_id = $c) AND ($x IS NULL OR l.invoice_number <> $x)
            """,
            r => (r.GetString(0), r.GetString(1)), ("$c", customerId), ("$x", excludeInvoice))
        .GroupBy(x => x.Item1, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Item2).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>The earliest period billed, if any: where billing started.</summary>
    public BillingRun? FirstRun() =>
        Query("SELECT period, run_at, invoices, first_number, last_number, total_mills FROM billing_runs ORDER BY period LIMIT 1", ReadRun).FirstOrDefault();

    /// <summary>The latest period billed, if any.</summary>
    public BillingRun? LastRun() =>
        Query("SELECT period, run_at, invoices, first_number, last_number, total_mills FROM billing_runs ORDER BY period DESC LIMIT 1", ReadRun).FirstOrDefault();

    /// <summary>Every customer's balance: the sum of its ledger entries.</summary>
    public IReadOnlyDictionary<string, Mills> Balances() =>
        Query("SELECT customer_id, SUM(amount_mills) FROM ledger GROUP BY customer_id", r => (r.GetString(0), new Mills(r.GetInt64(1))))
            .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

    /// <summary>Issued invoices, of one customer or all, by number.</summary>
    public IReadOnlyList<IssuedInvoice> Invoices(string? customerId = null) => Query(
        """
        SELECT i.number, customer_id, period, issued_on, due_on, previous_balance_mills, total_mills, closing_balance_mills, amount_due_mills,
               prepaid, v.number IS NOT NULL, replaces, currency
        FROM invoices i LEFT JOIN invoice_voids v ON v.number = i.number
        WHERE $c IS NULL OR customer_id = $c ORDER BY i.number
        """,
        r => new IssuedInvoice(r.GetInt64(0), r.GetString(1), PeriodPattern.Parse(r.GetString(2)).Value, Date(r.GetString(3)), Date(r.GetString(4)),
            new Mills(r.GetInt64(5)), new Mills(r.GetInt64(6)), new Mills(r.GetInt64(7)), new Mills(r.GetInt64(8)), r.GetInt64(9) != 0, r.GetBoolean(10),
            r.IsDBNull(11) ? null : r.GetInt64(11), r.IsDBNull(12) ? null : r.GetString(12)),
        ("$c", customerId));

    /// <summary>The stored lines of an invoice.</summary>
    public IReadOnlyList<InvoiceLine> Lines(long number) => Query(
        "SELECT section, account_id, description, from_date, to_date, calls, billed_seconds, amount_mills FROM invoice_lines WHERE number = $n ORDER BY line",
        r => new InvoiceLine(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : Date(r.GetString(3)),
            r.IsDBNull(4) ? null : Date(r.GetString(4)), r.IsDBNull(5) ? null : r.GetInt32(5), r.IsDBNull(6) ? null : r.GetInt64(6), new Mills(r.GetInt64(7))),
        ("$n", number));

    /// <summary>Ledger entries, of one customer or all, in posting order.</summary>
    public IReadOnlyList<LedgerEntry> Ledger(string? customerId = null) => LedgerQuery(null, "$c IS NULL OR customer_id = $c", ("$c", customerId));

    private List<LedgerEntry> LedgerQuery(SqliteTransaction? transaction, string where, params (string Name, object? Value)[] parameters) => Query(
        transaction,
        "SELECT customer_id, account_id, invoice_number, posted_on, kind, description, reference, amount_mills, charge_key, corrects FROM ledger WHERE " + where + " ORDER BY id",
        r => new LedgerEntry(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt64(2), Date(r.GetString(3)), LedgerKinds.Parse(r.GetString(4)),
            r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), new Mills(r.GetInt64(7)), r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetInt64(9)),
        parameters);

    /// <summary>
    /// Stores a run's invoices, lines and ledger entries and the run itself, all or nothing. The invoices must be
    /// numbered from <see cref="NextInvoiceNumber()"/> on without a gap.
    /// </summary>
    /// <param name="period">The period billed, or null for a reissue (not a run).</param>
    /// <param name="invoices">The invoices with the file names they were rendered to.</param>
    /// <param name="runAt">When.</param>
    /// <param name="voids">Invoices voided by this commit, with their reason.</param>
    /// <param name="mails">Messages to queue with the invoices (each invoice's email), all or nothing with them.</param>
    public void Commit(YearMonth? period, IReadOnlyList<(Invoice Invoice, string PdfFile, string CsvFile)> invoices, Instant runAt, IReadOnlyList<(long Number, string Reason)>? voids = null,
        IReadOnlyList<Mail.NewMail>? mails = null)
    {
        using var transaction = _connection.BeginTransaction();
        var expected = NextInvoiceNumber(transaction);
        var at = InstantPattern.General.Format(runAt);
        foreach (var (number, reason) in voids ?? [])
        {
            Execute(transaction, "INSERT INTO invoice_voids VALUES ($n, $at, $r)", ("$n", number), ("$at", at), ("$r", reason));

            // Reversals carry the voided invoice's number: its entries then add up to zero, and the balance is the sum
            // of the ledger as always.
            foreach (var e in LedgerQuery(transaction, "invoice_number = $n AND kind <> 'reversal'", ("$n", number)))
            {
                Insert(transaction, e with { Kind = LedgerKind.Reversal, Description = "Void: " + e.Description, Amount = -e.Amount });
            }
        }

        foreach (var (invoice, pdf, csv) in invoices)
        {
            if (invoice.Number != expected++)
            {
                throw new InvalidOperationException($"invoice number {invoice.Number} does not follow {expected - 2}: numbers are sequential without gaps");
            }

            Execute(transaction,
                "INSERT INTO invoices VALUES ($n, $c, $p, $i, $d, $pb, $pay, $t, $tax, $cb, $due, $pre, $rep, $pdf, $csv, $at, $cur)",
                ("$n", invoice.Number), ("$c", invoice.Customer.Id), ("$p", PeriodPattern.Format(invoice.Period)), ("$i", Date(invoice.IssuedOn)),
                ("$d", Date(invoice.DueOn)), ("$pb", invoice.PreviousBalance.Value), ("$pay", invoice.PaymentsTotal.Value), ("$t", invoice.Total.Value),
                ("$tax", invoice.TaxTotal.Value), ("$cb", invoice.ClosingBalance.Value), ("$due", invoice.AmountDue.Value), ("$pre", invoice.Prepaid ? 1 : 0),
                ("$rep", invoice.Replaces), ("$pdf", pdf), ("$csv", csv), ("$at", at),
                ("$cur", invoice.Customer.Currency));
            var lineNumber = 0;
            foreach (var line in InvoiceLines.For(invoice))
            {
                Execute(transaction, "INSERT INTO invoice_lines VALUES ($n, $l, $s, $a, $desc, $f, $to, $calls, $sec, $amt)",
                    ("$n", invoice.Number), ("$l", ++lineNumber), ("$s", line.Section), ("$a", line.Account), ("$desc", line.Description),
                    ("$f", line.From is { } f ? Date(f) : null), ("$to", line.To is { } t ? Date(t) : null), ("$calls", line.Calls),
                    ("$sec", line.BilledSeconds), ("$amt", line.Amount.Value));
            }

            foreach (var entry in InvoiceLines.LedgerEntries(invoice))
            {
                Insert(transaction, entry);
            }
        }

        foreach (var mail in mails ?? [])
        {
            Enqueue(transaction, mail, runAt);
        }

        if (period is { } p)
        {
            Execute(transaction, "INSERT INTO billing_runs VALUES ($p, $at, $count, $first, $last, $total)",
                ("$p", PeriodPattern.Format(p)), ("$at", at), ("$count", invoices.Count),
                ("$first", invoices.Count > 0 ? invoices[0].Invoice.Number : null), ("$last", invoices.Count > 0 ? invoices[^1].Invoice.Number : null),
                ("$total", invoices.Aggregate(0L, (sum, i) => checked(sum + i.Invoice.Total.Value))));
        }

        transaction.Commit();
    }

    private void Insert(SqliteTransaction transaction, LedgerEntry e) =>
        Execute(transaction, "INSERT INTO ledger (customer_id, account_id, invoice_number, posted_on, kind, description, reference, amount_mills, charge_key, corrects) VALUES ($c, $a, $n, $d, $k, $desc, $r, $amt, $key, $cor)",
            ("$c", e.CustomerId), ("$a", e.AccountId), ("$n", e.InvoiceNumber), ("$d", Date(e.PostedOn)), ("$k", e.Kind.ToWireName()),
            ("$desc", e.Description), ("$r", e.Reference), ("$amt", e.Amount.Value), ("$key", e.ChargeKey), ("$cor", e.Corrects));

    /// <summary>
    /// What issued invoices charged under each key (<see cref="Subscriptions.SubscriptionCharge.Key"/>), per customer:
    /// the net amount (a voided invoice's entries and their reversals cancel out) and the latest invoice still standing
    /// that charged it, which an adjustment names as the one it corrects.
    /// </summary>
    /// <param name="customerId">One customer, or every customer when null.</param>
    /// <param name="excludeInvoice">An invoice being voided in the same commit: its entries do not count.</param>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, BilledCharge>> BilledCharges(string? customerId = null, long? excludeInvoice = null)
    {
        var result = new Dictionary<string, Dictionary<string, BilledCharge>>(StringComparer.Ordinal);
        foreach (var (customer, key, amount, invoice, standing, description, account) in Query(
            """
            SELECT l.customer_id, l.charge_key, l.amount_mills, l.invoice_number, l.kind <> 'reversal' AND v.number IS NULL, l.description, l.account_id
            FROM ledger l LEFT JOIN invoice_voids v ON v.number = l.invoice_number
            WHERE l.charge_key IS NOT NULL AND ($c IS NULL OR l.customer_id = $c) AND ($x IS NULL OR l.invoice_number <> $x)
            ORDER BY l.id
            """,
            r => (r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetBoolean(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6)),
            ("$c", customerId), ("$x", excludeInvoice)))
        {
            if (!result.TryGetValue(customer, out var keys))
            {
                result[customer] = keys = new Dictionary<string, BilledCharge>(StringComparer.Ordinal);
            }

            var before = keys.GetValueOrDefault(key) ?? new BilledCharge(Mills.Zero, null, description, account);
            keys[key] = standing
                ? new BilledCharge(before.Amount + new Mills(amount), invoice, description, account)
                : before with { Amount = before.Amount + new Mills(amount) };
        }

        return result.ToDictionary(c => c.Key, c => (IReadOnlyDictionary<string, BilledCharge>)c.Value, StringComparer.Ordinal);
    }

    private static BillingRun ReadRun(SqliteDataReader r) => new(
        PeriodPattern.Parse(r.GetString(0)).Value, InstantPattern.General.Parse(r.GetString(1)).Value, r.GetInt32(2),
        r.IsDBNull(3) ? null : r.GetInt64(3), r.IsDBNull(4) ? null : r.GetInt64(4), new Mills(r.GetInt64(5)));

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters) =>
        Query(null, sql, read, parameters);

    private List<T> Query<T>(SqliteTransaction? transaction, string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(read(reader));
        }

        return list;
    }

    private void Execute(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
