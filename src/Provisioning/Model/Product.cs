using Centrex.Rating.Money;

namespace Centrex.Provisioning.Model;

/// <summary>A plan an account subscribes to.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Name">Name on invoices.</param>
/// <param name="MonthlyFee">Fee per month, billed in advance and prorated by days.</param>
/// <param name="FreeNorthAmericaMinutes">Free domestic minutes included per month (prorated like the fee in a partial month).</param>
/// <param name="SetupFee">
/// One-off activation fee, charged in full when a new subscription starts (seed 001: "You will be charged the standard
/// setup and monthly fees to purchase a new number"); a plan change (a subscription that replaces another) does not pay it.
/// </param>
public sealed record Product(string Id, string Name, Mills MonthlyFee, int FreeNorthAmericaMinutes, Mills SetupFee = default);
