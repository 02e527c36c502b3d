namespace Centrex.Bench.Pipeline;

/// <summary>A 32-byte event, about the size of a rated-call key (account, value, duration, flags).</summary>
public struct ThroughputEvent
{
    public long Value;
    public long Account;
    public long Duration;
    public long Flags;
}
