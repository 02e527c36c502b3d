using NodaTime;

namespace Centrex.Invoicing.Xdr;

/// <summary>
/// Whose calls a report lists and when: the accounts of one customer (or one account), calls that started from the start
/// of <paramref name="FromDate"/> to the end of <paramref name="ToDate"/> in the customer's time zone (both dates
/// included, as a finance team reads "from 1 to 31 October").
/// </summary>
/// <param name="Title">Who, for the report's heading: "Customer CUST-QC — Boulangerie Tremblay inc.".</param>
/// <param name="Accounts">The accounts included.</param>
/// <param name="Zone">The customer's time zone: the range and every start time are in it.</param>
/// <param name="FromDate">First day included.</param>
/// <param name="ToDate">Last day included.</param>
/// <param name="Currency">The customer's currency, for the headings.</param>
public sealed record XdrSelection(string Title, IReadOnlySet<string> Accounts, DateTimeZone Zone, LocalDate FromDate, LocalDate ToDate, string Currency)
{
    /// <summary>First instant included.</summary>
    public Instant From => FromDate.AtStartOfDayInZone(Zone).ToInstant();

    /// <summary>First instant excluded: the start of the day after <see cref="ToDate"/>.</summary>
    public Instant To => ToDate.PlusDays(1).AtStartOfDayInZone(Zone).ToInstant();
}
