using System.Globalization;

namespace Centrex.Portal.Localization;

/// <summary>
/// The languages of the web interface (seed 004, My Profile, Settings: "Web interface language"): English and French,
/// with how each writes dates and numbers.
/// <para>
/// The process runs in .NET's invariant globalization mode (Directory.Build.props: the switch, CSV files and SIP never
/// depend on the host's locale or on ICU being installed), where every culture carries the invariant culture's data. So
/// the two cultures the portal serves are given their formats here, from CLDR: English as the portal has always
/// written them (ISO dates, <c>1,234.57</c>, which is also en-CA's short date); French as CLDR's <c>fr</c> does
/// (<c>05/12/2026</c>, <c>1 234,57</c> with a narrow no-break space between thousands, French month and day names).
/// </para>
/// </summary>
public static class PortalCultures
{
    /// <summary>English: the default, and what a login without a language gets.</summary>
    public static CultureInfo English { get; } = Make("en", "yyyy-MM-dd", "dddd, MMMM d, yyyy", ",", ".", null, null, null);

    /// <summary>French (CLDR <c>fr</c>).</summary>
    public static CultureInfo French { get; } = Make("fr", "dd/MM/yyyy", "dddd d MMMM yyyy", "\u202F", ",",
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", string.Empty],
        ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.", string.Empty],
        ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]);

    /// <summary>The cultures served, English first (the default).</summary>
    public static IReadOnlyList<CultureInfo> All { get; } = [English, French];

    /// <summary>The portal culture of this request (set by request localization from the login's language); English outside one.</summary>
    public static CultureInfo Current => CultureInfo.CurrentCulture.Name == French.Name ? French : English;

    /// <summary>Whether this request is served in English (nothing to translate).</summary>
    public static bool IsEnglish => !ReferenceEquals(Current, French);

    /// <summary>The culture of a login's language setting (<c>en</c>, <c>fr</c>); English for anything else.</summary>
    public static CultureInfo Of(string? language) => language == French.Name ? French : English;

    private static CultureInfo Make(string name, string shortDate, string longDate, string group, string decimalSeparator,
        string[]? months, string[]? abbreviatedMonths, string[]? days)
    {
        var culture = new CultureInfo(name);
        var dates = culture.DateTimeFormat;
        dates.ShortDatePattern = shortDate;
        dates.LongDatePattern = longDate;
        dates.ShortTimePattern = "HH:mm";
        dates.LongTimePattern = "HH:mm:ss";
        dates.FullDateTimePattern = longDate + " HH:mm:ss";
        if (months is not null)
        {
            dates.MonthNames = months;
            dates.MonthGenitiveNames = months;
            dates.AbbreviatedMonthNames = abbreviatedMonths!;
            dates.AbbreviatedMonthGenitiveNames = abbreviatedMonths!;
            dates.DayNames = days!;
        }

        var numbers = culture.NumberFormat;
        numbers.NumberGroupSeparator = numbers.CurrencyGroupSeparator = numbers.PercentGroupSeparator = group;
        numbers.NumberDecimalSeparator = numbers.CurrencyDecimalSeparator = numbers.PercentDecimalSeparator = decimalSeparator;
        return CultureInfo.ReadOnly(culture);
    }
}
