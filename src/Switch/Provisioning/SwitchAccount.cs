using Centrex.Rating.Money;

namespace Centrex.Switch.Provisioning;

/// <summary>
/// A phone line (seed 004, "Phone lines"): the account id (usually its main number), its customer, site, extension,
/// SIP user name and credentials as digest hashes only: HA1 = H(username ":" realm ":" password) for MD5 and
/// SHA-256 (RFC 7616 §3.4.2, RFC 8760). <see cref="Type"/> is <c>debit</c> (prepaid) or <c>credit</c>;
/// <see cref="CreditLimit"/> is how far below zero a credit account's balance may go (null: no limit, only the
/// 120-minute cap), the same limit the billing side provisions. <see cref="Fraud"/> holds its fraud controls, if any.
/// </summary>
public sealed record SwitchAccount(
    string Id,
    string CustomerId,
    string? SiteId,
    string? Extension,
    string Username,
    string? Ha1Md5,
    string? Ha1Sha256,
    string Type,
    Mills? CreditLimit = null)
{
    /// <summary>The line's DIDs (E.164 digits, no '+'): the first is its caller ID toward emergency services.</summary>
    public IReadOnlyList<string> Dids { get; init; } = [];

    /// <summary>Where the line's phone is, carried in its emergency calls; null when nothing is provisioned.</summary>
    public EmergencyLocation? EmergencyLocation { get; init; }

    /// <summary>Its call forwarding as provisioned (seed 004), or null for none; <c>*72</c>/<c>*73</c> change it in the partition.</summary>
    public CallFlows.LineForwarding? Forwarding { get; init; }

    /// <summary>
    /// The account's ring time: how long its phone rings before conditional forwarding takes the call (provisioning's
    /// forwarding <c>ring_for</c>; what <c>*72</c> uses, issue 15).
    /// </summary>
    public int RingSeconds { get; init; } = 20;

    /// <summary>Its fraud controls on outgoing calls (issue 14), or null for none.</summary>
    public SwitchFraudLimits? Fraud { get; init; }

    /// <summary>What its outgoing calls show (seed 004 Identity): the DID sent and whether it is hidden.</summary>
    public SwitchIdentity Identity { get; init; } = SwitchIdentity.Default;

    /// <summary>How it screens the calls it receives; null settings are its customer's.</summary>
    public SwitchScreening Screening { get; init; } = SwitchScreening.None;

    /// <summary>
    /// Suspended by the operator, itself or with its customer (issue 16): its calls, made or received, are refused 403
    /// but for emergency calls; it may still register, so its phone can still dial 911.
    /// </summary>
    public bool Suspended { get; init; }
}
