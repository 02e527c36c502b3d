using System.Collections.Concurrent;
using System.Globalization;
using Centrex.Invoicing.Rendering;
using Centrex.Portal.Localization;
using Centrex.Rating.Money;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Portal.Display;

/// <summary>
/// How money, dates and times read on the pages: in the customer's currency and time zone (issue 16, usability), and
/// in the login's language (<see cref="PortalCultures"/>: <c>2026-12-05</c> and <c>1,234.57</c> in English,
/// <c>05/12/2026</c> and <c>1 234,57</c> in French). What machines read (file names, API fields, form values of date
/// inputs) uses <see cref="IsoDate"/>, the same in every language.
/// </summary>
public static class Show
{
    private static readonly ConcurrentDictionary<CultureInfo, (LocalDatePattern Date, LocalDateTimePattern Time)> Patterns = new();

    /// <summary>
    /// A balance, amount due, fee or payment in the minor unit of its currency, with the currency: <c>1,234.57 CAD</c>,
    /// <c>1,235 JPY</c>, <c>1,234.567 KWD</c>. Billing's own formatter (<see cref="Amounts.Money"/>: ISO 4217's decimals,
    /// a half rounded away from zero, as the invoice's amount due is), in the page's language.
    /// </summary>
    public static string Money(Mills amount, string currency) => $"{Amounts.Money(amount, currency, PortalCultures.Current)} {currency}";

    /// <summary>An exact amount (to the mill) with its currency: <c>0.057 CAD</c>, <c>60 JPY</c> (<see cref="Amounts.Exact"/>).</summary>
    public static string Exact(Mills amount, string currency) => $"{Amounts.Exact(amount, currency, PortalCultures.Current)} {currency}";

    /// <summary>A date as the page's language writes it.</summary>
    public static string Date(LocalDate date) => Of(PortalCultures.Current).Date.Format(date);

    /// <summary>A date as <c>YYYY-MM-DD</c> whatever the language (file names, API fields, date inputs).</summary>
    public static string IsoDate(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>An instant as local date and time in <paramref name="zone"/>, as the page's language writes them.</summary>
    public static string Time(Instant instant, DateTimeZone zone) => Of(PortalCultures.Current).Time.Format(instant.InZone(zone).LocalDateTime);

    /// <summary>A call's duration as <c>m:ss</c>.</summary>
    public static string Duration(long seconds) => Amounts.Duration(seconds);

    /// <summary>An invoice number as printed: <c>000042</c>.</summary>
    public static string InvoiceNumber(long number) => number.ToString("D6", CultureInfo.InvariantCulture);

    private static (LocalDatePattern Date, LocalDateTimePattern Time) Of(CultureInfo culture) => Patterns.GetOrAdd(culture, c =>
    {
        var date = c.DateTimeFormat.ShortDatePattern;
        return (LocalDatePattern.Create(date, c), LocalDateTimePattern.Create(date + " HH:mm:ss", c));
    });
}
