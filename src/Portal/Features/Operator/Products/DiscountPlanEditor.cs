using System.Globalization;
using System.Text.Json;
using Centrex.Portal.Data;
using Centrex.Provisioning;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Rating.Discounts;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;

namespace Centrex.Portal.Features.Operator.Products;

/// <summary>
/// The operator's volume discount plans (issue 16: "products and discount plans"), created and changed from a form or
/// the API. The form's fields are written as the plan's provisioning JSON and read back by
/// <see cref="ProvisioningJsonReader"/> (the destination group, thresholds and percents checked by the rating engine's
/// own <see cref="DiscountPlan"/>, the reader's messages), then imported through <see cref="ProvisioningChanges"/>: the
/// checks and messages are exactly <c>provision import</c>'s, and a running serve rates the next calls with the plan.
/// </summary>
public sealed class DiscountPlanEditor(PortalData data, ProvisioningChanges changes)
{
    /// <summary>
    /// The form's fields: the JSON's, the destination group's flattened (<c>group_name</c>, <c>prefixes</c> and
    /// <c>classes</c> separated by spaces or commas) and the thresholds one a line, <c>FROM PERCENT</c> (minutes, or money
    /// in the customer's currency: <c>60 5</c>, <c>25.00 2.5</c>).
    /// </summary>
    public static readonly string[] Fields = ["id", "name", "group_name", "prefixes", "classes", "basis", "thresholds", "precedence", "combinable"];

    /// <summary>The plans, by id.</summary>
    public IReadOnlyList<DiscountPlanRecord> All => data.Provisioning.Current.Snapshot.DiscountPlans;

    /// <summary>A plan's fields as the form shows them, or null when there is no such plan.</summary>
    public Dictionary<string, string?>? Current(string id)
    {
        if (All.FirstOrDefault(d => d.Id == id)?.Plan is not { } p)
        {
            return null;
        }

        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["id"] = p.Id, ["name"] = p.Name, ["group_name"] = p.Group.Name, ["prefixes"] = string.Join(' ', p.Group.Prefixes),
            ["classes"] = string.Join(' ', p.Group.Classes.Select(c => c.ToWireName())), ["basis"] = WireNames.Name(WireNames.DiscountBases, p.Basis),
            ["thresholds"] = string.Join('\n', p.Tiers.Select(t => $"{Threshold(p.Basis, t.Threshold)} {Percent(t.BasisPoints)}")),
            ["precedence"] = p.Precedence.ToString(CultureInfo.InvariantCulture), ["combinable"] = p.Combinable ? "true" : "false",
        };
    }

    /// <summary>Creates or replaces the plan of <paramref name="form"/>; the refusals by form field ("" when none is named), empty when saved.</summary>
    public Dictionary<string, string> Save(IReadOnlyDictionary<string, string?> form, string actor)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string Text(string f) => form.GetValueOrDefault(f)?.Trim() ?? string.Empty;
        var tiers = new List<(string From, string Percent)>();
        foreach (var line in Text("thresholds").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split([' ', '\t', ':'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                errors["thresholds"] = $"'{line}': one threshold a line, FROM PERCENT (60 5 for 5 % off from 60 minutes, 25.00 2.5 for money)";
                Localization.Refusals.Note(Localization.Refusals.Current, "threshold-line", errors["thresholds"], line);
                return errors;
            }

            tiers.Add((parts[0], parts[1].TrimEnd('%')));
        }

        ProvisioningSnapshot plan;
        try
        {
            plan = ProvisioningJsonReader.Parse(Document(Text, tiers), "discount plan form");
        }
        catch (Exception e) when (e is ProvisioningException or JsonException)
        {
            errors[FieldOf(e.Message)] = e.Message;
            if (e is ProvisioningException { Code: { } code } refused)
            {
                // Shown in the login's language from its code (issue 16), the record it names kept as it is.
                Localization.Refusals.Note(Localization.Refusals.Current, e.Message, code, refused.Detail!, refused.Arguments);
            }

            return errors;
        }

        var result = changes.Apply(actor, _ => ProvisioningSnapshot.Empty with { DiscountPlans = plan.DiscountPlans });
        if (!result.Done)
        {
            errors[FieldOf(result.Message!)] = result.Message!;
        }

        return errors;
    }

    /// <summary>The form written as a provisioning document of one discount plan (values as typed: the reader judges them).</summary>
    private static byte[] Document(Func<string, string> text, IReadOnlyList<(string From, string Percent)> tiers)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("format", "centrex-provisioning/1");
            w.WriteStartArray("discount_plans");
            w.WriteStartObject();
            w.WriteString("id", text("id"));
            w.WriteString("name", text("name"));
            w.WriteStartObject("destination_group");
            w.WriteString("name", text("group_name"));
            Words(w, "prefixes", text("prefixes"));
            Words(w, "classes", text("classes"));
            w.WriteEndObject();
            w.WriteString("basis", text("basis"));
            w.WriteStartArray("thresholds");
            var minutes = text("basis") == "minutes";
            foreach (var (from, percent) in tiers)
            {
                w.WriteStartObject();
                // Minutes are a JSON integer in the format: a number when the text is one, else the text for the reader to refuse.
                if (minutes && long.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    w.WriteNumber("from", n);
                }
                else
                {
                    w.WriteString("from", from);
                }

                w.WriteString("percent", percent);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (int.TryParse(text("precedence"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var precedence))
            {
                w.WriteNumber("precedence", precedence);
            }
            else
            {
                w.WriteString("precedence", text("precedence"));
            }

            w.WriteBoolean("combinable", text("combinable") is "true" or "on");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Words(Utf8JsonWriter w, string name, string text)
    {
        w.WriteStartArray(name);
        foreach (var word in text.Split([' ', ',', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            w.WriteStringValue(word.TrimStart('+'));
        }

        w.WriteEndArray();
    }

    /// <summary>The form field a reader or validator message is about (its JSON path named in it), else the top of the form.</summary>
    internal static string FieldOf(string message)
    {
        // Most specific first: "destination_group: ... name" is the group's name, not the plan's.
        (string Marker, string Field)[] map =
        [
            ("thresholds", "thresholds"), ("percent", "thresholds"), ("threshold", "thresholds"), ("prefix", "prefixes"), ("number class", "classes"),
            ("classes", "classes"), ("lists neither prefixes nor classes", "prefixes"), ("destination_group", "group_name"), ("destination group", "group_name"),
            ("\"precedence\"", "precedence"), ("precedence", "precedence"), ("\"basis\"", "basis"), ("basis", "basis"), ("\"id\"", "id"), ("\"name\"", "name"),
        ];
        foreach (var (marker, field) in map)
        {
            if (message.Contains(marker, StringComparison.Ordinal))
            {
                return field;
            }
        }

        return ProvisioningChanges.FieldOf(message) is { } f && Fields.Contains(f) ? f : string.Empty;
    }

    private static string Threshold(DiscountBasis basis, long threshold) =>
        basis == DiscountBasis.Minutes ? (threshold / 60).ToString(CultureInfo.InvariantCulture) : new Mills(threshold).ToString();

    private static string Percent(int basisPoints)
    {
        Span<char> text = stackalloc char[16];
        return Rating.Money.FixedPointText.TryFormat(basisPoints, 2, text, out var written) ? text[..written].ToString() : basisPoints.ToString(CultureInfo.InvariantCulture);
    }
}
