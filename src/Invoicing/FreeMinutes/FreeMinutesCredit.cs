using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.FreeMinutes;

/// <summary>
/// The free North America minutes credit of one account for one month of calls. Seed 001: "Credit for the Free North
/// America long distance charges will appear on the following months invoice", so the invoice of the month after
/// <see cref="Month"/> carries it.
/// </summary>
/// <param name="AccountId">The account.</param>
/// <param name="Month">The month the calls were made in.</param>
/// <param name="AllowanceMinutes">Free minutes included that month (the prorated allowances of the plans in service).</param>
/// <param name="CoveredSeconds">Billed seconds of domestic calls the allowance covered.</param>
/// <param name="CallsCredited">Calls wholly or partly credited.</param>
/// <param name="Credit">What the month's calls earn back in all (positive), the crossing call's share rounded down to the mill.</param>
/// <param name="Previously">What earlier invoices credited for the same month already (a store billed under the old same-month rule).</param>
public sealed record FreeMinutesCredit(string AccountId, YearMonth Month, int AllowanceMinutes, long CoveredSeconds, int CallsCredited, Mills Credit, Mills Previously = default)
{
    /// <summary>What this invoice credits: the month's credit less what was credited before.</summary>
    public Mills ThisInvoice => Credit - Previously;

    /// <summary>The ledger key of the credit for an account's month of calls.</summary>
    public static string KeyOf(string accountId, YearMonth month) => Subscriptions.SubscriptionSchedule.MonthKey("free:" + accountId, month);
}
