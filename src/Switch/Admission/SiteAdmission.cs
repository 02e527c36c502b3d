using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Centrex.Switch.Admission;

/// <summary>
/// Site admission control over every configured site. Accounts without a site, and accounts whose site is not
/// configured, share the Default site (seed 004, Sites page: "Any account that is not assigned to a specific site
/// will share the limitations of the Default site"). Thread-safe; each site has its own lock, so sites never contend.
/// </summary>
public sealed class SiteAdmission : ISiteAdmission
{
    /// <summary>The name of the site shared by accounts without one.</summary>
    public const string DefaultSiteName = "Default";

    private readonly SiteCounters _default;
    private volatile FrozenDictionary<string, SiteCounters> _sites;
    private readonly Lock _configure = new();

    /// <summary>Creates the sites.</summary>
    /// <param name="sites">Every configured site; one named <see cref="DefaultSiteName"/> sets the Default site's limits
    /// (otherwise it has none).</param>
    public SiteAdmission(IEnumerable<SiteLimits> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var map = new Dictionary<string, SiteCounters>(StringComparer.Ordinal);
        foreach (var limits in sites)
        {
            Validate(limits);
            if (!map.TryAdd(limits.Name, new SiteCounters(limits)))
            {
                throw new ArgumentException($"site '{limits.Name}' is configured twice", nameof(sites));
            }
        }

        if (!map.TryGetValue(DefaultSiteName, out var fallback))
        {
            fallback = new SiteCounters(SiteLimits.Unlimited(DefaultSiteName));
            map.Add(DefaultSiteName, fallback);
        }

        _default = fallback;
        _sites = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The configured site names, Default included.</summary>
    public IEnumerable<string> Sites => _sites.Keys;

    /// <inheritdoc />
    public bool TryAdmit(in AdmissionRequest request, [NotNullWhen(true)] out CallAdmission? admission, out AdmissionRefusal refusal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(request.BandwidthBps);
        var site = Find(request.Site);
        var limit = site.TryReserve(request.Direction, request.Forwarded, request.BandwidthBps, out var maximum, out var holding);
        if (limit != AdmissionLimit.None)
        {
            admission = null;
            refusal = new AdmissionRefusal(site.Name, limit, maximum);
            return false;
        }

        admission = new CallAdmission(site, request.Direction, request.Forwarded, request.BandwidthBps, holding);
        refusal = default;
        return true;
    }

    /// <inheritdoc />
    public SiteUsage Usage(string? site) => Find(site).Usage();

    /// <summary>
    /// Adds a site or changes its limits (provisioning changed). Calls in progress keep their slots: a lowered limit
    /// refuses new calls until enough calls end.
    /// </summary>
    public void Configure(SiteLimits limits)
    {
        Validate(limits);
        lock (_configure)
        {
            if (_sites.TryGetValue(limits.Name, out var existing))
            {
                existing.SetLimits(limits);
                return;
            }

            var map = new Dictionary<string, SiteCounters>(_sites, StringComparer.Ordinal) { [limits.Name] = new SiteCounters(limits) };
            _sites = map.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    private static void Validate(SiteLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (string.IsNullOrEmpty(limits.Name))
        {
            throw new ArgumentException("a site needs a name", nameof(limits));
        }

        int?[] values = [limits.MaxCalls, limits.MaxIncomingCalls, limits.MaxOutgoingCalls, limits.MaxForwardedCalls,
            limits.MaxBandwidthKbps, limits.MaxIncomingBandwidthKbps, limits.MaxOutgoingBandwidthKbps];
        if (values.Any(value => value < 0))
        {
            throw new ArgumentException($"site '{limits.Name}': a limit cannot be negative", nameof(limits));
        }
    }

    private SiteCounters Find(string? site) =>
        string.IsNullOrEmpty(site) || !_sites.TryGetValue(site, out var counters) ? _default : counters;
}
