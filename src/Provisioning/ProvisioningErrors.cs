namespace Centrex.Provisioning;

/// <summary>
/// The stable codes of <see cref="ProvisioningException.Code"/>: what kind of refusal a message is, whatever language it
/// is shown in. A code never changes meaning once published (the API's error bodies carry it as <c>kind</c>); a new
/// kind of refusal gets a new code. Each summary is the English text after the record, its placeholders the
/// exception's arguments in order.
/// </summary>
public static partial class ProvisioningErrors
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

    /// <summary><c>field "extension_name": at most {0} characters on one line</c></summary>
    public const string ExtensionName = "extension-name";

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

    /// <summary><c>field "{0}": '{1}' and {2} '{3}' begin alike: the switch could not tell which was dialed</c></summary>
    public const string DialingPrefixClash = "dialing-prefix-clash";

    /// <summary><c>field "abbreviated_dialing.code": '{0}' has {1} digits, not the Abbreviated Number Length ({2})</c></summary>
    public const string AbbreviatedCodeLength = "abbreviated-code-length";

    /// <summary><c>field "number": customer "{0}" would have {1} hunt groups; at most {2}</c></summary>
    public const string HuntGroupTooMany = "huntgroup-too-many";

    /// <summary><c>field "number": '{0}' is not 1 to 15 digits</c></summary>
    public const string HuntGroupNumberDigits = "huntgroup-number-digits";

    /// <summary><c>field "number": '{0}' is already hunt group "{1}"</c></summary>
    public const string HuntGroupNumberTaken = "huntgroup-number-taken";

    /// <summary><c>field "number": '{0}' is an extension ("Extension and huntgroup numbers must be different", seed 004)</c></summary>
    public const string HuntGroupNumberExtension = "huntgroup-number-extension";

    /// <summary><c>field "members[{0}].extension": '{1}' is not an extension of customer "{2}"</c></summary>
    public const string HuntGroupMemberExtension = "huntgroup-member-extension";

    /// <summary><c>field "members[{0}].ring_for": {1} is not {2} to {3} seconds</c></summary>
    public const string HuntGroupMemberRingFor = "huntgroup-member-ring-for";

    /// <summary><c>field "members[{0}].ring_delay": {1} is not 0 to {2} seconds</c></summary>
    public const string HuntGroupMemberRingDelay = "huntgroup-member-ring-delay";

    /// <summary><c>field "no_answer": '{0}' is not one of the customer's extensions or hunt groups nor a phone number (+ and 2 to 15 digits)</c></summary>
    public const string HuntGroupNoAnswer = "huntgroup-no-answer";

    /// <summary><c>field "groups": '{0}' is not a hunt group of customer "{1}"</c></summary>
    public const string HuntGroupNestedUnknown = "huntgroup-nested-unknown";

    /// <summary><c>field "groups": hunt group '{0}' includes itself ({1})</c></summary>
    public const string HuntGroupIncludesItself = "huntgroup-includes-itself";

    /// <summary><c>field "members": extension '{0}' has more than one primary group</c></summary>
    public const string HuntGroupTwoPrimaries = "huntgroup-two-primaries";

    /// <summary><c>field "abbreviated_dialing.code": {0} abbreviated numbers; a customer has at most {1}</c></summary>
    public const string AbbreviatedTooMany = "abbreviated-too-many";

    /// <summary><c>field "abbreviated_dialing.dial": "{0}" dials {1} characters; at most {2} (a line's id, an extension or a phone number)</c></summary>
    public const string AbbreviatedDialLength = "abbreviated-dial-length";

    /// <summary><c>field "abbreviated_dialing.dial": "{0}" dials '{1}', which is not one of the customer's lines (its id or extension) nor a phone number (+ and up to 15 digits)</c></summary>
    public const string AbbreviatedDialTarget = "abbreviated-dial-target";

    /// <summary><c>dialing: {0} '{1}' is not up to {2} digits</c></summary>
    public const string DialingDigits = "dialing-digits";

    /// <summary><c>dialing: country_code '{0}' starts with 0: a country calling code never does (1, 33, 44)</c></summary>
    public const string DialingCountryZero = "dialing-country-zero";

    /// <summary><c>dialing: local_lengths '{0}' is not a local number's length (3 to 12 digits)</c></summary>
    public const string DialingLocalLength = "dialing-local-length";

    /// <summary><c>dialing: local_lengths '{0}' lists each length once, at most 4 lengths</c></summary>
    public const string DialingLocalLengthsList = "dialing-local-lengths-list";

    /// <summary><c>dialing: national_prefix '{0}' and the international prefix '{1}' begin alike: the switch could not tell a national call from an international one</c></summary>
    public const string DialingPrefixesAlike = "dialing-prefixes-alike";

    /// <summary><c>dialing: country_code '' is missing: enabled dialing rules put it before national and local numbers</c></summary>
    public const string DialingCountryMissing = "dialing-country-missing";

    /// <summary><c>dialing: local_lengths '' is missing: give the length of your local numbers (7 for 555-0123, 10 for North American 10-digit dialing)</c></summary>
    public const string DialingLocalLengthsMissing = "dialing-local-lengths-missing";

    /// <summary><c>dialing: local_lengths '{0}': country code, area code and local number make more than 15 digits (E.164's limit)</c></summary>
    public const string DialingTooLong = "dialing-too-long";

    /// <summary><c>dialing: custom_rule '' is missing: the Custom Rule option translates numbers with it (e.g. s/^9//)</c></summary>
    public const string DialingCustomRuleMissing = "dialing-custom-rule-missing";

    /// <summary><c>abbreviated_length '{0}' is not 1 to 15 (the digits your abbreviated numbers have, e.g. 3 for 123)</c></summary>
    public const string AbbreviatedLength = "abbreviated-length";

    /// <summary><c>abbreviated_length '{0}' is how many digits a local number is dialed with: the switch would read every such number as an abbreviated code</c></summary>
    public const string AbbreviatedLengthLocal = "abbreviated-length-local";

    /// <summary><c>abbreviated_dialing: description '{0}' is for "{1}", which is not an abbreviated number</c></summary>
    public const string AbbreviatedDescriptionOrphan = "abbreviated-description-orphan";

    /// <summary><c>abbreviated_dialing: description '{0}' of "{1}" is longer than {2} characters or has a control character</c></summary>
    public const string AbbreviatedDescription = "abbreviated-description";

    /// <summary><c>field "phone_forwarding": only a line of the switch (with sip) forwards calls</c></summary>
    public const string PhoneForwardingNeedsSip = "phone-forwarding-needs-sip";

    /// <summary><c>fraud.max_spend_per_hour is negative (leave it out for no limit)</c></summary>
    public const string FraudHourNegative = "fraud-hour-negative";

    /// <summary><c>fraud.max_spend_per_day is negative (leave it out for no limit)</c></summary>
    public const string FraudDayNegative = "fraud-day-negative";

    /// <summary><c>feature_codes: '{0}' is a setting code the switch answers itself ({1}: do not disturb and anonymous call rejection on and off)</c></summary>
    public const string FeatureCodeSetting = "feature-code-setting";

    /// <summary><c>caller_id +{0} is not a DID of one of its accounts</c></summary>
    public const string CustomerCallerId = "customer-caller-id";

    /// <summary><c>customer_editable: the Default site is shared by every customer's lines without a site, so no customer may edit it</c></summary>
    public const string DefaultSiteEditable = "default-site-editable";

    /// <summary><c>address '{0}' is not an IP address with an optional port (192.0.2.1 or 192.0.2.1:5060)</c></summary>
    public const string TrunkAddress = "trunk-address";

    /// <summary><c>sources: '{0}' is not an IP address with an optional port</c></summary>
    public const string TrunkSources = "trunk-sources";

    /// <summary><c>emergency_trunk "{0}" does not exist</c></summary>
    public const string EmergencyTrunkUnknown = "emergency-trunk-unknown";

    /// <summary><c>trunk "{0}" does not exist</c></summary>
    public const string TrunkUnknown = "trunk-unknown";

    /// <summary><c>realm '{0}' is empty or has a quote, backslash or control character</c></summary>
    public const string Realm = "realm";

    /// <summary><c>digest_algorithms lists each algorithm once, at least one</c></summary>
    public const string DigestAlgorithmsList = "digest-algorithms-list";

    /// <summary><c>digest_algorithms: '{0}' is not one of {1}</c></summary>
    public const string DigestAlgorithmUnknown = "digest-algorithm-unknown";

    /// <summary><c>feature_codes: '{0}' is not 1 to 15 digits, * or #</c></summary>
    public const string FeatureCodeFormat = "feature-code-format";

    /// <summary><c>emergency_numbers: '{0}' is not 2 to 6 digits</c></summary>
    public const string EmergencyNumberFormat = "emergency-number-format";

    /// <summary><c>site "{0}" does not exist (provision it in "sites", or leave site out for the Default site)</c></summary>
    public const string SiteUnknown = "site-unknown";

    /// <summary><c>sip.username '{0}' is empty or has a colon, quote, backslash or space</c></summary>
    public const string SipUsernameFormat = "sip-username-format";

    /// <summary><c>sip.username "{0}" is already account "{1}"'s</c></summary>
    public const string SipUsernameTaken = "sip-username-taken";

    /// <summary><c>sip.ha1_md5 is not 32 hex digits (an MD5 HA1; centrex sip-hash prints it)</c></summary>
    public const string SipMd5Format = "sip-md5-format";

    /// <summary><c>sip.ha1_sha256 is not 64 hex digits (a SHA-256 HA1; centrex sip-hash prints it)</c></summary>
    public const string SipSha256Format = "sip-sha256-format";

    /// <summary><c>sip needs the hash of an algorithm the switch offers ({0}): ha1_md5 or ha1_sha256</c></summary>
    public const string SipHashMissing = "sip-hash-missing";

    /// <summary><c>customer "{0}" does not exist</c></summary>
    public const string CustomerUnknown = "customer-unknown";

    /// <summary><c>requires_911 is only for service addresses in Canada (customer "{0}" is in {1})</c></summary>
    public const string Requires911Canada = "requires-911-canada";

    /// <summary><c>discount plan "{0}" does not exist</c></summary>
    public const string DiscountPlanUnknown = "discount-plan-unknown";

    /// <summary><c>monthly_fee, setup_fee and free_north_america_minutes may not be negative</c></summary>
    public const string ProductFeesNegative = "product-fees-negative";

    /// <summary><c>prefix '{0}' is not a NANP prefix (1 then the NPA or NPA-NXX digits, e.g. 1514555)</c></summary>
    public const string RateCentrePrefix = "rate-centre-prefix";

    /// <summary><c>rate may not be negative</c></summary>
    public const string RateCentreRateNegative = "rate-centre-rate-negative";

    /// <summary><c>rate centre "{0}" does not exist</c></summary>
    public const string RateCentreUnknown = "rate-centre-unknown";

    /// <summary><c>inbound rate for +{0}, which is not one of its dids</c></summary>
    public const string InboundRateNotDid = "inbound-rate-not-did";

    /// <summary><c>account "{0}" does not exist</c></summary>
    public const string AccountUnknown = "account-unknown";

    /// <summary><c>amount must be positive (a fee charged by mistake is corrected by changing it: billing credits the difference)</c></summary>
    public const string FeeAmount = "fee-amount";

    /// <summary><c>product "{0}" does not exist</c></summary>
    public const string SubscriptionProductUnknown = "subscription-product-unknown";

    /// <summary><c>end {0} is before start {1}</c></summary>
    public const string SubscriptionEndBeforeStart = "subscription-end-before-start";

    /// <summary><c>replaces "{0}", which is not another subscription of account "{1}"</c></summary>
    public const string SubscriptionReplacesUnknown = "subscription-replaces-unknown";

    /// <summary><c>subscription "{0}" is already replaced by "{1}"</c></summary>
    public const string SubscriptionReplacedTwice = "subscription-replaced-twice";

    /// <summary><c>a plan change starts the day after the replaced subscription "{0}" ends (its end must be {1} or empty)</c></summary>
    public const string SubscriptionChangeStart = "subscription-change-start";

    /// <summary><c>a change to a lower-priced plan takes effect at the end of the cycle, so it starts on the 1st of a month, not {0}</c></summary>
    public const string SubscriptionDowngradeStart = "subscription-downgrade-start";

    /// <summary><c>amount must be positive (a refund is kind "refund")</c></summary>
    public const string PaymentAmount = "payment-amount";

    /// <summary><c>payment "{0}" is already recorded with other details; payments cannot change (record a refund instead)</c></summary>
    public const string PaymentChanged = "payment-changed";

    /// <summary><c>received '{0}' is in the future (the latest is {1}, tomorrow): a payment records money already received</c></summary>
    public const string PaymentReceivedFuture = "payment-received-future";

    /// <summary><c>received '{0}' is more than ten years ago (the earliest is {1}): check the year</c></summary>
    public const string PaymentReceivedPast = "payment-received-past";

    /// <summary><c>{0} '{1}' has more decimals than {2} has ({3}), the currency of customer "{4}", whose subscription "{5}" is to this product: a product's fees are charged as written in each subscriber's currency</c></summary>
    public const string ProductFeeCurrency = "product-fee-currency";

    /// <summary><c>no such hunt group</c></summary>
    public const string HuntGroupUnknown = "huntgroup-unknown";

    /// <summary><c>field "members": {0} extensions; a hunt group rings at most {1}</c></summary>
    public const string HuntGroupTooManyMembers = "huntgroup-too-many-members";

    /// <summary><c>field "groups": {0} extensions with its included groups; a hunt group rings at most {1}</c></summary>
    public const string HuntGroupTooManyLines = "huntgroup-too-many-lines";

    /// <summary><c>sip.ha1_md5, sip.ha1_sha256: switch.realm changes from "{0}" to "{1}" and every HA1 is hashed with the realm: give this account's sip hashes for "{1}" in the same import (centrex sip-hash prints them)</c></summary>
    public const string RealmChangeHashesMissing = "realm-change-hashes-missing";

    /// <summary><c>{0} is the hash stored for realm "{1}": switch.realm changes from "{1}" to "{2}" and every HA1 is hashed with the realm: give the hash for "{2}" (centrex sip-hash prints it)</c></summary>
    public const string RealmChangeHashStale = "realm-change-hash-stale";

    /// <summary><c>fraud.max_international_calls is {0} but blocked_classes bars international calls: give one or the other</c></summary>
    public const string FraudInternationalBlocked = "fraud-international-blocked";

    /// <summary><c>field "{0}.number": '{1}' is {2}: the switch does not forward there</c>; {2} is a <see cref="RefusalPhrase"/> of <see cref="ForwardAddresses"/>.</summary>
    public const string ForwardingAddress = "forwarding-address";

    /// <summary><c>dialing: custom_rule '{0}' is empty or longer than {1} characters</c></summary>
    public const string DialingCustomRuleLength = "dialing-custom-rule-length";

    /// <summary><c>dialing: custom_rule '{0}' has {1} substitutions, at most {2}</c></summary>
    public const string DialingCustomRuleCount = "dialing-custom-rule-count";

    /// <summary><c>dialing: custom_rule '{0}' '{1}' is not s/PATTERN/REPLACEMENT/ (e.g. s/^9//)</c></summary>
    public const string DialingCustomRuleForm = "dialing-custom-rule-form";

    /// <summary><c>dialing: custom_rule '{0}' '{1}': the replacement '{2}' may hold only digits, + and $1 to $9</c></summary>
    public const string DialingCustomRuleReplacement = "dialing-custom-rule-replacement";

    /// <summary><c>dialing: custom_rule '{0}' '{1}': the pattern is not a regular expression this switch runs ({2})</c>; {2} is a <see cref="RefusalPhrase"/> of the regular expression's error.</summary>
    public const string DialingCustomRulePattern = "dialing-custom-rule-pattern";

    /// <summary><c>field "{0}": {1} {2} is dialed as the {3}'s feature: the dial plan could not tell them apart (change the prefix or the number)</c>; {1} and {3} are <see cref="RefusalPhrase"/>s.</summary>
    public const string PrefixFeatureConflict = "prefix-feature-conflict";

    /// <summary><c>amount is more than {0}, the most one payment records</c></summary>
    public const string PaymentTooMuch = "payment-too-much";
}
