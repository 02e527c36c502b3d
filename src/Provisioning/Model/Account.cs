using Centrex.Rating.Money;

namespace Centrex.Provisioning.Model;

/// <summary>A phone line (the manual's "account"): the unit calls are rated and balances kept for.</summary>
/// <param name="Id">Unique id, as in CDRs.</param>
/// <param name="CustomerId">The customer it belongs to.</param>
/// <param name="Type">Postpaid (credit) or prepaid (debit).</param>
/// <param name="CreditLimit">How far a credit account may go into debt; the switch refuses a call it cannot pay within it.</param>
/// <param name="Site">The id of the site it belongs to, or null for the Default site.</param>
/// <param name="Requires911">Whether it carries the 911 cost recovery fee (Canada only).</param>
/// <param name="DiscountPlans">Ids of the volume discount plans that apply to it.</param>
/// <param name="Extension">Its extension within the customer, or null.</param>
/// <param name="Sip">How its phone registers with the switch, or null for a line the switch does not serve.</param>
/// <param name="Dids">The DIDs (E.164 digits, no '+') whose calls reach it.</param>
public sealed record Account(
    string Id, string CustomerId, AccountType Type, Mills CreditLimit, string? Site, bool Requires911, IReadOnlyList<string> DiscountPlans,
    string? Extension, SipCredentials? Sip, IReadOnlyList<string> Dids)
{
    /// <summary>The rate centre of this line's DIDs when not its customer's (a Toronto number of a Montréal customer), or null.</summary>
    public string? RateCentre { get; init; }

    /// <summary>
    /// Inbound rates of the line's toll-free DIDs (E.164 digits → rate per minute): calls received on them are charged to
    /// the account (seed 001: "Toll Free numbers are charged according to your service contract").
    /// </summary>
    public IReadOnlyDictionary<string, Rating.Money.MicroDollars> InboundRates { get; init; } = new Dictionary<string, Rating.Money.MicroDollars>();

    /// <summary>
    /// Where the line's phone is, carried in its emergency calls (issue 14; seed 001 E911: "the service address entered
    /// for E911"); null: the customer's address.
    /// </summary>
    public ServiceAddress? E911Address { get; init; }

    /// <summary>Its fraud controls on outgoing calls (issue 14), or null for none.</summary>
    public FraudLimits? Fraud { get; init; }

    /// <summary>What its outgoing calls show (seed 004 Identity).</summary>
    public LineIdentity Identity { get; init; } = LineIdentity.Default;

    /// <summary>What calls to it are let through; null settings are its customer's.</summary>
    public CallScreening Screening { get; init; } = CallScreening.None;

    /// <summary>The extension's name (seed 004, Extensions: "the name of the person using this line"), or null.</summary>
    public string? ExtensionName { get; init; }

    /// <summary>The longest <see cref="ExtensionName"/>: a person's name on a phone's display and in the portal's tables.</summary>
    public const int MaxExtensionName = 60;

    /// <summary>The line's call forwarding (seed 004: follow-me, advanced, simple), off unless provisioned.</summary>
    public Forwarding Forwarding { get; init; } = Forwarding.Off;

    /// <summary>Active, or suspended by the operator: it neither calls nor is called but for emergency calls (its customer's status counts too).</summary>
    public ServiceStatus Status { get; init; } = ServiceStatus.Active;

    /// <summary>Forwarding set from the phone by star code, in force over <see cref="Forwarding"/> while present; null: none.</summary>
    public PhoneForwarding? PhoneForwarding { get; init; }
}
