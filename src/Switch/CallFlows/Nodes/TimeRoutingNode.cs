using NodaTime;

namespace Centrex.Switch.CallFlows.Nodes;

/// <summary>
/// "Time routing" (seed 003; seed 002 "Mon-Fri 9 to 5 ... Built in holidays"): the <c>true</c> branch inside office
/// hours on a day that is not a holiday, in the customer's time zone (or the node's own), on the switch's clock.
/// </summary>
public sealed class TimeRoutingNode : FlowNode
{
    /// <summary>Office hours.</summary>
    public required RingSchedule[] Hours { get; init; }

    /// <summary>Holidays, sorted.</summary>
    public required LocalDate[] Holidays { get; init; }

    /// <summary>The node's own zone; null: the customer's.</summary>
    public DateTimeZone? Zone { get; init; }

    /// <summary>Inside office hours.</summary>
    public required int WhenTrue { get; init; }

    /// <summary>Outside.</summary>
    public required int WhenFalse { get; init; }

    /// <inheritdoc/>
    public override FlowStep Enter(in FlowContext context)
    {
        var local = context.Now.InZone(Zone ?? context.Zone).LocalDateTime;
        var open = Array.BinarySearch(Holidays, local.Date) < 0 && RingSchedule.AnyContains(Hours, local);
        return FlowStep.Goto(open ? WhenTrue : WhenFalse);
    }
}
