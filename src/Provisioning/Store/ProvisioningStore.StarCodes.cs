using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;

namespace Centrex.Provisioning.Store;

/// <summary>
/// What phones set by star code and the switch writes back (issue 15): forwarding (<c>*72</c>, <c>*73</c>) and a
/// customer's night mode (<c>*33</c>), in <c>line_settings</c> beside the DND and anonymous rejection flags. Each write
/// is a single statement that touches only its own columns, so it cannot undo an import committed meanwhile.
/// </summary>
public sealed partial class ProvisioningStore
{
    /// <summary>
    /// Keeps the forwarding account <paramref name="accountId"/>'s phone set; returns false when the account is not
    /// stored (removed since).
    /// </summary>
    /// <param name="accountId">The line.</param>
    /// <param name="phone">What the phone set (<see cref="PhoneForwarding.Off"/>: turned off).</param>
    public bool SetPhoneForwarding(string accountId, PhoneForwarding phone)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"INSERT INTO line_settings (owner, id, phone_forward_when, phone_forward_number) SELECT '{AccountOwner}', id, $when, $number FROM accounts WHERE id = $id " +
            "ON CONFLICT (owner, id) DO UPDATE SET phone_forward_when = excluded.phone_forward_when, phone_forward_number = excluded.phone_forward_number";
        command.Parameters.AddWithValue("$id", accountId);
        command.Parameters.AddWithValue("$when", PhoneWhen(phone));
        command.Parameters.AddWithValue("$number", phone.IsOff ? DBNull.Value : phone.Number);
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Keeps customer <paramref name="customerId"/>'s night mode; false when the customer is not stored.</summary>
    public bool SetNightMode(string customerId, bool on)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"INSERT INTO line_settings (owner, id, night_mode) SELECT '{CustomerOwner}', id, $on FROM customers WHERE id = $id " +
            "ON CONFLICT (owner, id) DO UPDATE SET night_mode = excluded.night_mode";
        command.Parameters.AddWithValue("$id", customerId);
        command.Parameters.AddWithValue("$on", on ? 1 : 0);
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>
    /// An import that changes a line's <c>forwarding</c> replaces what its phone set (provisioning, e.g. the portal, is
    /// the later word), unless the import sets <c>phone_forwarding</c> to something else itself. An import that leaves
    /// the forwarding as it was keeps what its record says, like every other field.
    /// </summary>
    private static ProvisioningSnapshot WithoutReplacedPhoneForwarding(ProvisioningSnapshot stored, ProvisioningSnapshot merged)
    {
        var before = stored.Accounts.Where(a => a.PhoneForwarding is not null).ToDictionary(a => a.Id, StringComparer.Ordinal);
        if (before.Count == 0)
        {
            return merged;
        }

        return merged with
        {
            Accounts = [.. merged.Accounts.Select(a => before.TryGetValue(a.Id, out var old) && a.PhoneForwarding == old.PhoneForwarding
                && ProvisioningJsonWriter.ForwardingJson(a.Forwarding) != ProvisioningJsonWriter.ForwardingJson(old.Forwarding)
                    ? a with { PhoneForwarding = null } : a)],
        };
    }

    private static string PhoneWhen(PhoneForwarding phone) =>
        phone.IsOff ? ProvisioningJsonReader.PhoneForwardingOff : WireNames.Name(WireNames.ForwardWhens, phone.When);

    private static PhoneForwarding? ReadPhone(string? when, string? number) => when switch
    {
        null => null,
        ProvisioningJsonReader.PhoneForwardingOff => PhoneForwarding.Off,
        _ => new PhoneForwarding(WireNames.ForwardWhens[when], number ?? string.Empty),
    };
}
