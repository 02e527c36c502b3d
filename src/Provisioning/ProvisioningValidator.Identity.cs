using Centrex.Provisioning.Model;

namespace Centrex.Provisioning;

/// <summary>An account's caller ID and Hide CLI prefixes (issue 15; seed 004 Identity).</summary>
public static partial class ProvisioningValidator
{
    /// <summary>
    /// The star codes the switch answers itself to change a line setting (Switch/Routing/SettingCodes: do not disturb
    /// *78/*79, anonymous call rejection *86/*87): a dialing prefix must not swallow one.
    /// </summary>
    public static readonly IReadOnlyList<string> SettingCodes = ["*78", "*79", "*86", "*87"];

    private static void ValidateIdentity(ProvisioningSnapshot s, string source)
    {
        var codes = (s.Switch ?? SwitchSettings.Default).FeatureCodes.Concat(SettingCodes).ToList();
        foreach (var code in (s.Switch ?? SwitchSettings.Default).FeatureCodes.Where(SettingCodes.Contains))
        {
            // The switch answers these itself before any feature code: one listed here would never be reached.
            throw new ProvisioningException($"{source}: switch", ProvisioningErrors.FeatureCodeSetting, $"feature_codes: '{code}' is a setting code the switch answers itself ({string.Join(", ", SettingCodes)}: do not disturb and anonymous call rejection on and off)", code, string.Join(", ", SettingCodes));
        }

        foreach (var c in s.Customers.Where(c => c.CallerId is not null))
        {
            if (!s.Accounts.Any(a => a.CustomerId == c.Id && a.Dids.Contains(c.CallerId!)))
            {
                throw new ProvisioningException($"{source}: customers (id \"{c.Id}\")", ProvisioningErrors.CustomerCallerId, $"caller_id +{c.CallerId} is not a DID of one of its accounts", c.CallerId!);
            }
        }

        foreach (var a in s.Accounts)
        {
            var where = $"{source}: accounts (id \"{a.Id}\")";
            var identity = a.Identity;
            if (identity.CallerId is { } did && !a.Dids.Contains(did))
            {
                throw new ProvisioningException(where, ProvisioningErrors.CallerIdNotDid, $"caller_id +{did} is not one of its dids (a line shows one of its own numbers)", did);
            }

            if (identity.HideCli != HideCli.Automatic && (identity.HidePrefix ?? identity.ShowPrefix) is not null)
            {
                // Seed 004: the prefixes are "only available when Hide CLI option is set to Automatic".
                throw new ProvisioningException(where, ProvisioningErrors.CliPrefixesNotAutomatic, $"hide_cli_prefix and show_cli_prefix are only for hide_cli \"automatic\" (it is \"{identity.HideCli.ToString().ToLowerInvariant()}\")", identity.HideCli.ToString().ToLowerInvariant());
            }

            if (identity.HidePrefix is { } hide && identity.ShowPrefix is { } show && (hide.StartsWith(show, StringComparison.Ordinal) || show.StartsWith(hide, StringComparison.Ordinal)))
            {
                throw new ProvisioningException(where, ProvisioningErrors.CliPrefixesOverlap, $"hide_cli_prefix '{hide}' and show_cli_prefix '{show}' overlap: a number dialed after one could be read as the other", hide, show);
            }

            foreach (var (field, prefix) in (ReadOnlySpan<(string, string?)>)[("hide_cli_prefix", identity.HidePrefix), ("show_cli_prefix", identity.ShowPrefix)])
            {
                if (prefix is not null && codes.FirstOrDefault(c => c.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(c, StringComparison.Ordinal)) is { } code)
                {
                    throw new ProvisioningException(where, ProvisioningErrors.CliPrefixFeatureCode, $"{field} '{prefix}' overlaps the feature code {code}", field, prefix, code);
                }
            }
        }
    }
}
