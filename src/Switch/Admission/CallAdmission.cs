namespace Centrex.Switch.Admission;

/// <summary>
/// One admitted call's reservation on its site. <see cref="Release"/> gives everything back and is idempotent: the
/// B2BUA calls it on every end path (BYE, CANCEL, failure, timeout) without tracking which ran first.
/// </summary>
public sealed class CallAdmission
{
    private readonly SiteCounters _site;

    internal CallAdmission(SiteCounters site, CallDirection direction, bool forwarded, int bandwidthBps, bool holding)
    {
        HoldingUnderLock = holding;
        _site = site;
        Direction = direction;
        Forwarded = forwarded;
        BandwidthUnderLock = bandwidthBps;
    }

    /// <summary>The site the call counts on.</summary>
    public string Site => _site.Name;

    /// <summary>The call's direction.</summary>
    public CallDirection Direction { get; }

    /// <summary>Whether it counts as a forwarded call.</summary>
    public bool Forwarded { get; }

    /// <summary>Bandwidth reserved now, bits per second.</summary>
    public int BandwidthBps => Volatile.Read(ref BandwidthUnderLock);

    /// <summary>Whether the reservation was given back.</summary>
    public bool IsReleased => Volatile.Read(ref ReleasedUnderLock);

    // Changed only under the site's lock, together with the site's counters (one lock per operation, no lock object
    // per call): the call's state and the counters can never disagree.
    internal int BandwidthUnderLock;
    internal bool ReleasedUnderLock;
    internal bool HoldingUnderLock;
    internal bool ConnectedUnderLock;

    /// <summary>Whether the call holds one of its site's slots (it was admitted into one, or connected).</summary>
    public bool HoldsSlot => Volatile.Read(ref HoldingUnderLock);

    /// <summary>Whether the call is connected (answered) in its site's counts.</summary>
    public bool IsConnected => Volatile.Read(ref ConnectedUnderLock);

    /// <summary>
    /// The call was answered: it counts as connected (seed 004). True when it fits (a call holding a slot always does;
    /// one ringing on borrowed capacity needs a free slot now) or was released; false with the limit named otherwise,
    /// and the switch ends the call.
    /// </summary>
    public bool TryConnect(out AdmissionRefusal refusal)
    {
        var limit = _site.TryConnect(this, out var maximum);
        refusal = limit == AdmissionLimit.None ? default : new AdmissionRefusal(_site.Name, limit, maximum);
        return limit == AdmissionLimit.None;
    }

    /// <summary>
    /// Re-evaluates the call's bandwidth once the negotiated codec is known (the answer SDP): the offer reserved its
    /// most expensive codec, the answer usually lowers it (seed 004, "Codec Connectivity Profile": bandwidth from the
    /// negotiated codec). A raise (a re-INVITE to a costlier codec) is checked against the limits like a new call.
    /// After <see cref="Release"/> it does nothing and succeeds.
    /// </summary>
    /// <param name="bandwidthBps">The call's bandwidth now, bits per second.</param>
    /// <param name="refusal">The limit a raise would exceed.</param>
    /// <returns>True when the reservation now equals <paramref name="bandwidthBps"/> (or the call was released).</returns>
    public bool TryChangeBandwidth(int bandwidthBps, out AdmissionRefusal refusal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bandwidthBps);
        var limit = _site.TryChangeBandwidth(this, bandwidthBps, out var maximum);
        refusal = limit == AdmissionLimit.None ? default : new AdmissionRefusal(_site.Name, limit, maximum);
        return limit == AdmissionLimit.None;
    }

    /// <summary>Gives the call's slots and bandwidth back to the site. Returns true the first time only.</summary>
    public bool Release() => _site.Release(this);
}
