using Centrex.Provisioning.Model;

namespace Centrex.Provisioning.Json;

/// <summary>An account's <c>fraud</c> object (issue 14).</summary>
public static partial class ProvisioningJsonReader
{
    private static readonly string[] FraudFields = ["max_international_calls", "max_spend_per_hour", "max_spend_per_day", "blocked_classes"];

    private static FraudLimits? ReadFraud(JsonRecord account)
    {
        if (!account.Has("fraud"))
        {
            return null;
        }

        var r = new JsonRecord(account.Object("fraud"), account.Where + ", fraud", FraudFields);
        var classes = new List<FraudClass>();
        foreach (var name in r.Strings("blocked_classes"))
        {
            if (!WireNames.FraudClasses.TryGetValue(name, out var value))
            {
                throw r.Error($"field \"blocked_classes\": '{name}' is not one of {string.Join(", ", WireNames.FraudClasses.Keys)}");
            }

            if (classes.Contains(value))
            {
                throw r.Error($"field \"blocked_classes\": '{name}' appears twice");
            }

            classes.Add(value);
        }

        var limits = new FraudLimits(
            r.OptionalCount("max_international_calls"),
            r.Has("max_spend_per_hour") ? r.Money("max_spend_per_hour") : null,
            r.Has("max_spend_per_day") ? r.Money("max_spend_per_day") : null,
            classes);
        return limits.IsEmpty ? null : limits;
    }
}
