using System.Text.Json;
using Centrex.Provisioning.Model;

namespace Centrex.Provisioning.Json;

/// <summary>A customer's Dialing Rules parameters, Abbreviated Number Length and abbreviated numbers' descriptions (seed 004), written only when set.</summary>
public static partial class ProvisioningJsonWriter
{
    private static void WriteDialing(Utf8JsonWriter w, CustomerDialPlan plan)
    {
        if (plan.AbbreviatedLength is { } length)
        {
            w.WriteNumber("abbreviated_length", length);
        }

        if (!plan.Dialing.IsNone)
        {
            w.WritePropertyName("dialing");
            WriteDialingObject(w, plan.Dialing);
        }
    }

    /// <summary>The <c>dialing</c> object alone (the store keeps it as this text), or null when there are no parameters.</summary>
    internal static string? DialingJson(DialingParameters d)
    {
        if (d.IsNone)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            WriteDialingObject(w, d);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteDialingObject(Utf8JsonWriter w, DialingParameters d)
    {
        w.WriteStartObject();
        foreach (var (name, value) in new[] { ("outside_prefix", d.OutsidePrefix), ("international_prefix", d.InternationalPrefix), ("national_prefix", d.NationalPrefix),
            ("country_code", d.CountryCode), ("area_code", d.AreaCode) })
        {
            if (value.Length > 0)
            {
                w.WriteString(name, value);
            }
        }

        if (d.LocalLengths.Count > 0)
        {
            w.WriteStartArray("local_lengths");
            foreach (var l in d.LocalLengths)
            {
                w.WriteNumberValue(l);
            }

            w.WriteEndArray();
        }

        if (d.CustomRule is { } rule)
        {
            w.WriteString("custom_rule", rule);
        }

        w.WriteEndObject();
    }

    // A plain string as before when the number has no description, so files without descriptions read as they always did.
    private static void WriteAbbreviated(Utf8JsonWriter w, CustomerDialPlan plan, string code, string number)
    {
        if (!plan.AbbreviatedDescriptions.TryGetValue(code, out var description))
        {
            w.WriteString(code, number);
            return;
        }

        w.WriteStartObject(code);
        w.WriteString("dial", number);
        w.WriteString("description", description);
        w.WriteEndObject();
    }
}
