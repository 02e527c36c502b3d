using System.Text.Json;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// The Transactions list's calls, read in SQLite instead of in memory (review of issue 16, finding 2: a month of a
/// million calls was loaded whole for a page of ten: 21 s and 400 MB more per request): their totals in one aggregate
/// over the customer's range of <c>calls_by_customer</c>, and one page of them in the order the list is sorted by. The
/// calls are those the transactions list shows: charged (the journal's), of the customer's present lines.
/// </summary>
public sealed partial class CallLogStore
{
    /// <summary>
    /// The collation the sorted text columns use: the portal's own text order (<see cref="Features.Shared.SortKeys.Text"/>),
    /// so a page SQLite sorts merges exactly with rows sorted in memory (NOCASE folds ASCII only).
    /// </summary>
    public const string TextCollation = "portal_text";

    private const string ChargedWhere = "WHERE customer = $c AND start_ms >= $from AND start_ms < $to AND charge_mills IS NOT NULL "
        + "AND account IN (SELECT value FROM json_each($accounts))";

    /// <summary>How many charged calls of <paramref name="accounts"/> started in [<paramref name="from"/>, <paramref name="to"/>), their billed seconds and net mills.</summary>
    public (long Calls, long Seconds, long Mills) ChargedTotals(string customer, Instant from, Instant to, IEnumerable<string> accounts)
    {
        using var connection = Open();
        using var command = Charged(connection, "SELECT COUNT(*), COALESCE(SUM(billed_seconds), 0), COALESCE(SUM(charge_mills), 0) FROM calls " + ChargedWhere,
            customer, from, to, accounts);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>
    /// <paramref name="take"/> charged calls after the first <paramref name="skip"/> in <paramref name="orderBy"/> (an ORDER BY
    /// built from a whitelist, never a request's text; text keys <c>COLLATE</c> <see cref="TextCollation"/>).
    /// </summary>
    public IReadOnlyList<CallRow> ChargedPage(string customer, Instant from, Instant to, IEnumerable<string> accounts, string orderBy, long skip, int take)
    {
        using var connection = Open();
        connection.CreateCollation(TextCollation, Features.Shared.SortKeys.Text);
        using var command = Charged(connection,
            "SELECT id, account, start_ms, caller, callee, seconds, billed_seconds, direction, disposition, destination, charge_mills, answered_by FROM calls "
            + ChargedWhere + " " + orderBy + " LIMIT $take OFFSET $skip", customer, from, to, accounts);
        command.Parameters.AddWithValue("$take", take);
        command.Parameters.AddWithValue("$skip", skip);
        using var reader = command.ExecuteReader();
        var rows = new List<CallRow>(Math.Min(take, 1024));
        while (reader.Read())
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    private static SqliteCommand Charged(SqliteConnection connection, string sql, string customer, Instant from, Instant to, IEnumerable<string> accounts)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$c", customer);
        command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());

        // One parameter whatever the number of lines (SQLite allows 32,766 parameters; a customer may have more lines).
        command.Parameters.AddWithValue("$accounts", JsonSerializer.Serialize(accounts));
        return command;
    }
}
