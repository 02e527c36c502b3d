using Centrex.Switch.Authorization;

namespace Centrex.Switch.Cdrs;

/// <summary>A ring slot of the real-time CDR pipeline: the finished call and the hold to release after its charge.</summary>
internal struct CdrSlot
{
    public SwitchCdr? Cdr;
    public CallAuthorization? Authorization;
}
