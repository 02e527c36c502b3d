using Centrex.Rating.Money;

namespace Centrex.Provisioning.Model;

/// <summary>A plan an account subscribes to.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Name">Name on invoices.</param>
/// <param name="MonthlyFee">Fee per month, billed in advance and prorated by days.</param>
/// <param name="FreeNorthAmericaMinutes">Free domestic minutes included per month.</param>
public sealed record Product(string Id, string Name, Mills MonthlyFee, int FreeNorthAmericaMinutes);
