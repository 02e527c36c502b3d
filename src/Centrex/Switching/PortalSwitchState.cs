using Centrex.Portal.Data;
using Centrex.Switch;
using Centrex.Switch.Hooks;

namespace Centrex.Switching;

/// <summary>
/// The running switch as the portal sees it: registrations (read on the partitions' threads, so at most once a second
/// here however many pages ask) and calls in progress per site from the admission hook's counters.
/// </summary>
internal sealed class PortalSwitchState(SipSwitch sipSwitch, SwitchHookSet hooks) : ISwitchState
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);
    private readonly object _gate = new();
    private IReadOnlySet<string> _registered = new HashSet<string>();
    private long? _readAt;

    public int ActiveCalls => sipSwitch.ActiveCalls;

    public IReadOnlySet<string> Registered()
    {
        lock (_gate)
        {
            if (_readAt is not { } at || Environment.TickCount64 - at >= Fresh.TotalMilliseconds)
            {
                _registered = sipSwitch.RegisteredAccounts().ToHashSet(StringComparer.Ordinal);
                _readAt = Environment.TickCount64;
            }

            return _registered;
        }
    }

    public int CallsOn(string siteId) => hooks.Admission.Usage(siteId).Calls;
}
