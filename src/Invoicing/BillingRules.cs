using Centrex.Rating.Money;

namespace Centrex.Invoicing;

/// <summary>
/// The provider's billing constants, from the provider FAQ ("When I sign up ... how am I billed?", "What is the 911
/// Cost Recovery Fee?"); one place to change them.
/// </summary>
/// <param name="RegularChargeDay">Day of the month the following month is charged on (27).</param>
/// <param name="NextMonthFromDay">A service added on this day or later is also charged for all of the next month (20).</param>
/// <param name="Emergency911Fee">Monthly 911 cost recovery fee per account that requires 911, never prorated (2.99).</param>
/// <param name="PaymentTermDays">Days from the invoice date to the due date.</param>
/// <param name="WireTransferFee">
/// Charged for each wire/bank transfer payment (provider FAQ, "What methods of payment does Cititone accept?": "there is a
/// $15.00 processing fee for these types of payments").
/// </param>
public sealed record BillingRules(int RegularChargeDay, int NextMonthFromDay, Mills Emergency911Fee, int PaymentTermDays, Mills WireTransferFee)
{
    /// <summary>The provider FAQ's rules, with 30-day payment terms.</summary>
    public static BillingRules Default { get; } = new(27, 20, new Mills(2_990), 30, new Mills(15_000));
}
