using Centrex.Rating;
using Centrex.Rating.Charging;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;

namespace Centrex.Cli;

/// <summary>Builds the rating kernel from a tariff file and the optional operator NPA tables (shipped ones otherwise).</summary>
internal static class RaterFiles
{
    /// <param name="tariff">Tariff file.</param>
    /// <param name="tollFree">Operator's toll-free NPA table, or null.</param>
    /// <param name="nanpInternational">Operator's NANP-international NPA table, or null.</param>
    /// <param name="maxRatePerMinute">The tariff's sanity cap on a rate (issue 13); null for none.</param>
    /// <param name="dataDirectory">
    /// A data directory whose provisioning may give accounts local calling areas and toll-free inbound rates (issue 17);
    /// without one, or when it gives none, calls are rated by the tariff alone (the rated-file contract unchanged).
    /// </param>
    /// <exception cref="Rating.Csv.CsvFormatException">The tariff or a table is invalid (file, line and field named).</exception>
    public static Rater Load(string tariff, string? tollFree, string? nanpInternational, MicroDollars? maxRatePerMinute, string? dataDirectory = null)
    {
        var plan = NumberingPlan.FromTables(
            tollFree is null ? NpaTable.DefaultTollFree : NpaTable.Load(tollFree),
            nanpInternational is null ? NpaTable.DefaultNanpInternational : NpaTable.Load(nanpInternational));
        return new Rater(TariffLoader.Load(tariff, maxRatePerMinute), plan) { AccountRules = dataDirectory is null ? null : Rules(dataDirectory) };
    }

    /// <summary>The accounts' local calling areas and toll-free inbound rates from provisioning, or null when there are none.</summary>
    public static AccountRules? Rules(string dataDirectory)
    {
        if (!File.Exists(Path.Combine(dataDirectory, Provisioning.Store.ProvisioningStore.FileName)))
        {
            return null;
        }

        using var store = Provisioning.Store.ProvisioningStore.Open(dataDirectory);
        return Rules(store.Load());
    }

    /// <summary>The local calling areas and toll-free inbound rates of <paramref name="s"/>, or null when there are none.</summary>
    public static AccountRules? Rules(Provisioning.Model.ProvisioningSnapshot s)
    {
        var customerCentre = s.Customers.ToDictionary(c => c.Id, c => c.RateCentre, StringComparer.Ordinal);
        var rules = new AccountRules(
            s.RateCentres.Select(r => new LocalArea(r.Id, r.Prefixes, r.RatePerMinute)),
            s.Accounts.Select(a => (a.Id, a.RateCentre ?? customerCentre[a.CustomerId], a.InboundRates)));
        return rules.Count == 0 ? null : rules;
    }
}
