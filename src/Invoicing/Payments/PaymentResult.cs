namespace Centrex.Invoicing.Payments;

/// <summary>The gateway's answer: approved with its reference, or declined with the reason.</summary>
/// <param name="Approved">Whether the money was taken.</param>
/// <param name="Reference">The gateway's transaction reference (approved), or null.</param>
/// <param name="Decline">Why not (declined), or null.</param>
public sealed record PaymentResult(bool Approved, string? Reference, DeclineReason? Decline)
{
    /// <summary>An approval.</summary>
    public static PaymentResult Ok(string reference) => new(true, reference, null);

    /// <summary>A decline.</summary>
    public static PaymentResult Declined(DeclineReason reason) => new(false, null, reason);
}
