using System.Net;
using Centrex.Switch.CallFlows;
using Centrex.Switch.Provisioning;
using NodaTime;

namespace Centrex.Switch.Tests.Support;

/// <summary>
/// A test directory with issue 15's data over another one (the JSON directory): call flows compiled by the switch's
/// own <see cref="FlowCompiler"/>, hunt groups built by <see cref="HuntGroups.Build"/>, lines' forwarding and customers'
/// time zones, the way <c>centrex serve</c> builds them from provisioning.
/// </summary>
internal sealed class FeatureDirectory : ISwitchDirectory
{
    private readonly ISwitchDirectory _inner;
    private readonly Dictionary<string, SwitchAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SwitchCustomer> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), CompiledFlow> _flows = [];
    private readonly Dictionary<string, Dictionary<string, HuntGroupPlan>> _groups = new(StringComparer.Ordinal);

    public FeatureDirectory(ISwitchDirectory inner, string customerId, DateTimeZone zone, IEnumerable<HuntGroupPlan>? groups = null,
        IEnumerable<FlowDefinition>? flows = null, IReadOnlyDictionary<string, LineForwarding>? forwarding = null, IEnumerable<string>? suspended = null)
    {
        _inner = inner.Current;
        var customer = _inner.FindCustomer(customerId)!;
        _customers[customerId] = customer with { TimeZone = zone };
        var built = HuntGroups.Build(groups ?? [], customer.Extensions);
        _groups[customerId] = built;
        foreach (var flow in flows ?? [])
        {
            var compiled = FlowCompiler.Compile(flow, customer.Extensions, n => built.GetValueOrDefault(n));
            foreach (var number in flow.Numbers)
            {
                _flows[(customerId, number)] = compiled;
            }
        }

        foreach (var (id, value) in forwarding ?? new Dictionary<string, LineForwarding>())
        {
            var account = _inner.FindAccount(id)!;
            _accounts[account.Id] = _accounts[account.Username] = account with { Forwarding = value };
        }

        foreach (var id in suspended ?? [])
        {
            var account = FindAccount(id)!;
            _accounts[account.Id] = _accounts[account.Username] = account with { Suspended = true };
        }
    }

    /// <summary>A member of a group: the extension's account, ring time, no delay.</summary>
    public static HuntMember Member(ISwitchDirectory directory, string customer, string extension, int ringSeconds = 20, int delay = 0, bool ignoreFollowMe = false) =>
        new(directory.FindCustomer(customer)!.Extensions[extension], extension, delay, ringSeconds, ignoreFollowMe, Primary: false);

    /// <summary>A node of a flow definition.</summary>
    public static FlowNodeDefinition Node(string id, string type, string fields = "", string branches = "") =>
        new(id, type, Pairs(fields), Pairs(branches));

    private static Dictionary<string, string> Pairs(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    public string Realm => _inner.Realm;

    public IReadOnlyList<string> DigestAlgorithms => _inner.DigestAlgorithms;

    public IReadOnlySet<string> FeatureCodes => _inner.FeatureCodes;

    public IReadOnlySet<string> EmergencyNumbers => _inner.EmergencyNumbers;

    public string? EmergencyTrunkId => _inner.EmergencyTrunkId;

    public string? EmergencyCallback => _inner.EmergencyCallback;

    public SwitchAccount? FindAccount(string usernameOrId) => _accounts.GetValueOrDefault(usernameOrId) ?? _inner.FindAccount(usernameOrId);

    public SwitchAccount? FindAccount(ReadOnlySpan<char> usernameOrId) => FindAccount(usernameOrId.ToString());

    public SwitchCustomer? FindCustomer(string id) => _customers.GetValueOrDefault(id) ?? _inner.FindCustomer(id);

    public SwitchAccount? FindByDid(string e164) => _inner.FindByDid(e164) is { } a ? FindAccount(a.Id) : null;

    public SwitchAccount? FindByDid(ReadOnlySpan<char> e164) => FindByDid(e164.ToString());

    public SwitchTrunk? FindTrunk(string id) => _inner.FindTrunk(id);

    public SwitchTrunk? FindTrunkBySource(IPEndPoint remote) => _inner.FindTrunkBySource(remote);

    public SwitchTrunk? FindTrunkByAddress(IPEndPoint address) => _inner.FindTrunkByAddress(address);

    public SwitchSite FindSite(string? id) => _inner.FindSite(id);

    public CompiledFlow? FindFlow(string customerId, string number) => _flows.GetValueOrDefault((customerId, number));

    public HuntGroupPlan? FindHuntGroup(string customerId, string number) =>
        _groups.TryGetValue(customerId, out var groups) ? groups.GetValueOrDefault(number) : null;

    public IEnumerable<HuntGroupPlan> HuntGroupsOf(string customerId) =>
        _groups.TryGetValue(customerId, out var groups) ? groups.Values : [];
}
