using System.Collections.Concurrent;
using Centrex.Switch.Admission;
using Centrex.Switch.Calls;
using Centrex.Switch.Provisioning;
using AdmissionDirection = Centrex.Switch.Admission.CallDirection;
using CallDirection = Centrex.Switch.Calls.CallDirection;

namespace Centrex.Switch.Hooks;

/// <summary>
/// The B2BUA's <see cref="ICallAdmission"/> over <see cref="SiteAdmission"/>: a call reserves its site's counters and
/// the bandwidth of the costliest codec its offer lists, lowers the reservation to the answer's codec, and gives it all
/// back when it ends. Sites come from the directory the first time a call names them, so provisioning needs no
/// separate list of sites, and are compared with the directory's at every call after: limits changed by provisioning
/// while the switch runs apply from the next call on, and calls in progress keep their slots (a lowered limit refuses
/// new calls until enough have ended). A site keeps the admission name it was first counted under until the switch
/// restarts, so a renamed site's calls in progress and new calls still count against one set of limits.
/// </summary>
/// <remarks>
/// Directions: an outgoing call counts as outgoing on the caller's site, an incoming one (trunk to DID) as incoming on
/// the callee's site; an internal call counts once, as outgoing on the caller's site (one call, one slot: counting it
/// on both sites would refuse on-net calls twice as early as the Sites page suggests).
/// </remarks>
public sealed class SiteAdmissionHook : ICallAdmission
{
    private readonly ISwitchDirectory _directory;
    private readonly SiteAdmission _admission;
    private readonly CodecProfileTable _codecs;
    private readonly ConcurrentDictionary<string, (SwitchSite Site, string Name)> _sites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CallAdmission> _calls = new(StringComparer.Ordinal);
    private readonly Lock _configure = new();

    /// <summary>Creates the hook.</summary>
    /// <param name="directory">Where site limits come from.</param>
    /// <param name="codecs">The codec profile table (<see cref="CodecProfileTable.Default"/> when null).</param>
    public SiteAdmissionHook(ISwitchDirectory directory, CodecProfileTable? codecs = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        _directory = directory;
        _codecs = codecs ?? CodecProfileTable.Default;
        var fallback = directory.FindSite(SwitchSite.DefaultId);
        _admission = new SiteAdmission([SiteLimitsOf(fallback, SiteAdmission.DefaultSiteName)]);
        _sites[fallback.Id] = (fallback, SiteAdmission.DefaultSiteName);
    }

    /// <summary>The admission control underneath (for counters and live limit changes).</summary>
    public SiteAdmission Admission => _admission;

    /// <summary>A snapshot of a directory site's counters.</summary>
    public SiteUsage Usage(string siteId) => _admission.Usage(SiteName(siteId));

    /// <inheritdoc/>
    public AdmissionDecision Admit(CallInfo call, ReadOnlyMemory<byte> offerSdp)
    {
        ArgumentNullException.ThrowIfNull(call);
        var direction = call.Direction == CallDirection.Incoming ? AdmissionDirection.Incoming : AdmissionDirection.Outgoing;

        // No SDP in the INVITE (a late offer) reserves nothing yet; the answer's codec is reserved at Answered.
        var bandwidth = offerSdp.IsEmpty ? 0 : _codecs.OfferBandwidthBps(offerSdp.Span);
        var request = new AdmissionRequest(SiteName(call.SiteId), direction, call.Forwarded, bandwidth);
        if (!_admission.TryAdmit(request, out var admission, out var refusal))
        {
            // The B2BUA wraps the text in "399 centrex \"...\"" itself: hand it the reason, not the whole header value.
            return AdmissionDecision.Refuse(refusal.Reason);
        }

        if (!_calls.TryAdd(call.Id, admission))
        {
            // The same call admitted twice would leak a slot for ever: keep the first reservation only.
            admission.Release();
        }

        return AdmissionDecision.Admit;
    }

    /// <inheritdoc/>
    public AdmissionDecision Answered(CallInfo call, ReadOnlyMemory<byte> answerSdp)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!_calls.TryGetValue(call.Id, out var admission))
        {
            return AdmissionDecision.Admit;
        }

        if (!admission.TryConnect(out var full))
        {
            return AdmissionDecision.Refuse(full.Reason); // rang on borrowed capacity, and the slots are full now
        }

        if (answerSdp.IsEmpty)
        {
            return AdmissionDecision.Admit;
        }

        var codec = _codecs.Negotiated(answerSdp.Span);
        return admission.TryChangeBandwidth(codec.BandwidthBps, out var refusal) ? AdmissionDecision.Admit : AdmissionDecision.Refuse(refusal.Reason);
    }

    /// <inheritdoc/>
    public void Release(CallInfo call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (_calls.TryRemove(call.Id, out var admission))
        {
            admission.Release();
        }
    }

    /// <summary>
    /// The admission site for a directory site id, configured from the directory on first use and configured again
    /// when the directory's record changed (live provisioning). The usual case, the same record as last time, is one
    /// lookup and a reference comparison, without a lock.
    /// </summary>
    private string SiteName(string? siteId)
    {
        var site = _directory.FindSite(siteId);
        if (_sites.TryGetValue(site.Id, out var known) && ReferenceEquals(known.Site, site))
        {
            return known.Name;
        }

        lock (_configure)
        {
            if (_sites.TryGetValue(site.Id, out known))
            {
                if (known.Site != site)
                {
                    _admission.Configure(SiteLimitsOf(site, known.Name)); // new limits for new calls; slots in use stay counted
                }

                _sites[site.Id] = (site, known.Name);
                return known.Name;
            }

            // The Warning names the site as people know it; two sites with one display name must still count apart.
            var name = site.Name;
            if (string.IsNullOrEmpty(name) || name == SiteAdmission.DefaultSiteName || _sites.Values.Any(s => s.Name == name))
            {
                name = site.Id;
            }

            _admission.Configure(SiteLimitsOf(site, name));
            _sites[site.Id] = (site, name);
            return name;
        }
    }

    private static SiteLimits SiteLimitsOf(SwitchSite site, string name) =>
        new(name, site.MaxCalls, site.MaxIncoming, site.MaxOutgoing, site.MaxForwarded,
            site.MaxBandwidthKbps, site.MaxIncomingKbps, site.MaxOutgoingKbps);
}
