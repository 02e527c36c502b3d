using Centrex.Switch.CallFlows;

namespace Centrex.Switch.Calls;

/// <summary>
/// A line's forwarding as set from its phone (<c>*72</c>, <c>*73</c>, seed 000), effective at once in the line's
/// partition. It holds while the directory still has the forwarding it was set over (<see cref="BaseKey"/>) or the
/// value itself (once saved to provisioning); a different one means provisioning (the portal) changed it since, and
/// provisioning wins.
/// </summary>
/// <param name="BaseKey">The directory's forwarding key when it was set (null: none).</param>
/// <param name="Value">The forwarding now (null: off).</param>
internal sealed record ForwardOverride(string? BaseKey, LineForwarding? Value);
