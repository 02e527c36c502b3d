using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Microsoft.Data.Sqlite;

namespace Centrex.Provisioning.Store;

/// <summary>
/// Identity, screening and what phones set by star code (issue 15) in their own table, <c>line_settings</c>, one row per account or customer that sets
/// something: kept apart from <c>accounts</c> and <c>customers</c> so their rows stay as they were.
/// </summary>
public sealed partial class ProvisioningStore
{
    private const string AccountOwner = "account";
    private const string CustomerOwner = "customer";

    private void InsertLineSettings(SqliteTransaction transaction, ProvisioningSnapshot merged)
    {
        Execute(transaction, "DELETE FROM line_settings;");
        Insert(transaction, "line_settings", merged.Accounts.Where(a => !a.Identity.IsDefault || !a.Screening.IsEmpty || a.PhoneForwarding is not null),
            a => Row(AccountOwner, a.Id, a.Identity, a.Screening, a.PhoneForwarding, night: false));
        Insert(transaction, "line_settings", merged.Customers.Where(c => !c.Screening.IsEmpty || c.CallerId is not null || c.NightMode),
            c => Row(CustomerOwner, c.Id, LineIdentity.Default with { CallerId = c.CallerId }, c.Screening, phone: null, c.NightMode)); // a customer's main number
    }

    private static object?[] Row(string owner, string id, LineIdentity identity, CallScreening screening, PhoneForwarding? phone, bool night) =>
    [
        owner, id, identity.CallerId, WireNames.Name(WireNames.HideCliModes, identity.HideCli), identity.HidePrefix, identity.ShowPrefix,
        Flag(screening.DoNotDisturb), Flag(screening.AnonymousRejection), Flag(screening.CallWaiting),
        string.Join(' ', screening.BlockedNumbers), string.Join(' ', screening.BlockedPrefixes),
        phone is null ? null : PhoneWhen(phone), phone is { IsOff: false } ? phone.Number : null, night ? 1 : 0,
    ];

    private static int? Flag(bool? value) => value is null ? null : value.Value ? 1 : 0;

    /// <summary><paramref name="snapshot"/> with the identity, screening and star-code settings stored for its accounts and customers.</summary>
    private ProvisioningSnapshot WithLineSettings(ProvisioningSnapshot snapshot)
    {
        var rows = Query("SELECT owner, id, caller_id, hide_cli, hide_cli_prefix, show_cli_prefix, do_not_disturb, anonymous_call_rejection, call_waiting, blacklist_numbers, blacklist_prefixes, " +
            "phone_forward_when, phone_forward_number, night_mode FROM line_settings",
            r => (Key: (r.GetString(0), r.GetString(1)),
                Identity: new LineIdentity(Text(r, 2), WireNames.HideCliModes[r.GetString(3)], Text(r, 4), Text(r, 5)),
                Screening: new CallScreening(Bool(r, 6), Bool(r, 7), Bool(r, 8), Words(r.GetString(9)), Words(r.GetString(10))),
                Phone: ReadPhone(Text(r, 11), Text(r, 12)),
                Night: r.GetInt64(13) != 0))
            .ToDictionary(x => x.Key);
        if (rows.Count == 0)
        {
            return snapshot;
        }

        return snapshot with
        {
            Accounts = [.. snapshot.Accounts.Select(a => rows.TryGetValue((AccountOwner, a.Id), out var x) ? a with { Identity = x.Identity, Screening = x.Screening, PhoneForwarding = x.Phone } : a)],
            Customers = [.. snapshot.Customers.Select(c => rows.TryGetValue((CustomerOwner, c.Id), out var x) ? c with { Screening = x.Screening, CallerId = x.Identity.CallerId, NightMode = x.Night } : c)],
        };
    }

    private static bool? Bool(SqliteDataReader r, int column) => r.IsDBNull(column) ? null : r.GetInt64(column) != 0;

    /// <summary>
    /// Sets one screening setting of one account, as a phone's star code did (issue 15): a single statement, so it
    /// neither reads nor rewrites anything else and cannot undo an import committed meanwhile. Returns false when the
    /// account is not stored (it was removed since).
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="column"><c>do_not_disturb</c> or <c>anonymous_call_rejection</c>.</param>
    /// <param name="on">The value the phone set.</param>
    public bool SetLineSetting(string accountId, string column, bool on)
    {
        if (column is not ("do_not_disturb" or "anonymous_call_rejection"))
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, "not a setting a star code changes");
        }

        using var command = _connection.CreateCommand();
        command.CommandText = $"INSERT INTO line_settings (owner, id, {column}) SELECT '{AccountOwner}', id, $on FROM accounts WHERE id = $id " +
            $"ON CONFLICT (owner, id) DO UPDATE SET {column} = excluded.{column}";
        command.Parameters.AddWithValue("$id", accountId);
        command.Parameters.AddWithValue("$on", on ? 1 : 0);
        return command.ExecuteNonQuery() == 1;
    }
}
