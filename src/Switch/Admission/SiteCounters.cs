namespace Centrex.Switch.Admission;

/// <summary>
/// One site's counters behind one small lock. Seven counters must move together (a call takes a slot in up to four
/// call limits and three bandwidth limits); a compare-and-swap per counter could raise the first and then find the
/// last full, letting a concurrent call see a limit that was never really reached. The critical section is a dozen
/// comparisons and additions, so a per-site lock costs about one uncontended atomic and is exact: no limit is ever
/// exceeded, even for a moment.
/// </summary>
internal sealed class SiteCounters
{
    private readonly Lock _gate = new();
    private SiteLimits _limits;
    private int _calls;
    private int _incoming;
    private int _outgoing;
    private int _forwarded;
    private long _bandwidth;
    private long _incomingBandwidth;
    private long _outgoingBandwidth;

    public SiteCounters(SiteLimits limits) => _limits = limits;

    public string Name => _limits.Name;

    /// <summary>Replaces the limits; calls in progress keep their slots (a lowered limit refuses new calls only).</summary>
    public void SetLimits(SiteLimits limits)
    {
        lock (_gate)
        {
            _limits = limits;
        }
    }

    public AdmissionLimit TryReserve(CallDirection direction, bool forwarded, int bandwidthBps, out int maximum)
    {
        lock (_gate)
        {
            var limits = _limits;
            var incoming = direction == CallDirection.Incoming;
            var limit = Check(limits.MaxCalls, _calls, 1, AdmissionLimit.Calls, out maximum)
                ?? (incoming
                    ? Check(limits.MaxIncomingCalls, _incoming, 1, AdmissionLimit.IncomingCalls, out maximum)
                    : Check(limits.MaxOutgoingCalls, _outgoing, 1, AdmissionLimit.OutgoingCalls, out maximum))
                ?? (forwarded ? Check(limits.MaxForwardedCalls, _forwarded, 1, AdmissionLimit.ForwardedCalls, out maximum) : null)
                ?? CheckBandwidth(limits, incoming, bandwidthBps, out maximum);
            if (limit is { } refused)
            {
                return refused;
            }

            _calls++;
            if (incoming)
            {
                _incoming++;
                _incomingBandwidth += bandwidthBps;
            }
            else
            {
                _outgoing++;
                _outgoingBandwidth += bandwidthBps;
            }

            if (forwarded)
            {
                _forwarded++;
            }

            _bandwidth += bandwidthBps;
            return AdmissionLimit.None;
        }
    }

    /// <summary>Moves a call's reservation to <paramref name="to"/> bps; a raise is checked. A released call is left alone.</summary>
    public AdmissionLimit TryChangeBandwidth(CallAdmission call, int to, out int maximum)
    {
        lock (_gate)
        {
            maximum = 0;
            var from = call.BandwidthUnderLock;
            if (call.ReleasedUnderLock || to == from)
            {
                return AdmissionLimit.None;
            }

            var incoming = call.Direction == CallDirection.Incoming;
            if (to > from && CheckBandwidth(_limits, incoming, (long)to - from, out maximum) is { } refused)
            {
                return refused;
            }

            long delta = to - from;
            _bandwidth += delta;
            if (incoming)
            {
                _incomingBandwidth += delta;
            }
            else
            {
                _outgoingBandwidth += delta;
            }

            Volatile.Write(ref call.BandwidthUnderLock, to);
            return AdmissionLimit.None;
        }
    }

    /// <summary>Gives a call's slots back; false when it was already released.</summary>
    public bool Release(CallAdmission call)
    {
        lock (_gate)
        {
            if (call.ReleasedUnderLock)
            {
                return false;
            }

            Volatile.Write(ref call.ReleasedUnderLock, true);
            var bandwidth = call.BandwidthUnderLock;
            _calls--;
            if (call.Direction == CallDirection.Incoming)
            {
                _incoming--;
                _incomingBandwidth -= bandwidth;
            }
            else
            {
                _outgoing--;
                _outgoingBandwidth -= bandwidth;
            }

            if (call.Forwarded)
            {
                _forwarded--;
            }

            _bandwidth -= bandwidth;
            return true;
        }
    }

    public SiteUsage Usage()
    {
        lock (_gate)
        {
            return new SiteUsage(_calls, _incoming, _outgoing, _forwarded, _bandwidth, _incomingBandwidth, _outgoingBandwidth);
        }
    }

    private AdmissionLimit? CheckBandwidth(SiteLimits limits, bool incoming, long extra, out int maximum) =>
        CheckKbps(limits.MaxBandwidthKbps, 0, extra, AdmissionLimit.Bandwidth, out maximum)
        ?? (incoming
                ? CheckKbps(limits.MaxIncomingBandwidthKbps, 1, extra, AdmissionLimit.IncomingBandwidth, out maximum)
                : CheckKbps(limits.MaxOutgoingBandwidthKbps, 2, extra, AdmissionLimit.OutgoingBandwidth, out maximum));

    private static AdmissionLimit? Check(int? max, long used, long extra, AdmissionLimit limit, out int maximum)
    {
        maximum = max ?? 0;
        return max is { } value && used + extra > value ? limit : null;
    }

    private AdmissionLimit? CheckKbps(int? maxKbps, int which, long extra, AdmissionLimit limit, out int maximum)
    {
        var used = which switch { 0 => _bandwidth, 1 => _incomingBandwidth, _ => _outgoingBandwidth };
        maximum = maxKbps ?? 0;
        return maxKbps is { } kbps && used + extra > kbps * 1000L ? limit : null;
    }
}
