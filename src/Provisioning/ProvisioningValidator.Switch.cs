using System.Net;
using Centrex.Provisioning.Model;

namespace Centrex.Provisioning;

/// <summary>The switch's rules (issue 4): settings, sites, trunks, dial plans, extensions, SIP credentials and DIDs.</summary>
public static partial class ProvisioningValidator
{
    private static void ValidateSwitch(ProvisioningSnapshot s, string source, ProvisioningSnapshot? stored)
    {
        var settings = s.Switch ?? SwitchSettings.Default;
        ValidateSettings(settings, source);

        foreach (var site in s.Sites)
        {
            var where = $"{source}: sites (id \"{site.Id}\")";
            if (site.Name.Trim().Length == 0)
            {
                throw new ProvisioningException(where, ProvisioningErrors.NameEmpty, $"name is empty");
            }

            // Each limit named as the JSON names it, so a form shows the refusal beside its field.
            (string Field, int? Value)[] limits = [("max_calls", site.MaxCalls), ("max_incoming", site.MaxIncoming), ("max_outgoing", site.MaxOutgoing),
                ("max_forwarded", site.MaxForwarded), ("max_bandwidth_kbps", site.MaxBandwidthKbps), ("max_incoming_kbps", site.MaxIncomingKbps), ("max_outgoing_kbps", site.MaxOutgoingKbps)];
            foreach (var (field, value) in limits.Where(l => l.Value < 0))
            {
                throw new ProvisioningException(where, ProvisioningErrors.LimitNegative, $"{field} {value} is negative: a limit may not be negative (leave it out for no limit)", field, value!.Value);
            }

            // The Default site holds every line without a site, of every customer: one customer's edit would change the others'.
            if (site.CustomerEditable && site.Id == Site.DefaultId)
            {
                throw new ProvisioningException(where, ProvisioningErrors.DefaultSiteEditable, "customer_editable: the Default site is shared by every customer's lines without a site, so no customer may edit it");
            }
        }

        foreach (var trunk in s.Trunks)
        {
            var where = $"{source}: trunks (id \"{trunk.Id}\")";
            if (!IsEndpoint(trunk.Address))
            {
                throw new ProvisioningException(where, ProvisioningErrors.TrunkAddress, $"address '{trunk.Address}' is not an IP address with an optional port (192.0.2.1 or 192.0.2.1:5060)", trunk.Address);
            }

            foreach (var bad in trunk.Sources.Where(a => !IsEndpoint(a)))
            {
                throw new ProvisioningException(where, ProvisioningErrors.TrunkSources, $"sources: '{bad}' is not an IP address with an optional port", bad);
            }
        }

        var trunks = s.Trunks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        if (settings.EmergencyTrunk is { } emergencyTrunk && !trunks.Contains(emergencyTrunk))
        {
            throw new ProvisioningException($"{source}: switch", ProvisioningErrors.EmergencyTrunkUnknown, $"emergency_trunk \"{emergencyTrunk}\" does not exist", emergencyTrunk);
        }

        foreach (var c in s.Customers)
        {
            var where = $"{source}: customers (id \"{c.Id}\")";
            if (c.DialPlan.Trunk is { } trunk && !trunks.Contains(trunk))
            {
                throw new ProvisioningException(where, ProvisioningErrors.TrunkUnknown, $"trunk \"{trunk}\" does not exist", trunk);
            }

            CheckFeatures(where, c.DialPlan.Features);
            CheckDialingRules(where, c.DialPlan);
            CheckAbbreviatedExtras(where, c.DialPlan);
            ValidateAbbreviatedDialing(s, c, where);
        }

        ValidateLines(s, settings, source);
        ValidateForwarding(s, source);
        ValidateHuntGroups(s, source);
        ValidatePrefixConflicts(s, source);
        ValidateDialingClashes(s, source, stored);
        ValidateCallFlows(s, source);
    }

    private static void ValidateSettings(SwitchSettings settings, string source)
    {
        var where = $"{source}: switch";

        // RFC 3261 §25.1: the realm is a quoted-string in every challenge; a quote or backslash would need escaping
        // that not every phone undoes before it hashes.
        if (settings.Realm.Trim().Length == 0 || settings.Realm.Any(ch => ch is '"' or '\\' || char.IsControl(ch)))
        {
            throw new ProvisioningException(where, ProvisioningErrors.Realm, $"realm '{settings.Realm}' is empty or has a quote, backslash or control character", settings.Realm);
        }

        if (settings.DigestAlgorithms.Count == 0 || settings.DigestAlgorithms.Distinct(StringComparer.Ordinal).Count() != settings.DigestAlgorithms.Count)
        {
            throw new ProvisioningException(where, ProvisioningErrors.DigestAlgorithmsList, "digest_algorithms lists each algorithm once, at least one");
        }

        foreach (var algorithm in settings.DigestAlgorithms.Where(a => !SwitchSettings.KnownDigestAlgorithms.Contains(a)))
        {
            throw new ProvisioningException(where, ProvisioningErrors.DigestAlgorithmUnknown, $"digest_algorithms: '{algorithm}' is not one of {string.Join(", ", SwitchSettings.KnownDigestAlgorithms)}", algorithm, string.Join(", ", SwitchSettings.KnownDigestAlgorithms));
        }

        foreach (var code in settings.FeatureCodes.Where(c => !IsDialable(c, "0123456789*#")))
        {
            throw new ProvisioningException(where, ProvisioningErrors.FeatureCodeFormat, $"feature_codes: '{code}' is not 1 to 15 digits, * or #", code);
        }

        // Emergency numbers are short codes dialed as is (911, 933; 112 or 999 elsewhere).
        foreach (var number in settings.EmergencyNumbers.Where(n => n.Length is < 2 or > 6 || !n.All(char.IsAsciiDigit)))
        {
            throw new ProvisioningException(where, ProvisioningErrors.EmergencyNumberFormat, $"emergency_numbers: '{number}' is not 2 to 6 digits", number);
        }
    }

    private static void ValidateLines(ProvisioningSnapshot s, SwitchSettings settings, string source)
    {
        var sites = s.Sites.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        var accountIds = s.Accounts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var extensions = new Dictionary<(string Customer, string Extension), string>();
        var usernames = new Dictionary<string, string>(StringComparer.Ordinal);
        var dids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in s.Accounts)
        {
            var where = $"{source}: accounts (id \"{a.Id}\")";
            if (a.Site is { } site && site != Site.DefaultId && !sites.Contains(site))
            {
                throw new ProvisioningException(where, ProvisioningErrors.SiteUnknown, $"site \"{site}\" does not exist (provision it in \"sites\", or leave site out for the Default site)", site);
            }

            if ((a.Extension is not null || a.Dids.Count > 0) && a.Sip is null)
            {
                throw new ProvisioningException(where, ProvisioningErrors.NeedsSip, $"an extension or DID needs sip credentials: the switch delivers its calls to the phone registered with them");
            }

            if (a.Extension is { } extension)
            {
                if (!IsDialable(extension, "0123456789"))
                {
                    throw new ProvisioningException(where, ProvisioningErrors.ExtensionDigits, $"extension '{extension}' is not 1 to 15 digits", extension);
                }

                if (settings.EmergencyNumbers.Contains(extension))
                {
                    throw new ProvisioningException(where, ProvisioningErrors.ExtensionEmergency, $"extension {extension} is an emergency number: dialing it must always reach emergency services", extension);
                }

                if (!extensions.TryAdd((a.CustomerId, extension), a.Id))
                {
                    throw new ProvisioningException(where, ProvisioningErrors.ExtensionTaken, $"extension {extension} is already account \"{extensions[(a.CustomerId, extension)]}\"'s in customer \"{a.CustomerId}\"", extension, extensions[(a.CustomerId, extension)], a.CustomerId);
                }
            }

            // Every way in (a form, the API, provision import) meets this: 5,000 characters were stored from the API.
            if (a.ExtensionName is { } name && (name.Length > Account.MaxExtensionName || name.Any(char.IsControl)))
            {
                throw new ProvisioningException(where, ProvisioningErrors.ExtensionName, $"field \"extension_name\": at most {Account.MaxExtensionName} characters on one line", Account.MaxExtensionName);
            }

            if (a.Sip is { } sip)
            {
                ValidateSip(a, sip, settings, where, accountIds, usernames);
            }

            foreach (var did in a.Dids)
            {
                if (!IsDialable(did, "0123456789"))
                {
                    throw new ProvisioningException(where, ProvisioningErrors.DidFormat, $"dids: '{did}' is not an E.164 number (1 to 15 digits after an optional +)", did);
                }

                if (!dids.TryAdd(did, a.Id))
                {
                    throw new ProvisioningException(where, ProvisioningErrors.DidTaken, $"dids: {did} is already assigned to account \"{dids[did]}\"", did, dids[did]);
                }
            }
        }
    }

    private static void ValidateSip(Account a, SipCredentials sip, SwitchSettings settings, string where, HashSet<string> accountIds, Dictionary<string, string> usernames)
    {
        if (sip.Username.Length == 0 || sip.Username.Any(ch => ch is ':' or '"' or '\\' || char.IsWhiteSpace(ch) || char.IsControl(ch)))
        {
            throw new ProvisioningException(where, ProvisioningErrors.SipUsernameFormat, $"sip.username '{sip.Username}' is empty or has a colon, quote, backslash or space", sip.Username);
        }

        // The switch finds an account by user name or id (ISwitchDirectory.FindAccount): both must point at one account.
        if (!usernames.TryAdd(sip.Username, a.Id) || (sip.Username != a.Id && accountIds.Contains(sip.Username)))
        {
            var other = usernames.TryGetValue(sip.Username, out var owner) && owner != a.Id ? owner : sip.Username;
            throw new ProvisioningException(where, ProvisioningErrors.SipUsernameTaken, $"sip.username \"{sip.Username}\" is already account \"{other}\"'s", sip.Username, other);
        }

        if (sip.Ha1Md5 is not null && !IsHex(sip.Ha1Md5, 32))
        {
            throw new ProvisioningException(where, ProvisioningErrors.SipMd5Format, "sip.ha1_md5 is not 32 hex digits (an MD5 HA1; centrex sip-hash prints it)");
        }

        if (sip.Ha1Sha256 is not null && !IsHex(sip.Ha1Sha256, 64))
        {
            throw new ProvisioningException(where, ProvisioningErrors.SipSha256Format, "sip.ha1_sha256 is not 64 hex digits (a SHA-256 HA1; centrex sip-hash prints it)");
        }

        var offered = settings.DigestAlgorithms.Any(alg => alg == "MD5" ? sip.Ha1Md5 is not null : sip.Ha1Sha256 is not null);
        if (!offered)
        {
            throw new ProvisioningException(where, ProvisioningErrors.SipHashMissing, $"sip needs the hash of an algorithm the switch offers ({string.Join(", ", settings.DigestAlgorithms)}): ha1_md5 or ha1_sha256", string.Join(", ", settings.DigestAlgorithms));
        }
    }

    private static bool IsEndpoint(string text) =>
        !text.Contains(' ', StringComparison.Ordinal) && IPEndPoint.TryParse(text, out _);

    /// <summary>
    /// Seed 004: park and release prefixes are digits only; pickup and paging prefixes may use * and #. No prefix may be
    /// another's (the dial plan could not tell which was meant), and none longer than 6 characters: a slot, a group or an
    /// extension follows it.
    /// </summary>
    private static void CheckFeatures(string where, CustomerFeatures f)
    {
        var prefixes = new[] { ("pickup_prefix", f.PickupPrefix, "0123456789*#"), ("park_prefix", f.ParkPrefix, "0123456789"),
            ("release_prefix", f.ReleasePrefix, "0123456789"), ("paging_prefix", f.PagingPrefix, "0123456789*#") };
        foreach (var (name, prefix, allowed) in prefixes)
        {
            if (!IsDialable(prefix, allowed) || prefix.Length > 6)
            {
                throw allowed.Length == 10
                    ? new ProvisioningException(where, ProvisioningErrors.PrefixDigits, $"{name}: '{prefix}' is not 1 to 6 digits", name, prefix)
                    : new ProvisioningException(where, ProvisioningErrors.PrefixDialable, $"{name}: '{prefix}' is not 1 to 6 digits, * or #", name, prefix);
            }
        }

        foreach (var (name, prefix, _) in prefixes)
        {
            foreach (var (other, otherPrefix, _) in prefixes)
            {
                if (name != other && otherPrefix.StartsWith(prefix, StringComparison.Ordinal))
                {
                    throw new ProvisioningException(where, ProvisioningErrors.PrefixOverlap, $"{other}: '{otherPrefix}' begins with {name} '{prefix}': the dial plan could not tell them apart", other, otherPrefix, name, prefix);
                }
            }
        }
    }

    private static bool IsDialable(string text, string allowed) =>
        text.Length is > 0 and <= 15 && text.All(allowed.Contains);

    private static bool IsHex(string text, int length) =>
        text.Length == length && text.All(char.IsAsciiHexDigitLower);
}
