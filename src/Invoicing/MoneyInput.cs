using System.Globalization;
using Centrex.Rating.Money;

namespace Centrex.Invoicing;

/// <summary>
/// An amount a person types in a currency (a payment, an auto-pay threshold, a fee, a credit limit): digits with at most
/// the currency's decimals (ISO 4217's minor unit, <see cref="CurrencyDigits"/>: <c>1980</c> yen, <c>25.50</c> dollars,
/// <c>1.234</c> dinars), read as an integer of mills with no floating point on the way (<see cref="FixedPointText"/>).
/// Fractional yen or a tenth of a cent cannot be paid or charged to a card, so they are refused, not rounded: the person
/// sees what was meant. The one parser of the pages, the API and the command line, beside the one formatter
/// (<see cref="Rendering.Amounts.Money"/>).
/// </summary>
public static class MoneyInput
{
    /// <summary>What is wrong with a typed amount.</summary>
    public enum Problem
    {
        /// <summary>Nothing: the amount was read.</summary>
        None,

        /// <summary>Not an amount (letters, a comma, a sign, nothing).</summary>
        NotAnAmount,

        /// <summary>An amount with more decimals than the currency has (<c>100.5</c> yen, <c>10.001</c> dollars).</summary>
        TooManyDecimals,
    }

    /// <summary>
    /// Reads <paramref name="text"/> (surrounding spaces ignored) as an amount of <paramref name="currency"/> in mills;
    /// the problem when it is not one. A sign is taken only when <paramref name="allowSign"/>: an amount paid or charged is a
    /// quantity (a refund is a kind), while a limit's sign is for its validator to judge, with its own message.
    /// </summary>
    public static Problem TryParse(string? text, string currency, out Mills value, bool allowSign = false)
    {
        value = Mills.Zero;
        var trimmed = (text ?? string.Empty).AsSpan().Trim();
        var digits = CurrencyDigits.Of(currency);
        if (FixedPointText.TryParse(trimmed, digits, allowSign, out var minorUnits))
        {
            try
            {
                value = new Mills(checked(minorUnits * CurrencyDigits.MillsPerMinorUnit(currency)));
                return Problem.None;
            }
            catch (OverflowException)
            {
                return Problem.NotAnAmount;
            }
        }

        // Read to the mill, it is an amount whose decimals the currency does not have; beyond the mill, nothing is.
        return FixedPointText.TryParse(trimmed, 3, allowSign, out _) ? Problem.TooManyDecimals : Problem.NotAnAmount;
    }

    /// <summary>
    /// What a refused amount is told, in English (the API's and the command line's words; the pages translate it by
    /// <paramref name="problem"/>): <c>'100.5': JPY amounts have 0 decimals</c>, <c>'abc' is not an amount in USD, such as 25.00</c>.
    /// <paramref name="example"/> is an amount the field takes, written as <see cref="Rendering.Amounts.Input"/> writes it.
    /// </summary>
    public static string Message(Problem problem, string? text, string currency, Mills example) => problem switch
    {
        Problem.TooManyDecimals => string.Format(CultureInfo.InvariantCulture, DecimalsText, Echo(text), currency, CurrencyDigits.Of(currency)),
        Problem.NotAnAmount => string.Format(CultureInfo.InvariantCulture, FormatText, Echo(text), currency, Rendering.Amounts.Input(example, currency)),
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "the amount was read"),
    };

    /// <summary>The English text of <see cref="Problem.TooManyDecimals"/>: the typed text, the currency, its decimals.</summary>
    public const string DecimalsText = "'{0}': {1} amounts have {2} decimals";

    /// <summary>The English text of <see cref="Problem.NotAnAmount"/>: the typed text, the currency, an example.</summary>
    public const string FormatText = "'{0}' is not an amount in {1}, such as {2}";

    /// <summary>The typed text as a message quotes it (trimmed, a long one cut).</summary>
    public static string Echo(string? text) => Rating.Csv.EchoedValue.Cut((text ?? string.Empty).Trim());
}
