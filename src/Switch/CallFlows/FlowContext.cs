using NodaTime;

namespace Centrex.Switch.CallFlows;

/// <summary>
/// What decision nodes read: the time on the switch's clock (the manual clock in tests), the customer's time zone, and
/// whether the customer's night mode is on (seed 002 <c>*33</c>). Held by the call's partition; passed by reference.
/// </summary>
/// <param name="Now">The call's time.</param>
/// <param name="Zone">The customer's time zone.</param>
/// <param name="Night">Whether night mode is on.</param>
public readonly record struct FlowContext(Instant Now, DateTimeZone Zone, bool Night);
