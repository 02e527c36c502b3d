using System.Net;
using Centrex.Provisioning;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Switch.CallFlows;
using Centrex.Switch.Provisioning;
using NodaTime;
using SwitchDialingRules = Centrex.Switch.Provisioning.DialingRules;

namespace Centrex.Switching;

/// <summary>
/// The switch's directory over the provisioning store's snapshot (issue 4: one store, one format). It lives in the host
/// because the host is what wires modules together: the switch knows only <see cref="ISwitchDirectory"/>, the
/// provisioning module nothing of SIP. Accounts with SIP credentials are the switch's accounts; a credit account
/// brings its credit limit, so balance authorization refuses what the limit cannot cover, and its fraud controls. Built
/// once from a snapshot and read-only after, so any thread may read it; live provisioning builds a new one and swaps it
/// in whole (<see cref="LiveSwitchDirectory"/>).
/// </summary>
internal sealed class ProvisionedSwitchDirectory : ISwitchDirectory
{
    /// <summary>The port a trunk address without one is reached on (RFC 3261 §19.1.2: 5060 for sip).</summary>
    private const int SipPort = 5060;

    private readonly Dictionary<string, SwitchAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SwitchCustomer> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SwitchAccount> _dids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SwitchTrunk> _trunks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SwitchSite> _sites = new(StringComparer.Ordinal);
    private readonly SwitchSite _defaultSite;
    private readonly Dictionary<(string Customer, string Number), CompiledFlow> _flows = [];
    private readonly Dictionary<string, Dictionary<string, HuntGroupPlan>> _groups = new(StringComparer.Ordinal);

    private ProvisionedSwitchDirectory(ProvisioningSnapshot snapshot)
    {
        var settings = snapshot.Switch ?? SwitchSettings.Default;
        Realm = settings.Realm;
        DigestAlgorithms = settings.DigestAlgorithms;
        FeatureCodes = new HashSet<string>(settings.FeatureCodes, StringComparer.Ordinal);
        EmergencyNumbers = new HashSet<string>(settings.EmergencyNumbers, StringComparer.Ordinal);
        EmergencyTrunkId = settings.EmergencyTrunk;
        EmergencyCallback = settings.EmergencyCallback;

        foreach (var s in snapshot.Sites)
        {
            _sites[s.Id] = new SwitchSite(s.Id, s.Name, s.MaxCalls, s.MaxIncoming, s.MaxOutgoing, s.MaxForwarded, s.MaxBandwidthKbps, s.MaxIncomingKbps, s.MaxOutgoingKbps);
        }

        _defaultSite = _sites.TryGetValue(SwitchSite.DefaultId, out var provisioned) ? provisioned : new SwitchSite(SwitchSite.DefaultId, "Default site");
        _sites[SwitchSite.DefaultId] = _defaultSite;

        foreach (var t in snapshot.Trunks)
        {
            var address = IPEndPoint.Parse(t.Address);
            var sources = (t.Sources.Count == 0 ? [t.Address] : t.Sources).Select(IPEndPoint.Parse).ToArray(); // port 0: any port
            _trunks[t.Id] = new SwitchTrunk(t.Id, address.Port == 0 ? new IPEndPoint(address.Address, SipPort) : address, sources);
        }

        var lines = snapshot.Accounts.Where(a => a.Sip is not null).ToList();
        foreach (var c in snapshot.Customers)
        {
            var extensions = lines.Where(a => a.CustomerId == c.Id && a.Extension is not null).ToDictionary(a => a.Extension!, a => a.Id, StringComparer.Ordinal);
            var rules = c.DialPlan.DialingRules switch
            {
                Provisioning.Model.DialingRules.NorthAmerica => SwitchDialingRules.NorthAmerica,
                Provisioning.Model.DialingRules.Enabled => SwitchDialingRules.Enabled,
                Provisioning.Model.DialingRules.Custom => SwitchDialingRules.Custom,
                _ => SwitchDialingRules.E164,
            };
            var dialing = c.DialPlan.Dialing;
            var f = c.DialPlan.Features;
            _customers[c.Id] = new SwitchCustomer(c.Id, extensions, c.DialPlan.AbbreviatedDialing, rules, c.DialPlan.Trunk)
            {
                TimeZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(c.TimeZone) ?? DateTimeZone.Utc,
                Screening = ScreeningOf(c.Screening),
                CallerId = c.CallerId,
                NightMode = c.NightMode,
                AbbreviatedLength = c.DialPlan.AbbreviatedLength,
                AllowPrivateForwarding = c.AllowPrivateForwarding,
                Features = new SwitchCustomerFeatures(f.PickupPrefix, f.ParkPrefix, f.ReleasePrefix, f.PagingPrefix, f.ExtensionDistinctiveRing),
                Suspended = c.Status == ServiceStatus.Suspended,
                // Seed 004's Dialing Rules, compiled once per snapshot (the validator has checked the custom rule parses).
                DialingParameters = new Rating.Numbering.DialingParametersRule(dialing.OutsidePrefix, dialing.InternationalPrefix, dialing.NationalPrefix,
                    dialing.CountryCode, dialing.AreaCode, dialing.LocalLengths),
                CustomRule = dialing.CustomRule is { } text && Rating.Numbering.CustomDialingRule.TryParse(text, out var rule, out _) ? rule : null,
            };

            // Issue 15: hunt groups and call flows, compiled once per snapshot (the validator has checked them).
            var groups = HuntGroups.Build(snapshot.HuntGroups.Where(g => g.CustomerId == c.Id).Select(g => GroupOf(g, extensions)), extensions);
            _groups[c.Id] = groups;
            foreach (var flow in snapshot.CallFlows.Where(f => f.CustomerId == c.Id))
            {
                var compiled = FlowCompiler.Compile(
                    new FlowDefinition(flow.Id, flow.CustomerId, flow.Numbers, [.. flow.Nodes.Select(n => new FlowNodeDefinition(n.Id, n.Type, n.Fields, n.Branches))]),
                    extensions, n => groups.GetValueOrDefault(n));
                foreach (var number in flow.Numbers)
                {
                    _flows[(c.Id, number)] = compiled;
                }
            }
        }

        foreach (var a in lines)
        {
            var sip = a.Sip!;
            var owner = snapshot.Customers.FirstOrDefault(c => c.Id == a.CustomerId);
            var e911 = a.E911Address ?? owner?.Address;
            var account = new SwitchAccount(a.Id, a.CustomerId, a.Site, a.Extension, sip.Username, sip.Ha1Md5, sip.Ha1Sha256,
                WireNames.Name(WireNames.AccountTypes, a.Type), a.Type == AccountType.Credit ? a.CreditLimit : null)
            {
                Dids = a.Dids,
                EmergencyLocation = e911 is null ? null : new EmergencyLocation(e911.Street, e911.City, e911.Province, e911.Country, e911.PostalCode),
                Fraud = FraudOf(a.Fraud),
                Forwarding = a.PhoneForwarding is { } phone ? PhoneForwardingOf(phone, a.Forwarding.RingSeconds) : ForwardingOf(a.Forwarding),
                RingSeconds = a.Forwarding.RingSeconds,
                Identity = IdentityOf(a.Identity),
                Screening = ScreeningOf(a.Screening),
                Suspended = a.Status == ServiceStatus.Suspended || owner?.Status == ServiceStatus.Suspended,
            };
            _accounts[a.Id] = account;
            _accounts[sip.Username] = account;
            foreach (var did in a.Dids)
            {
                _dids[did] = account;
            }
        }
    }

    /// <inheritdoc/>
    public string Realm { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> DigestAlgorithms { get; }

    /// <inheritdoc/>
    public IReadOnlySet<string> FeatureCodes { get; }

    /// <inheritdoc/>
    public IReadOnlySet<string> EmergencyNumbers { get; }

    /// <inheritdoc/>
    public string? EmergencyTrunkId { get; }

    /// <inheritdoc/>
    public string? EmergencyCallback { get; }

    /// <summary>How many accounts the switch serves (those with SIP credentials).</summary>
    public int AccountCount => _accounts.Values.Distinct().Count();

    /// <summary>The directory of <paramref name="snapshot"/>, after checking it as an import would.</summary>
    /// <exception cref="ProvisioningException">The snapshot breaks a provisioning rule; the message names <paramref name="source"/> and the record.</exception>
    public static ProvisionedSwitchDirectory From(ProvisioningSnapshot snapshot, string source)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ProvisioningValidator.Validate(snapshot, source);
        return new ProvisionedSwitchDirectory(snapshot);
    }

    /// <inheritdoc/>
    public SwitchAccount? FindAccount(string usernameOrId) => _accounts.GetValueOrDefault(usernameOrId);

    /// <inheritdoc/>
    public SwitchAccount? FindAccount(ReadOnlySpan<char> usernameOrId) =>
        _accounts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(usernameOrId, out var account) ? account : null;

    /// <inheritdoc/>
    public SwitchCustomer? FindCustomer(string id) => _customers.GetValueOrDefault(id);

    /// <inheritdoc/>
    public SwitchAccount? FindByDid(string e164) => _dids.GetValueOrDefault(e164);

    /// <inheritdoc/>
    public SwitchAccount? FindByDid(ReadOnlySpan<char> e164) =>
        _dids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(e164, out var account) ? account : null;

    /// <inheritdoc/>
    public SwitchTrunk? FindTrunk(string id) => _trunks.GetValueOrDefault(id);

    /// <inheritdoc/>
    public SwitchTrunk? FindTrunkBySource(IPEndPoint remote)
    {
        foreach (var trunk in _trunks.Values)
        {
            if (trunk.IsSource(remote))
            {
                return trunk;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public SwitchTrunk? FindTrunkByAddress(IPEndPoint address)
    {
        foreach (var trunk in _trunks.Values)
        {
            if (trunk.Address.Equals(address))
            {
                return trunk;
            }
        }

        return null;
    }

    private static SwitchFraudLimits? FraudOf(FraudLimits? fraud) => fraud is null ? null
        : new SwitchFraudLimits(fraud.MaxInternationalCalls, fraud.MaxSpendPerHour, fraud.MaxSpendPerDay,
            fraud.BlockedClasses.Contains(FraudClass.International), fraud.BlockedClasses.Contains(FraudClass.Premium));

    private static SwitchIdentity IdentityOf(LineIdentity identity) => identity.IsDefault ? SwitchIdentity.Default
        : new SwitchIdentity(identity.CallerId, identity.HideCli switch
        {
            Provisioning.Model.HideCli.Never => Switch.Provisioning.HideCli.Never,
            Provisioning.Model.HideCli.Always => Switch.Provisioning.HideCli.Always,
            _ => Switch.Provisioning.HideCli.Automatic,
        }, identity.HidePrefix, identity.ShowPrefix);

    private static SwitchScreening ScreeningOf(CallScreening screening) => screening.IsEmpty ? SwitchScreening.None
        : new SwitchScreening(screening.DoNotDisturb, screening.AnonymousRejection, screening.CallWaiting, screening.BlockedNumbers, screening.BlockedPrefixes);

    /// <inheritdoc/>
    public CompiledFlow? FindFlow(string customerId, string number) => _flows.GetValueOrDefault((customerId, number));

    /// <inheritdoc/>
    public HuntGroupPlan? FindHuntGroup(string customerId, string number) =>
        _groups.TryGetValue(customerId, out var groups) ? groups.GetValueOrDefault(number) : null;

    /// <inheritdoc/>
    public IEnumerable<HuntGroupPlan> HuntGroupsOf(string customerId) =>
        _groups.TryGetValue(customerId, out var groups) ? groups.Values : [];

    private static HuntGroupPlan GroupOf(Provisioning.Model.HuntGroup g, Dictionary<string, string> extensions) => new(
        g.CustomerId, g.Number, g.Name, (Switch.CallFlows.HuntSequence)(int)g.Sequence, (Switch.CallFlows.HuntCallerId)(int)g.CallerId, g.PickupAllowed, g.NoAnswer,
        [.. g.Members.Select(m => new HuntMember(extensions[m.Extension], m.Extension, m.RingDelaySeconds, m.RingSeconds, m.IgnoreFollowMe, m.Primary))],
        [.. g.Groups]);

    /// <summary>
    /// What the phone set by <c>*72</c>/<c>*73</c>, in force over the provisioned forwarding (issue 15): its number after
    /// the line's ring time (conditional) or at once; null when the phone turned forwarding off.
    /// </summary>
    private static LineForwarding? PhoneForwardingOf(PhoneForwarding phone, int ringSeconds) => phone.IsOff ? null : LineForwarding.FromPhone(
        phone.When == Provisioning.Model.ForwardWhen.Always ? Switch.CallFlows.ForwardWhen.Always : Switch.CallFlows.ForwardWhen.Unanswered,
        ringSeconds, phone.Number.TrimStart('+'));

    /// <summary>The line's forwarding for the switch: null when off (the numbers are kept in provisioning for later).</summary>
    private static LineForwarding? ForwardingOf(Forwarding forwarding) => !forwarding.IsOn ? null : new LineForwarding(
        forwarding.When == Provisioning.Model.ForwardWhen.Always ? Switch.CallFlows.ForwardWhen.Always : Switch.CallFlows.ForwardWhen.Unanswered,
        forwarding.RingSeconds,
        forwarding.Simultaneous,
        [.. (forwarding.Mode == ForwardingMode.Simple ? forwarding.Targets.Take(1) : forwarding.Targets).Where(t => t.Enabled).Select(t => new Switch.CallFlows.ForwardTarget(
            t.Number, t.RingSeconds,
            [.. t.Schedule.Select(p => new RingSchedule(p.From, p.To, Switch.CallFlows.OfficeHours.DayMask(p.Days), p.Months.Aggregate(0, (mask, m) => mask | (1 << m))))]))]);

    /// <inheritdoc/>
    public SwitchSite FindSite(string? id) => id is not null && _sites.TryGetValue(id, out var site) ? site : _defaultSite;
}
