using System.Net;
using Centrex.Switch.CallFlows;

namespace Centrex.Switch.Provisioning;

/// <summary>
/// A directory that provisioning changes while the switch runs (issue 14, live provisioning): every member asks the
/// snapshot in force, and <see cref="Replace"/> swaps in a new one with a single reference write. Snapshots are
/// immutable and built whole before they are published, so a reader on any thread (the router, every partition, the
/// hooks) sees either the old directory or the new one, never a half-built one; nothing here takes a lock, and the
/// span lookups stay as allocation-free as the snapshot's. Code that must see one state across several lookups (a new
/// call) reads <see cref="Current"/> once and asks that.
/// </summary>
public sealed class LiveSwitchDirectory : ISwitchDirectory
{
    private volatile ISwitchDirectory _current;
    private long _version;

    /// <summary>Starts with <paramref name="initial"/> (a snapshot; a live directory is unwrapped to its current one).</summary>
    public LiveSwitchDirectory(ISwitchDirectory initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial.Current;
    }

    /// <summary>The snapshot in force.</summary>
    public ISwitchDirectory Current => _current;

    /// <summary>How many times the directory was replaced since the start.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <inheritdoc/>
    public string Realm => _current.Realm;

    /// <inheritdoc/>
    public IReadOnlyList<string> DigestAlgorithms => _current.DigestAlgorithms;

    /// <inheritdoc/>
    public IReadOnlySet<string> FeatureCodes => _current.FeatureCodes;

    /// <inheritdoc/>
    public IReadOnlySet<string> EmergencyNumbers => _current.EmergencyNumbers;

    /// <inheritdoc/>
    public string? EmergencyTrunkId => _current.EmergencyTrunkId;

    /// <inheritdoc/>
    public string? EmergencyCallback => _current.EmergencyCallback;

    /// <summary>Publishes <paramref name="next"/> (built whole beforehand); returns the snapshot it replaced.</summary>
    public ISwitchDirectory Replace(ISwitchDirectory next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var previous = Interlocked.Exchange(ref _current, next.Current);
        Interlocked.Increment(ref _version);
        return previous;
    }

    /// <inheritdoc/>
    public SwitchAccount? FindAccount(string usernameOrId) => _current.FindAccount(usernameOrId);

    /// <inheritdoc/>
    public SwitchAccount? FindAccount(ReadOnlySpan<char> usernameOrId) => _current.FindAccount(usernameOrId);

    /// <inheritdoc/>
    public SwitchCustomer? FindCustomer(string id) => _current.FindCustomer(id);

    /// <inheritdoc/>
    public SwitchAccount? FindByDid(string e164) => _current.FindByDid(e164);

    /// <inheritdoc/>
    public SwitchAccount? FindByDid(ReadOnlySpan<char> e164) => _current.FindByDid(e164);

    /// <inheritdoc/>
    public SwitchTrunk? FindTrunk(string id) => _current.FindTrunk(id);

    /// <inheritdoc/>
    public SwitchTrunk? FindTrunkBySource(IPEndPoint remote) => _current.FindTrunkBySource(remote);

    /// <inheritdoc/>
    public SwitchTrunk? FindTrunkByAddress(IPEndPoint address) => _current.FindTrunkByAddress(address);

    /// <inheritdoc/>
    public SwitchSite FindSite(string? id) => _current.FindSite(id);

    /// <inheritdoc/>
    public CompiledFlow? FindFlow(string customerId, string number) => _current.FindFlow(customerId, number);

    /// <inheritdoc/>
    public HuntGroupPlan? FindHuntGroup(string customerId, string number) => _current.FindHuntGroup(customerId, number);

    /// <inheritdoc />
    public IEnumerable<HuntGroupPlan> HuntGroupsOf(string customerId) => _current.HuntGroupsOf(customerId);
}
