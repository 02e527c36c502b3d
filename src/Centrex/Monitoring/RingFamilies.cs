using Prometheus;

namespace Centrex.Monitoring;

/// <summary>
/// The two ring metrics every stage reports into, the switch's stages and the CDR stage alike: one definition, since
/// prometheus-net hands back the same family only when name, help and labels all match.
/// </summary>
internal static class RingFamilies
{
    public static Gauge Occupancy(IMetricFactory factory) => factory.CreateGauge("centrex_ring_occupancy",
        "Events in a stage's ring buffer not yet handled by the stage (partition: all partitions together).", ["stage"]);

    public static Gauge Size(IMetricFactory factory) => factory.CreateGauge("centrex_ring_size",
        "Slots in a stage's ring buffer (partition: all partitions together).", ["stage"]);
}
