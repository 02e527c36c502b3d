using Centrex.Rating.Money;
using Centrex.Rating.Numbering;

namespace Centrex.Invoicing.Invoices;

/// <summary>Calls of one class to one destination in a period, summarized.</summary>
/// <param name="Class">Number class.</param>
/// <param name="Destination">Tariff destination name.</param>
/// <param name="Calls">Number of calls.</param>
/// <param name="BilledSeconds">Billed seconds.</param>
/// <param name="Charge">Charges before discounts.</param>
/// <param name="Discount">Volume discounts given on them.</param>
public sealed record UsageLine(NumberClass Class, string Destination, int Calls, long BilledSeconds, Mills Charge, Mills Discount);
