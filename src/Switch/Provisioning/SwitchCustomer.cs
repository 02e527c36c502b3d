namespace Centrex.Switch.Provisioning;

/// <summary>
/// A customer's dial plan (seed 004, "IP Centrex"): its extensions (number → account id), abbreviated dialing
/// (abbreviated number → number to dial, empty = dial as is), dialing rules and the trunk its calls leave by.
/// </summary>
public sealed record SwitchCustomer(
    string Id,
    IReadOnlyDictionary<string, string> Extensions,
    IReadOnlyDictionary<string, string> Abbreviated,
    DialingRules DialingRules,
    string? TrunkId)
{
    /// <summary>The screening every line of the customer has unless the line sets its own (its blacklist adds to the line's).</summary>
    public SwitchScreening Screening { get; init; } = SwitchScreening.None;

    /// <summary>The number its lines without a DID show (a DID of one of its lines, E.164 digits), or null.</summary>
    public string? CallerId { get; init; }

    /// <summary>The customer's time zone: time routing and follow-me schedules run on its local time (seed 004).</summary>
    public NodaTime.DateTimeZone TimeZone { get; init; } = NodaTime.DateTimeZone.Utc;

    /// <summary>Its feature prefixes (paging, park, release, pickup) and the distinctive-ring option.</summary>
    public SwitchCustomerFeatures Features { get; init; } = SwitchCustomerFeatures.Default;

    /// <summary>Suspended by the operator (issue 16): each of its lines is (<see cref="SwitchAccount.Suspended"/>).</summary>
    public bool Suspended { get; init; }

    /// <summary>Night mode as stored (seed 002 <c>*33</c>): day/night nodes take their night branch.</summary>
    public bool NightMode { get; init; }

    /// <summary>The enabled dialing rules' parameters (seed 004), used when <see cref="DialingRules"/> is Enabled.</summary>
    public Centrex.Rating.Numbering.DialingParametersRule? DialingParameters { get; init; }

    /// <summary>The Custom Rule (seed 004), used when <see cref="DialingRules"/> is Custom.</summary>
    public Centrex.Rating.Numbering.CustomDialingRule? CustomRule { get; init; }

    /// <summary>
    /// Seed 004's Abbreviated Number Length, or null (not set): a dialed string of exactly this many digits is an
    /// abbreviated code, looked up before the dialing rules and refused when the customer has no such code.
    /// </summary>
    public int? AbbreviatedLength { get; init; }

    /// <summary>The operator lets its lines forward to sip: URIs at private addresses (provisioning's allow_private_forwarding).</summary>
    public bool AllowPrivateForwarding { get; init; }
}
