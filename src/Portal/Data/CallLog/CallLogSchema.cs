namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// <c>DATA/calllog.db</c>: the calls as the portal's pages browse them, a read model built from the ledger's journal
/// (the calls charged: by <c>rate --data</c>, CDR ingestion and the switch). The journal stays the truth; this index
/// can be deleted at any time and is rebuilt from it. Indexed by customer and start, so a page of a customer's calls is
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
            direction TEXT NOT NULL,         -- outgoing | incoming
            disposition TEXT NOT NULL,       -- answered | busy | no-answer | ...
            destination TEXT,
            charge_mills INTEGER,            -- net of discount; null when not charged
            address INTEGER NOT NULL);       -- the journal entry (EntryReference) it came from
        CREATE INDEX calls_by_customer ON calls(customer, start_ms);
        CREATE INDEX calls_by_account ON calls(account, start_ms);
        CREATE TABLE progress (source TEXT PRIMARY KEY, position INTEGER NOT NULL);
        """,
    ];
}
