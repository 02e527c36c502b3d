using System.CommandLine;
using Centrex.Rating.Money;
using Centrex.Rating.Tariffs;

namespace Centrex.Cli;

/// <summary>
/// <c>--max-rate DOLLARS</c> and <c>--allow-high-rates</c>, on every command that loads a tariff (<c>rate</c>,
/// <c>serve</c>): the sanity cap on a tariff row's rate per minute (issue 13; <see cref="TariffLoader.DefaultMaxRatePerMinute"/>).
/// </summary>
internal sealed class TariffRateCap
{
    /// <summary>The cap.</summary>
    public Option<MicroDollars> MaxRate { get; } = new("--max-rate")
    {
        HelpName = "DOLLARS",
        Description = "Refuse a tariff whose rate per minute is above this many dollars (a sanity cap against slips such as cents written as dollars)",
        DefaultValueFactory = _ => TariffLoader.DefaultMaxRatePerMinute,
        CustomParser = OptionParsers.Of<MicroDollars>(OptionValues.TryDollars, "is not a dollar amount with at most 6 decimals"),
    };

    /// <summary>Lifts the cap.</summary>
    public Option<bool> AllowHighRates { get; } = new("--allow-high-rates") { Description = "Accept tariff rates above the --max-rate cap" };

    /// <summary>Adds both options to <paramref name="command"/>, and refuses them together (one says cap, the other no cap).</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(MaxRate);
        command.Options.Add(AllowHighRates);
        command.Validators.Add(result =>
        {
            if (result.GetResult(MaxRate) is { Implicit: false } && result.GetResult(AllowHighRates) is { Implicit: false })
            {
                result.AddError("give --max-rate or --allow-high-rates, not both");
            }
        });
    }

    /// <summary>The cap asked for; null when lifted.</summary>
    public MicroDollars? Of(ParseResult parse) => parse.GetValue(AllowHighRates) ? null : parse.GetValue(MaxRate);
}
