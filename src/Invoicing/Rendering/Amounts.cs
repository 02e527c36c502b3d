using System.Globalization;
using Centrex.Rating.Money;

namespace Centrex.Invoicing.Rendering;

/// <summary>How amounts and durations read on invoices and reports (decimal only here, at the printing edge).</summary>
public static class Amounts
{
    /// <summary>Mills with thousands separators and three decimals: <c>1,234.567</c>.</summary>
    public static string Mills(Mills value) => (value.Value / 1000m).ToString("#,##0.000", CultureInfo.InvariantCulture);

    /// <summary>
    /// A balance as customers see it (issue 17, rule 7). Seed 001: "Your balance as displayed when you login is listed in
    /// whole cents, for example: $5.24 ... Our billing system actually keeps your balance with 10th's of a cent. So while
    /// your balance would show $5.24 it might actually be $5.243." Whole cents, rounded half up like the amount due
    /// (5.243 → 5.24, 5.245 → 5.25); wherever it is shown, the exact balance (<see cref="Mills(Rating.Money.Mills)"/>,
    /// three decimals) is shown or sent beside it, labelled exact.
    /// </summary>
    public static string Balance(Mills value) => Cents(MoneyRounding.HalfUpToCent(value));

    /// <summary>A balance in whole cents, with the exact balance beside it when it has a tenth of a cent: <c>5.24 (exact 5.243)</c>.</summary>
    public static string BalanceWithExact(Mills value) =>
        value.Value % MoneyRounding.MillsPerCent == 0 ? Balance(value) : $"{Balance(value)} (exact {Mills(value)})";

    /// <summary>Whole cents with two decimals: <c>1,234.57</c> (for amounts already rounded to the cent).</summary>
    public static string Cents(Mills value) => (value.Value / 1000m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// An amount as it is owed or paid in <paramref name="currency"/>: rounded half away from zero to the currency's minor
    /// unit (<see cref="MoneyRounding.HalfUpToMinorUnit"/>) and written with that many decimals (<see cref="CurrencyDigits"/>):
    /// <c>1,234.57</c> dollars, <c>1,235</c> yen, <c>1,234.567</c> dinars. The one formatter of balances, amounts due,
    /// fees and payments on invoices, in mails and on the portal's pages (which pass their language's <paramref name="format"/>).
    /// </summary>
    public static string Money(Mills value, string currency, IFormatProvider? format = null) =>
        Decimal(MoneyRounding.HalfUpToMinorUnit(value, currency), CurrencyDigits.Of(currency), format);

    /// <summary>
    /// An exact amount, to the mill, in <paramref name="currency"/> (call charges, invoice lines: seed 001, "that is the
    /// actual cost"). Three decimals where the mill is a decimal the currency writes or the next one (the dinar's fils, a
    /// tenth of a cent: <c>0.057</c>); in a currency without decimals, none when the amount is whole (<c>60</c> yen) and
    /// the mills when it is not (<c>10.167</c> yen), so nothing the ledger holds is hidden and whole amounts read as the
    /// currency writes them.
    /// </summary>
    public static string Exact(Mills value, string currency, IFormatProvider? format = null) =>
        Decimal(value, CurrencyDigits.Of(currency) == 0 && value.Value % 1_000 == 0 ? 0 : 3, format);

    /// <summary>
    /// A balance as <see cref="Money"/> writes it, with the exact balance beside it when rounding changed it (issue 17,
    /// rule 7; seed 001): <c>5.24 (exact 5.243)</c>, <c>1,235 (exact 1,234.500)</c> yen.
    /// </summary>
    public static string BalanceWithExact(Mills value, string currency, IFormatProvider? format = null) =>
        MoneyRounding.HalfUpToMinorUnit(value, currency) == value ? Money(value, currency, format) : $"{Money(value, currency, format)} (exact {Exact(value, currency, format)})";

    /// <summary>
    /// An amount as a form's input holds it, for <see cref="MoneyInput"/> to read back unchanged: invariant, no thousands
    /// separator, the currency's decimals (<c>1234.50</c> dollars, <c>1980</c> yen, <c>1.234</c> dinars), or the mills when the
    /// amount has more than the currency writes (imported so), so that saving a form never rounds what was kept.
    /// </summary>
    public static string Input(Mills value, string currency)
    {
        var step = CurrencyDigits.MillsPerMinorUnit(currency);
        return Decimal(value, value.Value % step == 0 ? CurrencyDigits.Of(currency) : 3, null, grouped: false);
    }

    /// <summary>Seconds as <c>m:ss</c> or <c>h:mm:ss</c>.</summary>
    public static string Duration(long seconds) => seconds >= 3600
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}:{seconds / 60 % 60:D2}:{seconds % 60:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:D2}");

    /// <summary>Billed seconds as minutes with one decimal: <c>12.5</c>.</summary>
    public static string Minutes(long seconds) => (seconds / 60m).ToString("#,##0.0", CultureInfo.InvariantCulture);

    private static string Decimal(Mills value, int decimals, IFormatProvider? format, bool grouped = true) =>
        (value.Value / 1000m).ToString((grouped ? "#,##0" : "0") + (decimals == 0 ? string.Empty : "." + new string('0', decimals)), format ?? CultureInfo.InvariantCulture);
}
