using Centrex.Ledger.Journal;
using Microsoft.Data.Sqlite;

namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// The call log's <c>INSERT</c> of a charged call, prepared once per pass (<see cref="PreparedInsert"/>): the journal
/// entry's UTF-8 fields are bound as they are (bench/README.md, "call-log indexer": the ADO.NET version spent most of
/// its 10–12 µs per call outside SQLite). Runs inside the caller's transaction on the same connection. A switch call (<c>sw:</c> id) that the switch's CDR
/// store already brought in (<see cref="SwitchCallInsert"/>) is completed with its charge instead of added again: the
/// switch's row keeps its direction, disposition and answering line, the journal adds what it charged.
/// </summary>
internal sealed class CallInsert : IDisposable
{
    private const string Sql = """
        INSERT INTO calls (id, customer, account, start_ms, caller, callee, seconds, billed_seconds, direction, disposition, destination, charge_mills, address)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'outgoing', 'answered', ?9, ?10, ?11)
        ON CONFLICT(id) WHERE id >= 'sw:' AND id < 'sw;' DO UPDATE SET
            billed_seconds = excluded.billed_seconds, destination = excluded.destination, charge_mills = excluded.charge_mills, address = excluded.address
        """;

    private readonly PreparedInsert _insert;

    public CallInsert(SqliteConnection connection) => _insert = new PreparedInsert(connection, Sql, "call log insert");

    /// <summary>Adds the call <paramref name="entry"/> (a <see cref="RatedCdrCodec"/> entry) of <paramref name="customer"/> (UTF-8; empty: not provisioned).</summary>
    public void Add(ReadOnlySpan<byte> entry, ReadOnlySpan<byte> customer, long reference)
    {
        var s = _insert;
        s.Text(1, RatedCdrCodec.Id(entry));
        s.TextOrNull(2, customer);
        s.Text(3, RatedCdrCodec.Account(entry));
        s.Number(4, (RatedCdrCodec.StartUnixSeconds(entry) * 1000) + (RatedCdrCodec.StartNanoseconds(entry) / 1_000_000));
        s.Text(5, RatedCdrCodec.Text(entry, 2));
        s.Text(6, RatedCdrCodec.Text(entry, 3));
        s.Number(7, RatedCdrCodec.DurationSeconds(entry));
        s.Number(8, RatedCdrCodec.BilledSeconds(entry));
        s.Text(9, RatedCdrCodec.Text(entry, 5));
        s.Number(10, RatedCdrCodec.NetMills(entry));
        s.Number(11, reference);
        s.Step();
    }

    /// <inheritdoc />
    public void Dispose() => _insert.Dispose();
}
