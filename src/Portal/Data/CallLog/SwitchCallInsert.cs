using Microsoft.Data.Sqlite;

namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// The call log's <c>INSERT</c> of one call from the switch's CDR store, prepared once per pass and run through SQLite's
/// own API like <see cref="CallInsert"/>. A call the journal already brought in (the switch charged it: same
/// <c>sw:</c> id) is completed instead of added again: the switch's record says which way it went, how it ended and who
/// answered; the journal's charge, billed seconds and destination stay. Runs inside the caller's transaction.
/// </summary>
internal sealed class SwitchCallInsert : IDisposable
{
    private const string Sql = """
        INSERT INTO calls (id, customer, account, start_ms, caller, callee, seconds, billed_seconds, direction, disposition, destination, charge_mills, address, answered_by)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?9, NULL, NULL, -1, ?10)
        ON CONFLICT(id) WHERE id >= 'sw:' AND id < 'sw;' DO UPDATE SET
            seconds = excluded.seconds, direction = excluded.direction, disposition = excluded.disposition, answered_by = excluded.answered_by
        """;

    private readonly PreparedInsert _insert;

    public SwitchCallInsert(SqliteConnection connection) => _insert = new PreparedInsert(connection, Sql, "call log insert (switch)");

    /// <summary>Adds or completes one call (its customer null: its account is not provisioned).</summary>
    public void Add(SwitchCall call)
    {
        var s = _insert;
        s.Text(1, call.Id);
        s.Text(2, call.Customer);
        s.Text(3, call.Account);
        s.Number(4, call.StartMilliseconds);
        s.Text(5, call.Caller);
        s.Text(6, call.Callee);
        s.Number(7, call.Seconds);
        s.Text(8, call.Direction);
        s.Text(9, call.Disposition);
        s.Text(10, call.AnsweredBy.Length == 0 ? null : call.AnsweredBy);
        s.Step();
    }

    /// <summary>
    /// Adds or completes the call of <paramref name="line"/>, its fields bound as the UTF-8 they are (no string per call),
    /// its account's and caller's customers from <paramref name="customers"/> (<see cref="SwitchCall.Of"/> says why a call
    /// from a line of the same customer is internal).
    /// </summary>
    public void Add(in SwitchCdrLine line, AccountCustomers customers)
    {
        var s = _insert;
        var customer = customers.Of(line[1]);
        var calling = line.CallingAccount.IsEmpty ? line[2] : line.CallingAccount;
        var callerCustomer = line.Outgoing ? null : customers.Of(calling);
        var named = line.Outgoing ? null : customers.Of(line[2]);
        var sameCustomer = customer is not null && callerCustomer is not null && callerCustomer.AsSpan().SequenceEqual(customer);
        var direction = line.Outgoing ? "outgoing"u8 : sameCustomer ? "internal"u8 : "incoming"u8;
        s.Text(1, line[0]);
        s.TextOrNull(2, customer);
        s.Text(3, line[1]);
        s.Number(4, line.StartMilliseconds);
        if (named is not null && !(customer is not null && named.AsSpan().SequenceEqual(customer)))
        {
            s.Text(5, "anonymous"u8); // another customer's account id, from a line written before the switch recorded what was shown (SwitchCall.Of)
        }
        else
        {
            s.Text(5, line[2]);
        }

        s.Text(6, line.Callee);
        s.Number(7, line.Seconds);
        s.Text(8, direction);
        s.Text(9, line[9]);
        s.TextOrNull(10, line.AnsweredBy);
        s.Step();
        if (customer is not null && callerCustomer is { } caller && !sameCustomer)
        {
            // A call from another customer's line on this switch: the switch records it once, on the called line (not
            // charged: on-net), so the caller's customer gets its own row, outgoing (SwitchCall.CallerSide says why).
            Span<byte> id = stackalloc byte[line[0].Length + SwitchCall.CallerSuffix.Length];
            line[0].CopyTo(id);
            SwitchCall.CallerSuffix.CopyTo(id[line[0].Length..]);
            s.Text(1, id);
            s.Text(2, caller);
            s.Text(3, calling);
            s.Text(5, calling); // the caller's own line, on its own row
            s.Text(6, line[3]); // what the caller dialed (the callee column may name the called line's account)
            s.Text(8, "outgoing"u8);
            s.Step();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _insert.Dispose();
}
