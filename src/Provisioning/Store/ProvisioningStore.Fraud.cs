using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Rating.Money;
using Microsoft.Data.Sqlite;

namespace Centrex.Provisioning.Store;

/// <summary>An account's fraud controls in its row (migration 3): three nullable limits and the barred classes.</summary>
public sealed partial class ProvisioningStore
{
    private static string FraudClassWords(FraudLimits? fraud) =>
        fraud is null ? string.Empty : string.Join(' ', fraud.BlockedClasses.Select(c => WireNames.Name(WireNames.FraudClasses, c)));

    /// <summary>The controls in the four columns from <paramref name="first"/>, or null when none is set.</summary>
    private static FraudLimits? ReadFraud(SqliteDataReader r, int first)
    {
        var limits = new FraudLimits(
            Count(r, first),
            r.IsDBNull(first + 1) ? null : new Mills(r.GetInt64(first + 1)),
            r.IsDBNull(first + 2) ? null : new Mills(r.GetInt64(first + 2)),
            [.. Words(r.GetString(first + 3)).Select(w => WireNames.FraudClasses[w])]);
        return limits.IsEmpty ? null : limits;
    }
}
