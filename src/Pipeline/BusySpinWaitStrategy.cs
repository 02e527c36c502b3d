namespace Centrex.Pipeline;

/// <summary>
/// Spins on the dependent sequences without ever giving up the CPU: the lowest latency, at the cost of a core per
/// consumer. Use it only when consumers have dedicated cores (on a 2-core box, one busy-spinning consumer already
/// competes with the producer).
/// </summary>
public sealed class BusySpinWaitStrategy : IWaitStrategy
{
    /// <inheritdoc />
    public bool IsBlockingStrategy => false;

    /// <inheritdoc />
    public long WaitFor(long sequence, DependentSequenceGroup dependents, SequenceBarrier barrier)
    {
        ArgumentNullException.ThrowIfNull(dependents);
        ArgumentNullException.ThrowIfNull(barrier);
        long available;
        while ((available = dependents.Value) < sequence)
        {
            barrier.CheckAlert();

            // A PAUSE (Java's Thread.onSpinWait): frees pipeline resources for a hyper-threaded sibling and avoids
            // the memory-order machine clear when the awaited store finally lands.
            Thread.SpinWait(1);
        }

        return available;
    }

    /// <inheritdoc />
    public void SignalAllWhenBlocking()
    {
    }
}
