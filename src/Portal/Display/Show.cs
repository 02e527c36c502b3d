using System.Globalization;
using Centrex.Invoicing.Rendering;
using Centrex.Rating.Money;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Portal.Display;

/// <summary>How money, dates and times read on the pages: in the customer's currency and time zone (issue 16, usability).</summary>
public static class Show
{
    private static readonly LocalDateTimePattern DateTime = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss");

    /// <summary>A balance or amount due in whole cents with its currency: <c>1,234.57 CAD</c>.</summary>
    public static string Money(Mills amount, string currency) => $"{Amounts.Balance(amount)} {currency}";

    /// <summary>An exact amount (to the mill) with its currency: <c>0.057 CAD</c>.</summary>
    public static string Exact(Mills amount, string currency) => $"{Amounts.Mills(amount)} {currency}";

    /// <summary>A date as <c>YYYY-MM-DD</c>.</summary>
    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>An instant as local date and time in <paramref name="zone"/>.</summary>
    public static string Time(Instant instant, DateTimeZone zone) => DateTime.Format(instant.InZone(zone).LocalDateTime);

    /// <summary>A call's duration as <c>m:ss</c>.</summary>
    public static string Duration(long seconds) => Amounts.Duration(seconds);

    /// <summary>An invoice number as printed: <c>000042</c>.</summary>
    public static string InvoiceNumber(long number) => number.ToString("D6", CultureInfo.InvariantCulture);
}
