namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// <c>DATA/calllog.db</c>: the calls as the portal's pages browse them, a read model built from the ledger's journal
/// (the calls charged: by <c>rate --data</c>, CDR ingestion and the switch) and from the switch's CDR store
/// (<c>DATA/cdrs</c>: every call attempt, charged or not). Both stay the truth; this index can be deleted at any time
/// and is rebuilt from them. Indexed by customer and start only, so a page of a customer's calls is
/// one index range however many calls the data directory holds (the journal itself is one sequence, scanned whole).
/// </summary>
internal static class CallLogSchema
{
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE calls (
            id TEXT NOT NULL,                -- the CDR id
            customer TEXT,                   -- the account's customer when indexed; null when not provisioned then
            account TEXT NOT NULL,
            start_ms INTEGER NOT NULL,       -- Unix milliseconds
            caller TEXT NOT NULL, callee TEXT NOT NULL,
            seconds INTEGER NOT NULL,        -- duration as recorded
            billed_seconds INTEGER NOT NULL,
            direction TEXT NOT NULL,         -- outgoing | incoming | internal
            disposition TEXT NOT NULL,       -- answered | busy | no-answer | ...
            destination TEXT,
            charge_mills INTEGER,            -- net of discount; null when not charged
            address INTEGER NOT NULL);       -- the journal entry (EntryReference) it came from
        CREATE INDEX calls_by_customer ON calls(customer, start_ms);
        CREATE INDEX calls_by_account ON calls(account, start_ms);
        CREATE TABLE progress (source TEXT PRIMARY KEY, position INTEGER NOT NULL);
        """,

        // The account index served only the Call Logs page's line filter, and every query also names the customer (and
        // the page a date range), so calls_by_customer finds the same rows: the line filter reads the customer's calls of
        // the period, as the page's unfiltered count of that period already does. Keeping the second index cost a third
        // of the indexer's CPU per call (bench/README.md, "call-log indexer": 5.4 against 3.5 µs), paid on every call
        // the ledger charges.
        """
        DROP INDEX IF EXISTS calls_by_account;
        """,

        // The switch's own CDR store is indexed too (CallLogSwitchSource), so the calls the journal never holds show:
        // incoming, missed, refused and internal calls. A call the switch charged is in both sources under its id
        // (sw:RUN-P.N): this unique index is how the second source to arrive finds the first's row and completes it
        // instead of adding a second. It is partial: only the switch's ids are in it, so the journal's other calls
        // (rate --data, CDR ingestion: most of them) are inserted at the cost they had (bench/README.md,
        // "call-log indexer"). 'sw;' is the code point after 'sw:', so the range is exactly the ids the switch names
        // in lower case (SwitchCdrIds.Prefix). answered_by is the line that answered (the switch's 17th column).
        """
        ALTER TABLE calls ADD COLUMN answered_by TEXT;
        CREATE UNIQUE INDEX calls_switch_id ON calls(id) WHERE id >= 'sw:' AND id < 'sw;';
        """,
    ];
}
