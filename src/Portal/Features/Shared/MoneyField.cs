using Centrex.Invoicing;
using Centrex.Rating.Money;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Shared;

/// <summary>
/// Reads an amount typed in a form or sent to the API in a currency (<see cref="MoneyInput"/>: at most the currency's
/// ISO 4217 decimals, integers all the way), putting what is wrong next to the field's name: <c>'100.5': JPY amounts have
/// 0 decimals</c>. The message is noted with its code so a French page shows it in French.
/// </summary>
public static class MoneyField
{
    /// <summary>
    /// The amount of <paramref name="field"/> in <paramref name="currency"/>, or null with the reason in
    /// <paramref name="errors"/>; <paramref name="example"/> is an amount the field takes, for the message; a sign only
    /// when <paramref name="allowSign"/> (<see cref="MoneyInput.TryParse"/>).
    /// </summary>
    public static Mills? Read(string? text, string field, string currency, Mills example, IDictionary<string, string> errors, HttpContext? context, bool allowSign = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var problem = MoneyInput.TryParse(text, currency, out var value, allowSign);
        if (problem == MoneyInput.Problem.None)
        {
            return value;
        }

        var message = MoneyInput.Message(problem, text, currency, example);
        errors[field] = message;
        if (problem == MoneyInput.Problem.TooManyDecimals)
        {
            Localization.Refusals.Note(context, "money-decimals", message, MoneyInput.Echo(text), currency, CurrencyDigits.Of(currency));
        }
        else
        {
            Localization.Refusals.Note(context, "money-format", message, MoneyInput.Echo(text), currency, Invoicing.Rendering.Amounts.Input(example, currency));
        }

        return null;
    }
}
