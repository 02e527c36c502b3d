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

    /// <summary>Seconds as <c>m:ss</c> or <c>h:mm:ss</c>.</summary>
    public static string Duration(long seconds) => seconds >= 3600
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}:{seconds / 60 % 60:D2}:{seconds % 60:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:D2}");

    /// <summary>Billed seconds as minutes with one decimal: <c>12.5</c>.</summary>
    public static string Minutes(long seconds) => (seconds / 60m).ToString("#,##0.0", CultureInfo.InvariantCulture);
}
