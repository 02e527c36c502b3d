using Centrex.Rating.Money;

namespace Centrex.Invoicing.Payments;

/// <summary>What an auto-pay or auto-recharge run did.</summary>
/// <param name="Approved">Card payments taken.</param>
/// <param name="Declined">Card payments declined (recorded, and the customer emailed the reason).</param>
/// <param name="Amount">Money taken.</param>
public sealed record AutoPayResult(int Approved, int Declined, Mills Amount)
{
    /// <summary>Nothing done.</summary>
    public static AutoPayResult None { get; } = new(0, 0, Mills.Zero);

    /// <summary>Both results together.</summary>
    public AutoPayResult Plus(AutoPayResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Approved + other.Approved, Declined + other.Declined, Amount + other.Amount);
    }
}
