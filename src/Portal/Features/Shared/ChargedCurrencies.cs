using Centrex.Invoicing;
using Centrex.Invoicing.Rendering;
using Centrex.Rating.Money;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Shared;

/// <summary>
/// The currencies an amount with no currency of its own is charged in (a product's fees: in each subscriber's currency;
/// <see cref="Data.ProvisioningIndex.CurrenciesOfProduct"/>), for showing and reading it with their decimals (ISO 4217):
/// shown in each (<c>1,980 JPY</c>, or <c>19.99 CAD · 19.99 USD</c>), read in the one with the fewest decimals, so that
/// every subscriber can be charged it (a yen subscriber makes it whole). With no subscriber yet there is no currency:
/// it is read to the mill, all the ledger keeps, and shown with two decimals unless it has mills.
/// </summary>
public sealed record ChargedCurrencies(IReadOnlyList<string> Codes)
{
    /// <summary>The currency of <paramref name="customer"/> (an account's amounts), or none when there is no such customer.</summary>
    public static ChargedCurrencies Of(Provisioning.Model.Customer? customer) => new(customer is null ? [] : [customer.Currency]);

    /// <summary>The currency amounts are read in: the one with the fewest decimals, or null (to the mill).</summary>
    public string? Strictest => Codes.Count == 0 ? null : Codes.MinBy(CurrencyDigits.Of);

    /// <summary>The amount as a table shows it: in each currency, or to the mill with none.</summary>
    public string Show(Mills amount) => Codes.Count == 0
        ? (amount.Value % MoneyRounding.MillsPerCent == 0 ? Amounts.Cents(amount) : Amounts.Mills(amount))
        : string.Join(" · ", Codes.Select(c => Display.Show.Money(amount, c)));

    /// <summary>The amount as a form's input holds it (<see cref="Amounts.Input"/>), to be read back unchanged.</summary>
    public string Input(Mills amount) => Amounts.Input(amount, Strictest ?? NoCurrency);

    // With no currency: as a code ISO 4217 does not list (two decimals), the mills when the amount has them.
    private const string NoCurrency = "";

    /// <summary>Reads <paramref name="field"/>'s text in <see cref="Strictest"/> (<see cref="MoneyField"/>); to the mill with no currency.</summary>
    public Mills? Read(string? text, string field, Mills example, IDictionary<string, string> errors, HttpContext? context, bool allowSign = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Strictest is { } currency)
        {
            return MoneyField.Read(text, field, currency, example, errors, context, allowSign);
        }

        if (Mills.TryParse((text ?? string.Empty).Trim(), out var value) && (allowSign || value >= Mills.Zero))
        {
            return value;
        }

        errors[field] = $"'{MoneyInput.Echo(text)}' is not an amount such as {example} (at most 3 decimals: no customer's currency applies to it yet)";
        Localization.Refusals.Note(context, "amount-no-currency", errors[field], MoneyInput.Echo(text), example);
        return null;
    }
}
