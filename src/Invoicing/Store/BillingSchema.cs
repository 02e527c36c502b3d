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

        // Issue 17: each charge billing reconciles carries the key of what it pays for, and an adjustment the invoice it
        // corrects. Entries written before get their keys here, the only time the ledger is written to in place: a
        // subscription or 911 entry is paired with its invoice line (both were written in the same order from the same
        // invoice) for its service month; a reversal takes the key of the entry it reverses (written in the same order too).
        """
        ALTER TABLE ledger ADD COLUMN charge_key TEXT;
        ALTER TABLE ledger ADD COLUMN corrects INTEGER REFERENCES invoices(number);
        DROP TRIGGER ledger_immutable;
        UPDATE ledger SET charge_key = (
            SELECT CASE l.kind WHEN 'subscription' THEN 'sub:' || l.reference ELSE '911:' || l.account_id END || ':' || substr(x.from_date, 1, 7)
            FROM (SELECT id, kind, reference, account_id, invoice_number,
                         ROW_NUMBER() OVER (PARTITION BY invoice_number ORDER BY id) AS k
                  FROM ledger WHERE kind IN ('subscription', 'emergency-911')) l
            JOIN (SELECT number, from_date, ROW_NUMBER() OVER (PARTITION BY number ORDER BY line) AS k
                  FROM invoice_lines WHERE section IN ('subscription', 'emergency-911')) x
              ON x.number = l.invoice_number AND x.k = l.k
            WHERE l.id = ledger.id)
        WHERE kind IN ('subscription', 'emergency-911');
        UPDATE ledger SET charge_key = 'free:' || account_id || ':' || (SELECT period FROM invoices WHERE number = ledger.invoice_number)
        WHERE kind = 'free-minutes-credit';
        UPDATE ledger SET charge_key = (
            SELECT o.charge_key
            FROM (SELECT id, invoice_number, ROW_NUMBER() OVER (PARTITION BY invoice_number ORDER BY id) AS k FROM ledger WHERE kind = 'reversal') r
            JOIN (SELECT charge_key, invoice_number, ROW_NUMBER() OVER (PARTITION BY invoice_number ORDER BY id) AS k FROM ledger WHERE kind <> 'reversal') o
              ON o.invoice_number = r.invoice_number AND o.k = r.k
            WHERE r.id = ledger.id)
        WHERE kind = 'reversal';
        CREATE TRIGGER ledger_immutable BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'ledger entries are immutable: post a reversal'); END;
        CREATE INDEX ledger_by_key ON ledger(customer_id, charge_key);
        """,

        // Issue 17: the email outbox. A message is queued in the transaction that issues what it announces; every
        // delivery attempt is recorded with its outcome (sent, or failed and why).
        """
        CREATE TABLE mail_outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, customer_id TEXT NOT NULL, recipient TEXT NOT NULL,
            subject TEXT NOT NULL, body TEXT NOT NULL,
            attachments TEXT NOT NULL,  -- newline-separated paths relative to the data directory
            status TEXT NOT NULL, attempts INTEGER NOT NULL, last_error TEXT, queued_at TEXT NOT NULL, sent_at TEXT);
        CREATE INDEX mail_outbox_by_status ON mail_outbox(status);
        CREATE TABLE mail_attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT, mail_id INTEGER NOT NULL REFERENCES mail_outbox(id), at TEXT NOT NULL,
            outcome TEXT NOT NULL, detail TEXT);
        """,

        // Issue 17: card payments asked of the payment gateway (auto-pay, auto-recharge). A row is written as "pending"
        // before the gateway is asked, so a run that stopped halfway asks again with the same idempotency key.
        """
        CREATE TABLE payment_attempts (
            key TEXT PRIMARY KEY, customer_id TEXT NOT NULL, account_id TEXT, purpose TEXT NOT NULL, amount_mills INTEGER NOT NULL,
            status TEXT NOT NULL, decline TEXT, reference TEXT, at TEXT NOT NULL);
        CREATE INDEX payment_attempts_by_account ON payment_attempts(account_id);
        """,

        // An invoice's amounts are mills of the currency it was issued in, and are shown in it for ever, whatever the
        // customer's currency becomes later. Invoices issued before this migration have no currency recorded: the billing
        // store cannot see provisioning from here, so they stay NULL and are shown, as before, in the customer's current
        // currency (IssuedInvoice.CurrencyOr). Adding a column is not an UPDATE: the immutability triggers stand.
        """
        ALTER TABLE invoices ADD COLUMN currency TEXT;
        """,
    ];
}
