namespace Centrex.Provisioning;

/// <summary>
/// The stable codes of <see cref="ProvisioningException.Code"/>: what kind of refusal a message is, whatever language it
/// is shown in. A code never changes meaning once published (the API's error bodies carry it as <c>kind</c>); a new
/// kind of refusal gets a new code. Each summary is the English text after the record, its placeholders the
/// exception's arguments in order.
/// </summary>
public static class ProvisioningErrors
{
    /// <summary><c>time_zone '{0}' is not an IANA time zone (e.g. America/Toronto)</c></summary>
    public const string TimeZone = "time-zone";

    /// <summary><c>address.country '{0}' is not a two-letter ISO code (CA, US, ...)</c></summary>
    public const string Country = "country";

    /// <summary><c>address.province '{0}' is not a Canadian province or territory ({1})</c></summary>
    public const string Province = "province";

    /// <summary><c>id is not 1 to 64 letters, digits, '-', '_' or '.' (it names the customer's downloads and URLs)</c></summary>
    public const string CustomerId = "customer-id";

    /// <summary><c>currency '{0}' is not an ISO 4217 code</c></summary>
    public const string Currency = "currency";

    /// <summary><c>credit_limit is negative</c></summary>
    public const string CreditLimitNegative = "credit-limit-negative";

    /// <summary><c>name is empty</c></summary>
    public const string NameEmpty = "name-empty";

    /// <summary><c>{0} {1} is negative: a limit may not be negative (leave it out for no limit)</c></summary>
    public const string LimitNegative = "limit-negative";

    /// <summary><c>field "abbreviated_dialing.code": '{0}' is not 1 to 15 digits, * or #</c></summary>
    public const string AbbreviatedCode = "abbreviated-code";

    /// <summary><c>field "abbreviated_dialing.dial": "{0}" dials '{1}', which has spaces</c></summary>
    public const string AbbreviatedSpaces = "abbreviated-spaces";

    /// <summary><c>an extension or DID needs sip credentials: the switch delivers its calls to the phone registered with them</c></summary>
    public const string NeedsSip = "needs-sip";

    /// <summary><c>extension '{0}' is not 1 to 15 digits</c></summary>
    public const string ExtensionDigits = "extension-digits";

    /// <summary><c>extension {0} is an emergency number: dialing it must always reach emergency services</c></summary>
    public const string ExtensionEmergency = "extension-emergency";

    /// <summary><c>extension {0} is already account "{1}"'s in customer "{2}"</c></summary>
    public const string ExtensionTaken = "extension-taken";

    /// <summary><c>dids: '{0}' is not an E.164 number (1 to 15 digits after an optional +)</c></summary>
    public const string DidFormat = "did-format";

    /// <summary><c>dids: {0} is already assigned to account "{1}"</c></summary>
    public const string DidTaken = "did-taken";

    /// <summary><c>{0}: '{1}' begins with {2} '{3}': the dial plan could not tell them apart</c></summary>
    public const string PrefixOverlap = "prefix-overlap";

    /// <summary><c>field "forwarding.mode": only a line of the switch (with sip) forwards calls</c></summary>
    public const string ForwardingNeedsSip = "forwarding-needs-sip";

    /// <summary><c>field "forwarding.ring_for": {0} is not {1} to {2} seconds</c></summary>
    public const string ForwardingRingFor = "forwarding-ring-for";

    /// <summary><c>field "forwarding.targets": at most {0} numbers</c></summary>
    public const string ForwardingTooMany = "forwarding-too-many";

    /// <summary><c>field "forwarding.targets": forwarding is on but has no number to forward to</c></summary>
    public const string ForwardingNoTarget = "forwarding-no-target";

    /// <summary><c>field "{0}.number": '{1}' is this line itself (a call would be forwarded to itself)</c></summary>
    public const string ForwardingToItself = "forwarding-to-itself";

    /// <summary><c>field "{0}.ring_for": {1} is not {2} to {3} seconds</c></summary>
    public const string TargetRingFor = "target-ring-for";

    /// <summary><c>field "{0}.description": at most 100 characters on one line</c></summary>
    public const string TargetDescription = "target-description";

    /// <summary><c>field "{0}.to": the end time is the start time (an empty period; use 'always' for all day)</c></summary>
    public const string PeriodEmpty = "period-empty";

    /// <summary><c>field "{0}.days": choose at least one day of the week</c></summary>
    public const string PeriodDays = "period-days";

    /// <summary><c>field "{0}.months": choose months from 1 to 12</c></summary>
    public const string PeriodMonths = "period-months";

    /// <summary><c>field "phone_forwarding.number": '{0}' is not a phone number or extension (2 to 15 digits, + allowed)</c></summary>
    public const string PhoneForwardingNumber = "phone-forwarding-number";

    /// <summary><c>field "phone_forwarding.number": '{0}' is this line itself (a call would be forwarded to itself)</c></summary>
    public const string PhoneForwardingToItself = "phone-forwarding-to-itself";

    /// <summary><c>caller_id +{0} is not one of its dids (a line shows one of its own numbers)</c></summary>
    public const string CallerIdNotDid = "caller-id-not-did";

    /// <summary><c>hide_cli_prefix and show_cli_prefix are only for hide_cli "automatic" (it is "{0}")</c></summary>
    public const string CliPrefixesNotAutomatic = "cli-prefixes-not-automatic";

    /// <summary><c>hide_cli_prefix '{0}' and show_cli_prefix '{1}' overlap: a number dialed after one could be read as the other</c></summary>
    public const string CliPrefixesOverlap = "cli-prefixes-overlap";

    /// <summary><c>{0} '{1}' overlaps the feature code {2}</c></summary>
    public const string CliPrefixFeatureCode = "cli-prefix-feature-code";

    /// <summary><c>field "{0}.number": '{1}' is not a phone number (+ and 2 to 15 digits)</c></summary>
    public const string TargetNumber = "target-number";

    /// <summary><c>field "{0}.number": '{1}' is not a phone number (+ and 2 to 15 digits) or a sip: URI</c></summary>
    public const string TargetNumberOrUri = "target-number-or-uri";

    /// <summary><c>{0}: '{1}' is not 1 to 6 digits</c></summary>
    public const string PrefixDigits = "prefix-digits";

    /// <summary><c>{0}: '{1}' is not 1 to 6 digits, * or #</c></summary>
    public const string PrefixDialable = "prefix-dialable";
}
