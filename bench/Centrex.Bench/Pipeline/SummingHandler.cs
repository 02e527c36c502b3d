using Centrex.Pipeline;

namespace Centrex.Bench.Pipeline;

/// <summary>The consumer's work in every variant: add the value to a running sum (the channel reader does the same).</summary>
public struct SummingHandler : IEventHandler<ThroughputEvent>
{
    public long Sum;

    public void OnEvent(ref ThroughputEvent data, long sequence, bool endOfBatch) => Sum += data.Value;
}
