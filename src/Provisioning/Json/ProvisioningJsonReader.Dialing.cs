using System.Text.Json;
using Centrex.Provisioning.Model;

namespace Centrex.Provisioning.Json;

/// <summary>
/// A customer's Dialing Rules parameters and Abbreviated Dialing with descriptions (seed 004): the <c>dialing</c> object,
/// and <c>abbreviated_dialing</c> whose values are what to dial or <c>{ "dial": ..., "description": ... }</c>.
/// </summary>
public static partial class ProvisioningJsonReader
{
    private static readonly string[] DialingFields = ["outside_prefix", "international_prefix", "national_prefix", "country_code", "area_code", "local_lengths", "custom_rule"];
    private static readonly string[] AbbreviatedFields = ["dial", "description"];

    /// <summary>The <c>dialing</c> object as the store keeps it (<see cref="ProvisioningJsonWriter.DialingJson"/>).</summary>
    internal static DialingParameters DialingFromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ReadDialingFields(new JsonRecord(document.RootElement, "stored dialing", DialingFields));
    }

    private static DialingParameters ReadDialing(JsonRecord customer)
    {
        if (!customer.Has("dialing") || customer.Object("dialing").ValueKind == JsonValueKind.Null)
        {
            return DialingParameters.None;
        }

        return ReadDialingFields(new JsonRecord(customer.Object("dialing"), customer.Where + ", dialing", DialingFields));
    }

    private static DialingParameters ReadDialingFields(JsonRecord r) =>
        new DialingParameters(r.OptionalString("outside_prefix") ?? string.Empty, r.OptionalString("international_prefix") ?? string.Empty,
            r.OptionalString("national_prefix") ?? string.Empty, r.OptionalString("country_code") ?? string.Empty, r.OptionalString("area_code") ?? string.Empty,
            r.Ints("local_lengths"), r.OptionalString("custom_rule"));

    private static (IReadOnlyDictionary<string, string> Dial, IReadOnlyDictionary<string, string> Descriptions) ReadAbbreviated(JsonRecord r)
    {
        var dial = new Dictionary<string, string>(StringComparer.Ordinal);
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!r.Has("abbreviated_dialing") || r.Object("abbreviated_dialing").ValueKind == JsonValueKind.Null)
        {
            return (dial, descriptions);
        }

        var map = r.Object("abbreviated_dialing");
        if (map.ValueKind != JsonValueKind.Object)
        {
            throw r.Error("field \"abbreviated_dialing\" must be an object: abbreviated number → what it dials, or { \"dial\": ..., \"description\": ... }");
        }

        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.String)
            {
                dial[entry.Name] = entry.Value.GetString()!;
                continue;
            }

            var item = new JsonRecord(entry.Value, $"{r.Where}, abbreviated_dialing \"{entry.Name}\"", AbbreviatedFields);
            dial[entry.Name] = item.OptionalString("dial") ?? string.Empty;
            if (item.OptionalString("description") is { } description)
            {
                descriptions[entry.Name] = description;
            }
        }

        return (dial, descriptions);
    }
}
