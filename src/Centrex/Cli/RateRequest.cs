namespace Centrex.Cli;

/// <summary>The files of one <c>centrex rate</c> invocation.</summary>
/// <param name="Tariff">Tariff CSV.</param>
/// <param name="Cdrs">CDR CSV.</param>
/// <param name="Rated">Rated CSV to write.</param>
/// <param name="Rejects">Rejects CSV to write.</param>
/// <param name="TollFree">Operator's toll-free NPA table, or null for the shipped one.</param>
/// <param name="NanpInternational">Operator's NANP-international NPA table, or null for the shipped one.</param>
/// <param name="Data">Data directory whose durable ledger the calls are rated into, or null for a pure file run.</param>
/// <param name="CheckpointEntries">With <paramref name="Data"/>: checkpoint the balances after this many entries.</param>
internal sealed record RateRequest(string Tariff, string Cdrs, string Rated, string Rejects, string? TollFree = null, string? NanpInternational = null, string? Data = null, long CheckpointEntries = 2_000_000)
{
    /// <summary>The tariff's sanity cap on a rate per minute (issue 13); null when the operator lifted it.</summary>
    public Rating.Money.MicroDollars? MaxRatePerMinute { get; init; } = Rating.Tariffs.TariffLoader.DefaultMaxRatePerMinute;
}
