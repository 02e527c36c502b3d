using Centrex.Invoicing.FreeMinutes;
using Centrex.Invoicing.Subscriptions;
using Centrex.Invoicing.Taxes;
using Centrex.Provisioning.Model;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Invoices;

/// <summary>
/// One customer's invoice for one month: immutable once issued (a correction voids it and issues another). Amounts are
/// exact in mills; only taxes and the amount due are whole cents.
/// </summary>
/// <param name="Number">Sequential number, without gaps.</param>
/// <param name="Customer">The customer as provisioned when the invoice was issued.</param>
/// <param name="Accounts">The customer's accounts.</param>
/// <param name="Period">The billing month, in the customer's time zone.</param>
/// <param name="IssuedOn">Invoice date: the period's last day.</param>
/// <param name="DueOn">Payment due date.</param>
/// <param name="PreviousBalance">What the customer owed before the period (exact, sub-cent remainder included).</param>
/// <param name="Payments">Payments and refunds received in the period.</param>
/// <param name="Subscriptions">
/// Subscription, 911 and one-off fees charged on this invoice, and adjustments of those billed on earlier invoices
/// (<see cref="SubscriptionCharge.IsAdjustment"/>).
/// </param>
/// <param name="Usage">Calls of the period by class and destination.</param>
/// <param name="FreeMinutes">Free North America minutes credits, per account, for the previous month's calls (seed 001: "Credit ... will appear on the following months invoice").</param>
/// <param name="Taxes">Sales taxes, one line per tax type.</param>
/// <param name="Calls">The period's rated calls, by start (for the detail pages).</param>
/// <param name="Replaces">The voided invoice this one reissues, if any.</param>
public sealed record Invoice(
    long Number,
    Customer Customer,
    IReadOnlyList<Account> Accounts,
    YearMonth Period,
    LocalDate IssuedOn,
    LocalDate DueOn,
    Mills PreviousBalance,
    IReadOnlyList<PaymentLine> Payments,
    IReadOnlyList<SubscriptionCharge> Subscriptions,
    IReadOnlyList<UsageLine> Usage,
    IReadOnlyList<FreeMinutesCredit> FreeMinutes,
    IReadOnlyList<TaxLine> Taxes,
    IReadOnlyList<RatedCdr> Calls,
    long? Replaces = null)
{
    /// <summary>First day of the period.</summary>
    public LocalDate PeriodStart => Period.OnDayOfMonth(1);

    /// <summary>Last day of the period.</summary>
    public LocalDate PeriodEnd => IssuedOn;

    /// <summary>Call charges before discounts.</summary>
    public Mills UsageCharges => Sum(Usage.Select(u => u.Charge));

    /// <summary>Volume discounts given at rating time (positive).</summary>
    public Mills VolumeDiscounts => Sum(Usage.Select(u => u.Discount));

    /// <summary>Subscription, 911 and one-off fees charged for the first time.</summary>
    public Mills SubscriptionFees => Sum(Subscriptions.Where(s => !s.IsAdjustment).Select(s => s.Amount));

    /// <summary>Adjustments of charges billed on earlier invoices (negative: a credit).</summary>
    public Mills Adjustments => Sum(Subscriptions.Where(s => s.IsAdjustment).Select(s => s.Amount));

    /// <summary>Free minutes credited back on this invoice (positive).</summary>
    public Mills FreeMinutesCredit => Sum(FreeMinutes.Select(f => f.ThisInvoice));

    /// <summary>The subtotal taxes are computed on: after discounts, adjustments and credits.</summary>
    public Mills TaxableSubtotal => UsageCharges - VolumeDiscounts + SubscriptionFees + Adjustments - FreeMinutesCredit;

    /// <summary>All taxes.</summary>
    public Mills TaxTotal => Sum(Taxes.Select(t => t.Amount));

    /// <summary>This period's charges with taxes: the invoice total.</summary>
    public Mills Total => TaxableSubtotal + TaxTotal;

    /// <summary>Payments (negative) and refunds (positive) of the period.</summary>
    public Mills PaymentsTotal => Sum(Payments.Select(p => p.Amount));

    /// <summary>What the customer owes after this invoice, exactly.</summary>
    public Mills ClosingBalance => PreviousBalance + PaymentsTotal + Total;

    /// <summary>
    /// What to pay: the closing balance rounded half up to the minor unit of the customer's currency (the cent; the whole
    /// yen; the fils, which is the mill: <see cref="MoneyRounding.HalfUpToMinorUnit"/>); the remainder stays on the
    /// balance. It is the manual's "Last Invoice Amount": this invoice's total plus whatever earlier invoices left unpaid.
    /// </summary>
    public Mills AmountDue => MoneyRounding.HalfUpToMinorUnit(ClosingBalance, Customer.Currency);

    /// <summary>Whether every account is prepaid (debit): the invoice is then a statement and payment status does not apply.</summary>
    public bool Prepaid => Accounts.Count > 0 && Accounts.All(a => a.Type == AccountType.Debit);

    private static Mills Sum(IEnumerable<Mills> amounts) => amounts.Aggregate(Mills.Zero, (a, b) => a + b);
}
