using Centrex.Rating.Money;
using Centrex.Rating.Numbering;

namespace Centrex.Rating.Discounts;

/// <summary>What the volume discounter needs to know about a rated call.</summary>
/// <param name="Callee">The callee normalized to E.164 digits.</param>
/// <param name="Class">The callee's class.</param>
/// <param name="BilledSeconds">Seconds billed after increments.</param>
/// <param name="Charge">The charge before discounts.</param>
public readonly record struct DiscountCall(string Callee, NumberClass Class, long BilledSeconds, Mills Charge);
