namespace Centrex.Switch.CallFlows;

/// <summary>A number a line forwards to (seed 004 Follow-Me): number, ring for, schedule (empty: always).</summary>
/// <param name="Number">E.164 digits, an extension of the customer, or (advanced mode) a <c>sip:</c> URI.</param>
/// <param name="RingSeconds">"Ring for".</param>
/// <param name="Schedule">When it is used; empty: always.</param>
public sealed record ForwardTarget(string Number, int RingSeconds, RingSchedule[] Schedule)
{
    /// <summary>Whether the number is used at <paramref name="local"/> (the customer's local time).</summary>
    public bool ActiveAt(NodaTime.LocalDateTime local) => Schedule.Length == 0 || RingSchedule.AnyContains(Schedule, local);
}
