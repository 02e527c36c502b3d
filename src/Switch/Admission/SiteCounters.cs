namespace Centrex.Switch.Admission;

/// <summary>
/// One site's counters behind one small lock. A call counts in two steps (seed 004 counts calls "in a connected
/// state"): admitted while the connected calls leave room, holding a slot when one is free or else ringing on borrowed
/// capacity, and connected at its answer, when a borrowing call must find a slot or be refused. Slots (the call
/// counters) hold connected and slot-holding calls, so the connected calls, a subset, never exceed a limit. Seven counters must move together (a call takes a slot in up to four
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

    // Of the slots above, those whose calls are connected (answered); and calls ringing beyond the slots (borrowing).
    private int _connected;
    private int _connectedIncoming;
    private int _connectedOutgoing;
    private int _connectedForwarded;
    private int _borrowing;
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

    /// <summary>
    /// Admits a call while the connected calls leave room (seed 004: "when the specified number of concurrent calls has
    /// already been established (calls are in a 'connected' state) ... that call will be rejected"). It takes a slot when
    /// one is free (<paramref name="holding"/>: it will connect whenever it is answered); otherwise it rings on capacity
    /// the connected calls do not use, and must find a free slot when answered (<see cref="TryConnect"/>).
    /// </summary>
    public AdmissionLimit TryReserve(CallDirection direction, bool forwarded, int bandwidthBps, out int maximum, out bool holding)
    {
        lock (_gate)
        {
            var limits = _limits;
            var incoming = direction == CallDirection.Incoming;
            holding = false;
            var limit = Check(limits.MaxCalls, _connected, 1, AdmissionLimit.Calls, out maximum)
                ?? (incoming
                    ? Check(limits.MaxIncomingCalls, _connectedIncoming, 1, AdmissionLimit.IncomingCalls, out maximum)
                    : Check(limits.MaxOutgoingCalls, _connectedOutgoing, 1, AdmissionLimit.OutgoingCalls, out maximum))
                ?? (forwarded ? Check(limits.MaxForwardedCalls, _connectedForwarded, 1, AdmissionLimit.ForwardedCalls, out maximum) : null)
                ?? CheckBandwidth(limits, incoming, bandwidthBps, out maximum);
            if (limit is { } refused)
            {
                return refused;
            }

            holding = SlotLimit(limits, incoming, forwarded, out _) == AdmissionLimit.None;
            if (holding)
            {
                TakeSlot(incoming, forwarded);
            }
            else
            {
                _borrowing++;
            }

            if (incoming)
            {
                _incomingBandwidth += bandwidthBps;
            }
            else
            {
                _outgoingBandwidth += bandwidthBps;
            }

            _bandwidth += bandwidthBps;
            return AdmissionLimit.None;
        }
    }

    /// <summary>
    /// The call was answered: it becomes connected. A call holding a slot always can; one that rang on borrowed capacity
    /// needs a free slot now, and is refused (the switch releases it) when the connected and slot-holding calls fill the
    /// limit, so a burst of answers never takes a site past it. A released or already connected call is left alone.
    /// </summary>
    public AdmissionLimit TryConnect(CallAdmission call, out int maximum)
    {
        lock (_gate)
        {
            maximum = 0;
            if (call.ReleasedUnderLock || call.ConnectedUnderLock)
            {
                return AdmissionLimit.None;
            }

            var incoming = call.Direction == CallDirection.Incoming;
            if (!call.HoldingUnderLock)
            {
                var limit = SlotLimit(_limits, incoming, call.Forwarded, out maximum);
                if (limit != AdmissionLimit.None)
                {
                    return limit;
                }

                _borrowing--;
                TakeSlot(incoming, call.Forwarded);
                Volatile.Write(ref call.HoldingUnderLock, true);
            }

            _connected++;
            if (incoming)
            {
                _connectedIncoming++;
            }
            else
            {
                _connectedOutgoing++;
            }

            if (call.Forwarded)
            {
                _connectedForwarded++;
            }

            Volatile.Write(ref call.ConnectedUnderLock, true);
            return AdmissionLimit.None;
        }
    }

    /// <summary>Whether a slot is free for one more call of this kind (the first full limit, or None).</summary>
    private AdmissionLimit SlotLimit(SiteLimits limits, bool incoming, bool forwarded, out int maximum) =>
        Check(limits.MaxCalls, _calls, 1, AdmissionLimit.Calls, out maximum)
        ?? (incoming
            ? Check(limits.MaxIncomingCalls, _incoming, 1, AdmissionLimit.IncomingCalls, out maximum)
            : Check(limits.MaxOutgoingCalls, _outgoing, 1, AdmissionLimit.OutgoingCalls, out maximum))
        ?? (forwarded ? Check(limits.MaxForwardedCalls, _forwarded, 1, AdmissionLimit.ForwardedCalls, out maximum) : null)
        ?? AdmissionLimit.None;

    private void TakeSlot(bool incoming, bool forwarded)
    {
        _calls++;
        if (incoming)
        {
            _incoming++;
        }
        else
        {
            _outgoing++;
        }

        if (forwarded)
        {
            _forwarded++;
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
            var incoming = call.Direction == CallDirection.Incoming;
            if (incoming)
            {
                _incomingBandwidth -= bandwidth;
            }
            else
            {
                _outgoingBandwidth -= bandwidth;
            }

            if (!call.HoldingUnderLock)
            {
                _borrowing--;
            }
            else
            {
                _calls--;
                _incoming -= incoming ? 1 : 0;
                _outgoing -= incoming ? 0 : 1;
                _forwarded -= call.Forwarded ? 1 : 0;
                if (call.ConnectedUnderLock)
                {
                    _connected--;
                    _connectedIncoming -= incoming ? 1 : 0;
                    _connectedOutgoing -= incoming ? 0 : 1;
                    _connectedForwarded -= call.Forwarded ? 1 : 0;
                }
            }

            _bandwidth -= bandwidth;
            return true;
        }
    }

    public SiteUsage Usage()
    {
        lock (_gate)
        {
            return new SiteUsage(_calls, _incoming, _outgoing, _forwarded, _bandwidth, _incomingBandwidth, _outgoingBandwidth)
            {
                ConnectedCalls = _connected,
                BorrowingCalls = _borrowing,
            };
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
