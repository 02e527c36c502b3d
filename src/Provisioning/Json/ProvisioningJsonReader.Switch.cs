using Centrex.Provisioning.Model;

namespace Centrex.Provisioning.Json;

/// <summary>The switch's sections and fields (issue 4): <c>switch</c>, <c>sites</c>, <c>trunks</c>, and the customer's dial plan and account's line settings.</summary>
public static partial class ProvisioningJsonReader
{
    private static readonly string[] SwitchFields = ["realm", "digest_algorithms", "feature_codes", "emergency_numbers", "emergency_trunk", "emergency_callback"];
    private static readonly string[] SiteFields =
        ["id", "name", "max_calls", "max_incoming", "max_outgoing", "max_forwarded", "max_bandwidth_kbps", "max_incoming_kbps", "max_outgoing_kbps", "customer_editable"];

    private static readonly string[] TrunkFields = ["id", "address", "sources"];

    // "password" is known only to be refused with a message that says what to give instead.
    private static readonly string[] SipFields = ["username", "ha1_md5", "ha1_sha256", "password"];

    private static SwitchSettings? ReadSwitch(JsonRecord root)
    {
        if (!root.Has("switch"))
        {
            return null;
        }

        var r = new JsonRecord(root.Object("switch"), root.Where + ", switch", SwitchFields);
        var defaults = SwitchSettings.Default;
        return new SwitchSettings(
            r.OptionalString("realm") ?? defaults.Realm,
            r.Has("digest_algorithms") ? r.Strings("digest_algorithms") : defaults.DigestAlgorithms,
            r.Has("feature_codes") ? r.Strings("feature_codes") : defaults.FeatureCodes)
        {
            EmergencyNumbers = r.Has("emergency_numbers") ? r.Strings("emergency_numbers") : defaults.EmergencyNumbers,
            EmergencyTrunk = r.OptionalString("emergency_trunk"),
            EmergencyCallback = Number(r, "emergency_callback"),
        };
    }

    private static Site ReadSite(JsonRecord r)
    {
        var id = r.NonEmpty("id");
        return new Site(id, r.OptionalString("name") ?? id, r.OptionalCount("max_calls"), r.OptionalCount("max_incoming"), r.OptionalCount("max_outgoing"),
            r.OptionalCount("max_forwarded"), r.OptionalCount("max_bandwidth_kbps"), r.OptionalCount("max_incoming_kbps"), r.OptionalCount("max_outgoing_kbps"),
            r.Bool("customer_editable", false));
    }

    private static Trunk ReadTrunk(JsonRecord r) => new(r.NonEmpty("id"), r.NonEmpty("address"), r.Strings("sources"));

    private static CustomerDialPlan ReadDialPlan(JsonRecord r)
    {
        var (abbreviated, descriptions) = ReadAbbreviated(r);
        return new(r.Enum("dialing_rules", WireNames.DialingRules, DialingRules.E164), r.OptionalString("trunk"), abbreviated)
        {
            Features = ReadFeatures(r),
            Dialing = ReadDialing(r),
            AbbreviatedLength = r.OptionalCount("abbreviated_length"),
            AbbreviatedDescriptions = descriptions,
        };
    }

    /// <summary>Seed 004's feature prefixes and the distinctive-ring option; each one not given keeps its default.</summary>
    private static CustomerFeatures ReadFeatures(JsonRecord r)
    {
        var d = CustomerFeatures.Default;
        return new CustomerFeatures(r.OptionalString("pickup_prefix") ?? d.PickupPrefix, r.OptionalString("park_prefix") ?? d.ParkPrefix,
            r.OptionalString("release_prefix") ?? d.ReleasePrefix, r.OptionalString("paging_prefix") ?? d.PagingPrefix,
            r.Bool("ext_distinctive_ring", d.ExtensionDistinctiveRing));
    }

    private static SipCredentials? ReadSip(JsonRecord account)
    {
        if (!account.Has("sip"))
        {
            return null;
        }

        var r = new JsonRecord(account.Object("sip"), account.Where + ", sip", SipFields);
        if (r.Has("password"))
        {
            throw r.Error("passwords are never stored: give ha1_md5 and/or ha1_sha256 instead (centrex sip-hash prints them)");
        }

        // Hex digests compare as text: store them in one case.
        return new SipCredentials(
            r.OptionalString("username") ?? account.NonEmpty("id"), r.OptionalString("ha1_md5")?.ToLowerInvariant(), r.OptionalString("ha1_sha256")?.ToLowerInvariant());
    }

    // A leading '+' is accepted and dropped: the switch looks DIDs up by their E.164 digits.
    private static List<string> ReadDids(JsonRecord r) => [.. r.Strings("dids").Select(d => d.StartsWith('+') ? d[1..] : d)];
}
