using Centrex.Provisioning.Model;

namespace Centrex.Provisioning;

/// <summary>A realm change (issue 14): re-hash nothing silently.</summary>
public static partial class ProvisioningValidator
{
    /// <summary>
    /// Refuses an import that changes <c>switch.realm</c> unless it gives the credentials again: every HA1 is
    /// H(username ":" realm ":" password) (RFC 7616 §3.4.2), so a stored hash authenticates nobody under another realm,
    /// and the store cannot re-hash it (it never holds passwords). "Given again" means every account with SIP credentials
    /// in the merged result has its <c>sip</c> block in the same import, and none of its hashes is the one stored for
    /// it (that hash is certainly for the old realm; changing the user name changes the hash too). A store without SIP
    /// accounts may change its realm freely: no hash is made worthless.
    /// </summary>
    /// <exception cref="ProvisioningException">The realm changes and an account's hashes are not given again; the
    /// message names the file, the account and the field.</exception>
    public static void CheckRealmChange(ProvisioningSnapshot stored, ProvisioningSnapshot incoming, ProvisioningSnapshot merged, string source)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(merged);
        var before = (stored.Switch ?? SwitchSettings.Default).Realm;
        var after = (merged.Switch ?? SwitchSettings.Default).Realm;
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return;
        }

        var given = incoming.Accounts.Where(a => a.Sip is not null).ToDictionary(a => a.Id, a => a.Sip!, StringComparer.Ordinal);
        var previous = stored.Accounts.Where(a => a.Sip is not null).ToDictionary(a => a.Id, a => a.Sip!, StringComparer.Ordinal);
        foreach (var account in merged.Accounts.Where(a => a.Sip is not null))
        {
            var where = $"{source}: accounts (id \"{account.Id}\")";
            var change = $"switch.realm changes from \"{before}\" to \"{after}\" and every HA1 is hashed with the realm";
            if (!given.TryGetValue(account.Id, out var sip))
            {
                throw new ProvisioningException(where, ProvisioningErrors.RealmChangeHashesMissing,
                    $"sip.ha1_md5, sip.ha1_sha256: {change}: give this account's sip hashes for \"{after}\" in the same import (centrex sip-hash prints them)", before, after);
            }

            if (previous.TryGetValue(account.Id, out var old) && old.Username == sip.Username)
            {
                var field = sip.Ha1Md5 is not null && sip.Ha1Md5 == old.Ha1Md5 ? "sip.ha1_md5"
                    : sip.Ha1Sha256 is not null && sip.Ha1Sha256 == old.Ha1Sha256 ? "sip.ha1_sha256" : null;
                if (field is not null)
                {
                    throw new ProvisioningException(where, ProvisioningErrors.RealmChangeHashStale,
                        $"{field} is the hash stored for realm \"{before}\": {change}: give the hash for \"{after}\" (centrex sip-hash prints it)", field, before, after);
                }
            }
        }
    }
}
