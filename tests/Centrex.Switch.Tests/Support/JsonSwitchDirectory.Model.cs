using System.Text.Json;

namespace Centrex.Switch.Tests.Support;

/// <summary>The JSON shape of the directory file.</summary>
internal sealed partial class JsonSwitchDirectory
{
    private static readonly JsonSerializerOptions _options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private sealed class Model
    {
        public string? Realm { get; set; }
        public List<string>? DigestAlgorithms { get; set; }
        public List<string>? FeatureCodes { get; set; }
        public List<SiteModel>? Sites { get; set; }
        public List<TrunkModel>? Trunks { get; set; }
        public List<CustomerModel>? Customers { get; set; }
        public List<AccountModel>? Accounts { get; set; }
        public List<DidModel>? Dids { get; set; }
        public List<string>? EmergencyNumbers { get; set; }
        public string? EmergencyTrunk { get; set; }

        public string? EmergencyCallback { get; set; }
    }

    private sealed class SiteModel
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public int? MaxCalls { get; set; }
        public int? MaxIncoming { get; set; }
        public int? MaxOutgoing { get; set; }
        public int? MaxForwarded { get; set; }
        public int? MaxBandwidthKbps { get; set; }
        public int? MaxIncomingKbps { get; set; }
        public int? MaxOutgoingKbps { get; set; }
    }

    private sealed class TrunkModel
    {
        public string? Id { get; set; }
        public string? Address { get; set; }
        public List<string>? Sources { get; set; }
    }

    private sealed class CustomerModel
    {
        public string? Id { get; set; }
        public string? DialingRules { get; set; }
        public string? Trunk { get; set; }
        public Dictionary<string, string>? Abbreviated { get; set; }
        public int? AbbreviatedLength { get; set; }
        public ScreeningModel? Screening { get; set; }
        public string? CallerId { get; set; }
        public bool Suspended { get; set; }
    }

    /// <summary>What a line or customer lets through: <c>{ "dnd": true, "anonymousRejection": true, "callWaiting": false, "blockedNumbers": [...], "blockedPrefixes": [...] }</c>.</summary>
    private sealed class ScreeningModel
    {
        public bool? Dnd { get; set; }
        public bool? AnonymousRejection { get; set; }
        public bool? CallWaiting { get; set; }
        public List<string>? BlockedNumbers { get; set; }
        public List<string>? BlockedPrefixes { get; set; }
    }

    /// <summary>What a line's calls show: <c>{ "callerId": "16045550111", "hideCli": "automatic", "hidePrefix": "*67", "showPrefix": "*82" }</c>.</summary>
    private sealed class IdentityModel
    {
        public string? CallerId { get; set; }
        public string? HideCli { get; set; }
        public string? HidePrefix { get; set; }
        public string? ShowPrefix { get; set; }
    }

    private sealed class AccountModel
    {
        public string? Id { get; set; }
        public string? Customer { get; set; }
        public string? Site { get; set; }
        public string? Extension { get; set; }
        public string? Username { get; set; }
        public string? Ha1Md5 { get; set; }
        public string? Ha1Sha256 { get; set; }
        public string? Type { get; set; }
        public string? CreditLimit { get; set; }
        public FraudModel? Fraud { get; set; }
        public LocationModel? E911 { get; set; }
        public IdentityModel? Identity { get; set; }
        public ScreeningModel? Screening { get; set; }
        public bool Suspended { get; set; }
    }

    private sealed class LocationModel
    {
        public string? Street { get; set; }
        public string? City { get; set; }
        public string? Province { get; set; }
        public string? Country { get; set; }
        public string? PostalCode { get; set; }
    }

    /// <summary>An account's fraud controls: <c>{ "maxInternationalCalls": 1, "maxSpendPerHour": "0.100", "maxSpendPerDay": "1.00", "blocked": ["premium"] }</c>.</summary>
    private sealed class FraudModel
    {
        public int? MaxInternationalCalls { get; set; }
        public string? MaxSpendPerHour { get; set; }
        public string? MaxSpendPerDay { get; set; }
        public List<string>? Blocked { get; set; }
    }

    private sealed class DidModel
    {
        public string? Number { get; set; }
        public string? Account { get; set; }
    }
}
