namespace Centrex.Provisioning.Model;

/// <summary>A customer: the party invoiced for its accounts.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Company">Company name.</param>
/// <param name="Contact">Contact person.</param>
/// <param name="Email">Where invoices go.</param>
/// <param name="Address">Service address.</param>
/// <param name="Currency">ISO 4217 currency of its invoices.</param>
/// <param name="TimeZone">IANA time zone: billing periods and call times are in it.</param>
/// <param name="TaxId">The customer's own tax id, printed on invoices, or null.</param>
/// <param name="SendStatistic">What xDR statistics go with invoices.</param>
/// <param name="DialPlan">How its users dial, for the switch (<see cref="CustomerDialPlan.None"/> when not given).</param>
public sealed record Customer(string Id, string Company, string Contact, string Email, ServiceAddress Address, string Currency, string TimeZone, string? TaxId, SendStatistic SendStatistic, CustomerDialPlan DialPlan)
{
    /// <summary>Its automatic payments by card, or null.</summary>
    public AutoPay? AutoPay { get; init; }

    /// <summary>The rate centre whose local calling area its accounts call at the local rate, or null.</summary>
    public string? RateCentre { get; init; }

    /// <summary>What calls to its lines are let through unless a line sets its own (its blacklist adds to theirs).</summary>
    public CallScreening Screening { get; init; } = CallScreening.None;

    /// <summary>
    /// The number its lines without a DID show (its main number: a DID of one of its accounts), or null: such a line's
    /// calls go out as unavailable, never with the internal account id (seed 001, "What phone number will they see?").
    /// </summary>
    public string? CallerId { get; init; }

    /// <summary>Active, or suspended by the operator: none of its lines calls or is called but for emergency calls, its logins are refused.</summary>
    public ServiceStatus Status { get; init; } = ServiceStatus.Active;

    /// <summary>Night mode (seed 002: <c>*33</c> "sends calls to the night destination"; day/night nodes take their night branch).</summary>
    public bool NightMode { get; init; }

    /// <summary>
    /// The operator lets this customer's lines forward to sip: URIs at private addresses (RFC 1918, RFC 6598, RFC 4193:
    /// a PBX on the customer's own network behind the carrier's). Off by default: the switch sends the INVITE, so a
    /// private address would be one of the carrier's own hosts (issue 16 review, item 8).
    /// </summary>
    public bool AllowPrivateForwarding { get; init; }
}
