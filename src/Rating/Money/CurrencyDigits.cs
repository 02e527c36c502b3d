namespace Centrex.Rating.Money;

/// <summary>
/// How many decimals each currency's minor unit has, from ISO 4217's list of currency codes (column "Minor unit", the
/// 2024 list): 0 for the yen, the won, the króna and the others below, 3 for the dinars of Bahrain, Iraq, Jordan,
/// Kuwait, Libya and Tunisia and the Omani rial, 2 for every other currency (the dollar, the euro, ...). Amounts are kept
/// in mills (thousandths of the unit), so the two currencies of four decimals (CLF, UYW) are shown to the mill, which is
/// all the ledger knows of them. .NET's <c>NumberFormatInfo.CurrencyDecimalDigits</c> is not used: it belongs to a
/// culture, not a currency (a French login reading yen would get two decimals), and ICU's data for a culture is not
/// ISO's for its currency everywhere (ICU gives Iceland's króna no decimals, as ISO does, but Chile's peso two).
/// </summary>
public static class CurrencyDigits
{
    private static readonly HashSet<string> None = new(StringComparer.OrdinalIgnoreCase)
    {
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    private static readonly HashSet<string> Three = new(StringComparer.OrdinalIgnoreCase)
    {
        "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND",
        "CLF", "UYW", // four decimals in ISO 4217: three here, the mill
    };

    /// <summary>Decimals of <paramref name="currency"/>'s minor unit: 0, 2 or 3 (2 for a code ISO 4217 does not list).</summary>
    public static int Of(string currency) => None.Contains(currency ?? string.Empty) ? 0 : Three.Contains(currency ?? string.Empty) ? 3 : 2;

    /// <summary>Mills in one minor unit of <paramref name="currency"/>: 1,000 for the yen, 10 for the dollar's cent, 1 for the fils.</summary>
    public static long MillsPerMinorUnit(string currency) => Of(currency) switch
    {
        0 => 1_000,
        2 => 10,
        _ => 1,
    };
}
