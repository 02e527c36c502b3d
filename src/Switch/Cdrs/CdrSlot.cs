using Centrex.Switch.Authorization;

namespace Centrex.Switch.Cdrs;

/// <summary>A ring slot of the real-time CDR pipeline: the finished call, the hold to release after its charge, and
/// when the switch emitted it (a <see cref="System.Diagnostics.Stopwatch"/> timestamp: the stage's lag is measured from it).</summary>
internal struct CdrSlot
{
    public SwitchCdr? Cdr;
    public CallAuthorization? Authorization;
    public long EmittedAt;
}
