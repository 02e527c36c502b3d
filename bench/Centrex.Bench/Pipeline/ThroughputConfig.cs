using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Centrex.Bench.Pipeline;

/// <summary>
/// One launch, 5 warm-up and 15 measured iterations: each invocation moves millions of events, so the default job's
/// automatic iteration counts would take minutes per case without narrowing the interval much. Min and Max are shown
/// because a 1-to-1 hand-off on two cores switches between two steady states (see bench/README.md) and the mean
/// alone hides that.
/// </summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(15).WithId("Throughput"));
        AddColumn(StatisticColumn.Min, StatisticColumn.Max, new EventsPerSecondColumn());
    }
}
