namespace Centrex.Invoicing.Store;

/// <summary>
/// The SQLite schema of <c>DATA/billing.db</c>, beside the provisioning store: invoices, their lines, the ledger and the
/// billing runs. Issued records are immutable, enforced by triggers: a correction voids an invoice (a row in
/// <c>invoice_voids</c> plus reversing ledger entries) and issues a new one.
/// </summary>
internal static class BillingSchema
{
    public static readonly string[] Migrations =
    [
        """
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
        """,
    ];
}
