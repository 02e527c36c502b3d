using System.Text.Json;
using Centrex.Provisioning.Model;

namespace Centrex.Provisioning.Json;

/// <summary>An account's <c>fraud</c> object, written only when it sets a control (issue 14).</summary>
public static partial class ProvisioningJsonWriter
{
    private static void WriteFraud(Utf8JsonWriter w, FraudLimits? fraud)
    {
        if (fraud is null || fraud.IsEmpty)
        {
            return;
        }

        w.WriteStartObject("fraud");
        Count(w, "max_international_calls", fraud.MaxInternationalCalls);
        if (fraud.MaxSpendPerHour is { } hour)
        {
            w.WriteString("max_spend_per_hour", hour.ToString());
        }

        if (fraud.MaxSpendPerDay is { } day)
        {
            w.WriteString("max_spend_per_day", day.ToString());
        }

        if (fraud.BlockedClasses.Count > 0)
        {
            Strings(w, "blocked_classes", fraud.BlockedClasses.Select(c => WireNames.Name(WireNames.FraudClasses, c)));
        }

        w.WriteEndObject();
    }
}
