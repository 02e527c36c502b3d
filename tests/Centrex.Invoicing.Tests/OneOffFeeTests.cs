using Centrex.Invoicing.Store;
using Centrex.Invoicing.Subscriptions;
using Centrex.Invoicing.Tests.Support;
using Centrex.Rating.Money;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Centrex.Invoicing.Tests;

/// <summary>Issue 17, money features: one-off and recurring fees, and a billing store written before them.</summary>
public sealed class OneOffFeeTests : IDisposable
{
    private static readonly YearMonth October = new(2026, 10);
    private readonly Harness _h = new() { Pdf = true };

    public void Dispose() => _h.Dispose();

    /// <summary>
    /// Seed 001: "There is a $75 charge per number for porting"; "You will be charged the standard setup and monthly fees
    /// to purchase a new number"; "there is a $15.00 processing fee for these types of payments" (wire transfers).
    /// Seed 004, DIDs: each number has its "Monthly charges".
    /// </summary>
    [Fact]
    public void PortingSetupMonthlyNumberAndWireFees_AreChargedOnTheirMonthsInvoice_AndShownOnThePdf()
    {
        _h.Import(Harness.Customer("C1", "A1"));
        _h.Import("""
            { "format": "centrex-provisioning/1",
              "products": [ { "id": "DID", "name": "Local number", "monthly_fee": "3.10", "setup_fee": "10.00" } ],
              "subscriptions": [ { "id": "N1", "account": "A1", "product": "DID", "start": "2026-10-22", "did": "+15145550100" } ],
              "fees": [ { "id": "F1", "account": "A1", "date": "2026-10-05", "kind": "porting", "number": "+15145550100" } ],
              "payments": [ { "id": "W1", "customer": "C1", "received": "2026-10-09", "amount": "500.00", "method": "bank-transfer", "reference": "wire 88" },
                            { "id": "B1", "customer": "C1", "received": "2026-10-10", "amount": "20.00", "method": "bill-payment", "reference": "EBP 1" } ] }
            """);
        var invoice = _h.Bill(October).Invoices.Single();

        Assert.Equal(new Mills(75_000), invoice.Subscriptions.Single(c => c.Key == "fee:F1").Amount);
        Assert.Equal(new Mills(10_000), invoice.Subscriptions.Single(c => c.Key == "setup:N1").Amount);
        Assert.Equal(new Mills(1_000), invoice.Subscriptions.Single(c => c.Key == "sub:N1:2026-10").Amount); // Oct 22-31: 10/31 of 3.10
        Assert.Equal(new Mills(3_100), invoice.Subscriptions.Single(c => c.Key == "sub:N1:2026-11").Amount); // day 20 or later: all of November too
        var wire = Assert.Single(invoice.Subscriptions, c => c.Kind == SubscriptionChargeKind.WireTransferFee);
        Assert.Equal(("wire:W1", new Mills(15_000), (string?)null), (wire.Key, wire.Amount, wire.AccountId)); // none for bill payment B1
        var text = Pdf.ToText(Path.Combine(_h.Data, "invoices", "2026-10", "000001-C1.pdf"));
        Assert.Matches(@"Number porting fee \(\+15145550100\)\s+2026-10-05\s+2026-10-05\s+2026-10-05\s+one-off\s+75\.000", text);
        Assert.Matches(@"Local number \(\+15145550100\): set.*one-off\s+10\.000", text); // cut with an ellipsis to its column
        Assert.Matches(@"—\s+Wire transfer processing.*2026-10-09\s+one-off\s+15\.000", text);
    }

    [Fact]
    public void FeeChangedAfterItWasInvoiced_IsAdjustedOnTheNextInvoice()
    {
        _h.Import(Harness.Customer("C1", "A1"));
        _h.Import("""{ "format": "centrex-provisioning/1", "fees": [ { "id": "F1", "account": "A1", "date": "2026-10-05", "kind": "other", "description": "Site visit", "amount": "120.00" } ] }""");
        var october = _h.Bill(October).Invoices.Single();
        _h.Import("""{ "format": "centrex-provisioning/1", "fees": [ { "id": "F1", "account": "A1", "date": "2026-10-05", "kind": "other", "description": "Site visit", "amount": "90.00" } ] }""");
        var november = _h.Bill(October.PlusMonths(1)).Invoices.Single();

        var adjustment = Assert.Single(november.Subscriptions);
        Assert.Equal((october.Number, new Mills(-30_000), new Mills(120_000)), (adjustment.Corrects, adjustment.Amount, adjustment.Previously));
        Assert.Equal(new Mills(90_000), _h.Billed("C1", "fee:F1"));
        Assert.Contains("Adjustments to earlier invoices", Pdf.ToText(Path.Combine(_h.Data, "invoices", "2026-11", "000002-C1.pdf")), StringComparison.Ordinal);
    }

    /// <summary>
    /// A billing store written before issue 17 gets each charge's key from its invoice line when it is opened, and its
    /// invoices (written before they recorded their currency) read without one.
    /// </summary>
    [Fact]
    public void StoreWrittenBeforeKeys_IsUpgraded_EachSubscriptionEntryKeyedByItsServiceMonth()
    {
        var path = Path.Combine(_h.Data, BillingStore.FileName);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = BillingSchemaV1 + """
                PRAGMA user_version = 1;
                INSERT INTO invoices VALUES (1, 'C1', '2026-09', '2026-09-30', '2026-10-30', 0, 0, 0, 0, 0, 0, 0, NULL, 'a.pdf', 'a.csv', 'x');
                INSERT INTO invoice_lines VALUES (1, 1, 'previous-balance', NULL, 'Previous balance', NULL, NULL, NULL, NULL, 0);
                INSERT INTO invoice_lines VALUES (1, 2, 'subscription', 'A1', 'Plan: 15/30 days', '2026-09-16', '2026-09-30', NULL, NULL, 15500);
                INSERT INTO invoice_lines VALUES (1, 3, 'emergency-911', 'A1', '911 cost recovery fee', '2026-09-01', '2026-09-30', NULL, NULL, 2990);
                INSERT INTO invoice_lines VALUES (1, 4, 'subscription', 'A1', 'Plan', '2026-10-01', '2026-10-31', NULL, NULL, 31000);
                INSERT INTO ledger (customer_id, account_id, invoice_number, posted_on, kind, description, reference, amount_mills) VALUES
                    ('C1', 'A1', 1, '2026-09-16', 'subscription', 'Plan: 15/30 days', 'S1', 15500),
                    ('C1', 'A1', 1, '2026-09-16', 'emergency-911', '911 cost recovery fee', NULL, 2990),
                    ('C1', 'A1', 1, '2026-09-27', 'subscription', 'Plan', 'S1', 31000),
                    ('C1', 'A1', 1, '2026-09-30', 'free-minutes-credit', 'Free North America minutes credit', NULL, -500);
                """;
            command.ExecuteNonQuery();
        }

        using var store = BillingStore.Open(_h.Data);
        var keys = store.BilledCharges()["C1"];
        Assert.Equal(["911:A1:2026-09", "free:A1:2026-09", "sub:S1:2026-09", "sub:S1:2026-10"], keys.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((new Mills(31_000), (long?)1), (keys["sub:S1:2026-10"].Amount, keys["sub:S1:2026-10"].LastInvoice));
        Assert.Throws<SqliteException>(() => Execute(path, "UPDATE ledger SET amount_mills = 0")); // immutable again

        // Written before invoices recorded their currency: it reads as none and is shown in the customer's current one,
        // and adding the column left the invoices immutable.
        var invoice = Assert.Single(store.Invoices("C1"));
        Assert.Null(invoice.Currency);
        Assert.Equal("JPY", invoice.CurrencyOr("JPY"));
        Assert.Throws<SqliteException>(() => Execute(path, "UPDATE invoices SET currency = 'USD'"));
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // The schema as version 1 wrote it (frozen here: a store of that version must open in every later one).
    private const string BillingSchemaV1 = """
        CREATE TABLE invoices (
            number INTEGER PRIMARY KEY, customer_id TEXT NOT NULL, period TEXT NOT NULL, issued_on TEXT NOT NULL, due_on TEXT NOT NULL,
            previous_balance_mills INTEGER NOT NULL, payments_mills INTEGER NOT NULL, total_mills INTEGER NOT NULL, tax_mills INTEGER NOT NULL,
            closing_balance_mills INTEGER NOT NULL, amount_due_mills INTEGER NOT NULL, prepaid INTEGER NOT NULL,
            replaces INTEGER REFERENCES invoices(number), pdf_file TEXT NOT NULL, csv_file TEXT NOT NULL, issued_at TEXT NOT NULL);
        CREATE INDEX invoices_by_customer ON invoices(customer_id, number);
        CREATE TABLE invoice_lines (
            number INTEGER NOT NULL REFERENCES invoices(number), line INTEGER NOT NULL, section TEXT NOT NULL, account_id TEXT,
            description TEXT NOT NULL, from_date TEXT, to_date TEXT, calls INTEGER, billed_seconds INTEGER, amount_mills INTEGER NOT NULL,
            PRIMARY KEY (number, line));
        CREATE TABLE invoice_voids (
            number INTEGER PRIMARY KEY REFERENCES invoices(number), voided_at TEXT NOT NULL, reason TEXT NOT NULL);
        CREATE TABLE ledger (
            id INTEGER PRIMARY KEY AUTOINCREMENT, customer_id TEXT NOT NULL, account_id TEXT,
            invoice_number INTEGER NOT NULL REFERENCES invoices(number), posted_on TEXT NOT NULL, kind TEXT NOT NULL,
            description TEXT NOT NULL, reference TEXT, amount_mills INTEGER NOT NULL);
        CREATE INDEX ledger_by_customer ON ledger(customer_id);
        CREATE TABLE billing_runs (
            period TEXT PRIMARY KEY, run_at TEXT NOT NULL, invoices INTEGER NOT NULL, first_number INTEGER, last_number INTEGER,
            total_mills INTEGER NOT NULL);
        CREATE TRIGGER invoices_immutable BEFORE UPDATE ON invoices BEGIN SELECT RAISE(ABORT, 'invoices are immutable: void and reissue'); END;
        CREATE TRIGGER invoices_kept BEFORE DELETE ON invoices BEGIN SELECT RAISE(ABORT, 'invoices are immutable: void and reissue'); END;
        CREATE TRIGGER invoice_lines_immutable BEFORE UPDATE ON invoice_lines BEGIN SELECT RAISE(ABORT, 'invoice lines are immutable'); END;
        CREATE TRIGGER invoice_lines_kept BEFORE DELETE ON invoice_lines BEGIN SELECT RAISE(ABORT, 'invoice lines are immutable'); END;
        CREATE TRIGGER ledger_immutable BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'ledger entries are immutable: post a reversal'); END;
        CREATE TRIGGER ledger_kept BEFORE DELETE ON ledger BEGIN SELECT RAISE(ABORT, 'ledger entries are immutable: post a reversal'); END;
        """;
}
