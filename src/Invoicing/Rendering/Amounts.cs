using System.Globalization;
using Centrex.Rating.Money;

namespace Centrex.Invoicing.Rendering;

/// <summary>How amounts and durations read on invoices and reports (decimal only here, at the printing edge).</summary>
public static class Amounts
{
    /// <summary>Mills with thousands separators and three decimals: <c>1,234.567</c>.</summary>
    public static string Mills(Mills value) => (value.Value / 1000m).ToString("#,##0.000", CultureInfo.InvariantCulture);

    /// <summary>Whole cents with two decimals: <c>1,234.57</c> (for amounts already rounded to the cent).</summary>
    public static string Cents(Mills value) => (value.Value / 1000m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>Seconds as <c>m:ss</c> or <c>h:mm:ss</c>.</summary>
    public static string Duration(long seconds) => seconds >= 3600
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}:{seconds / 60 % 60:D2}:{seconds % 60:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:D2}");

    /// <summary>Billed seconds as minutes with one decimal: <c>12.5</c>.</summary>
    public static string Minutes(long seconds) => (seconds / 60m).ToString("#,##0.0", CultureInfo.InvariantCulture);
}
