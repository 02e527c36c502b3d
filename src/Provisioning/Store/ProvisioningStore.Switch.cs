using Centrex.Provisioning.Model;
using Microsoft.Data.Sqlite;

namespace Centrex.Provisioning.Store;

/// <summary>The switch's tables (migration 2): settings, sites and trunks.</summary>
public sealed partial class ProvisioningStore
{
    private void InsertSwitch(SqliteTransaction transaction, ProvisioningSnapshot merged)
    {
        if (merged.Switch is { } settings)
        {
            Insert(transaction, "switch_settings", [settings], s => [
                1, s.Realm, string.Join(' ', s.DigestAlgorithms), string.Join(' ', s.FeatureCodes), string.Join(' ', s.EmergencyNumbers), s.EmergencyTrunk, s.EmergencyCallback]);
        }

        Insert(transaction, "sites", merged.Sites, s => [
            s.Id, s.Name, s.MaxCalls, s.MaxIncoming, s.MaxOutgoing, s.MaxForwarded, s.MaxBandwidthKbps, s.MaxIncomingKbps, s.MaxOutgoingKbps, s.CustomerEditable ? 1 : 0]);
        Insert(transaction, "trunks", merged.Trunks, t => [t.Id, t.Address, string.Join(' ', t.Sources)]);
    }

    private SwitchSettings? LoadSwitchSettings() =>
        Query("SELECT realm, digest_algorithms, feature_codes, emergency_numbers, emergency_trunk, emergency_callback FROM switch_settings",
            r => new SwitchSettings(r.GetString(0), Words(r.GetString(1)), Words(r.GetString(2)))
            {
                EmergencyNumbers = Words(r.GetString(3)),
                EmergencyTrunk = r.IsDBNull(4) ? null : r.GetString(4),
                EmergencyCallback = r.IsDBNull(5) ? null : r.GetString(5),
            }).SingleOrDefault();

    private List<Site> LoadSites() =>
        Query("SELECT id, name, max_calls, max_incoming, max_outgoing, max_forwarded, max_bandwidth_kbps, max_incoming_kbps, max_outgoing_kbps, customer_editable FROM sites ORDER BY id", r => new Site(
            r.GetString(0), r.GetString(1), Count(r, 2), Count(r, 3), Count(r, 4), Count(r, 5), Count(r, 6), Count(r, 7), Count(r, 8), r.GetInt64(9) != 0));

    private List<Trunk> LoadTrunks() =>
        Query("SELECT id, address, sources FROM trunks ORDER BY id", r => new Trunk(r.GetString(0), r.GetString(1), Words(r.GetString(2))));

    private static int? Count(SqliteDataReader r, int column) => r.IsDBNull(column) ? null : r.GetInt32(column);

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
