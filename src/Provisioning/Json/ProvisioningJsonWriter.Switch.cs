using System.Text.Json;
using Centrex.Provisioning.Model;

namespace Centrex.Provisioning.Json;

/// <summary>
/// The switch's sections and fields. A customer's dial plan and an account's line settings are written only when they
/// differ from "none", so the billing side's export stays as it was for customers without switch settings.
/// </summary>
public static partial class ProvisioningJsonWriter
{
    private static void WriteSwitch(Utf8JsonWriter w, ProvisioningSnapshot snapshot)
    {
        if (snapshot.Switch is { } settings)
        {
            w.WriteStartObject("switch");
            w.WriteString("realm", settings.Realm);
            Strings(w, "digest_algorithms", settings.DigestAlgorithms);
            Strings(w, "feature_codes", settings.FeatureCodes);
            Strings(w, "emergency_numbers", settings.EmergencyNumbers);
            if (settings.EmergencyTrunk is not null)
            {
                w.WriteString("emergency_trunk", settings.EmergencyTrunk);
            }

            if (settings.EmergencyCallback is not null)
            {
                w.WriteString("emergency_callback", "+" + settings.EmergencyCallback);
            }

            w.WriteEndObject();
        }

        Array(w, "sites", snapshot.Sites, (w, s) =>
        {
            w.WriteString("id", s.Id);
            w.WriteString("name", s.Name);
            Count(w, "max_calls", s.MaxCalls);
            Count(w, "max_incoming", s.MaxIncoming);
            Count(w, "max_outgoing", s.MaxOutgoing);
            Count(w, "max_forwarded", s.MaxForwarded);
            Count(w, "max_bandwidth_kbps", s.MaxBandwidthKbps);
            Count(w, "max_incoming_kbps", s.MaxIncomingKbps);
            Count(w, "max_outgoing_kbps", s.MaxOutgoingKbps);
            if (s.CustomerEditable)
            {
                w.WriteBoolean("customer_editable", true);
            }
        });
        Array(w, "trunks", snapshot.Trunks, (w, t) =>
        {
            w.WriteString("id", t.Id);
            w.WriteString("address", t.Address);
            Strings(w, "sources", t.Sources);
        });
    }

    private static void WriteDialPlan(Utf8JsonWriter w, CustomerDialPlan plan)
    {
        if (plan.DialingRules != DialingRules.E164)
        {
            w.WriteString("dialing_rules", WireNames.Name(WireNames.DialingRules, plan.DialingRules));
        }

        if (plan.Trunk is not null)
        {
            w.WriteString("trunk", plan.Trunk);
        }

        var features = plan.Features;
        var defaults = CustomerFeatures.Default;
        foreach (var (name, value, standard) in new[]
        {
            ("pickup_prefix", features.PickupPrefix, defaults.PickupPrefix), ("park_prefix", features.ParkPrefix, defaults.ParkPrefix),
            ("release_prefix", features.ReleasePrefix, defaults.ReleasePrefix), ("paging_prefix", features.PagingPrefix, defaults.PagingPrefix),
        })
        {
            if (value != standard)
            {
                w.WriteString(name, value);
            }
        }

        if (features.ExtensionDistinctiveRing != defaults.ExtensionDistinctiveRing)
        {
            w.WriteBoolean("ext_distinctive_ring", features.ExtensionDistinctiveRing);
        }

        WriteDialing(w, plan);
        if (plan.AbbreviatedDialing.Count > 0)
        {
            w.WriteStartObject("abbreviated_dialing");
            foreach (var (code, number) in plan.AbbreviatedDialing.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                WriteAbbreviated(w, plan, code, number);
            }

            w.WriteEndObject();
        }
    }

    private static void WriteLine(Utf8JsonWriter w, Account a)
    {
        if (a.Extension is not null)
        {
            w.WriteString("extension", a.Extension);
        }

        if (a.ExtensionName is not null)
        {
            w.WriteString("extension_name", a.ExtensionName);
        }

        if (a.Sip is { } sip)
        {
            w.WriteStartObject("sip");
            w.WriteString("username", sip.Username);
            if (sip.Ha1Md5 is not null)
            {
                w.WriteString("ha1_md5", sip.Ha1Md5);
            }

            if (sip.Ha1Sha256 is not null)
            {
                w.WriteString("ha1_sha256", sip.Ha1Sha256);
            }

            w.WriteEndObject();
        }

        if (a.Dids.Count > 0)
        {
            Strings(w, "dids", a.Dids);
        }

        if (!a.Forwarding.IsUnset)
        {
            w.WritePropertyName("forwarding");
            WriteForwarding(w, a.Forwarding);
        }

        if (a.PhoneForwarding is { } phone)
        {
            WritePhoneForwarding(w, phone);
        }
    }

    private static void Count(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
