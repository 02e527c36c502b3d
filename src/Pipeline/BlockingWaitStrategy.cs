namespace Centrex.Pipeline;

/// <summary>
/// Parks idle consumers on a monitor until a producer publishes (the Disruptor's <c>LiteBlockingWaitStrategy</c>):
/// no CPU burnt while idle, at the cost of a wake-up latency of microseconds. Producers take the lock only when a
/// consumer has said it may be parked, so an uncontended publish costs one atomic exchange and no lock.
/// </summary>
/// <remarks>
/// The lost-wake-up argument: a consumer sets <c>_signalNeeded</c> with a full fence and then re-reads the cursor; a
/// producer stores the cursor and then exchanges <c>_signalNeeded</c> (also a full fence). Either the consumer sees
/// the new cursor and does not wait, or the producer sees the flag and pulses; the pulse cannot fall between the
/// consumer's check and its <see cref="Monitor.Wait(object)"/> because the consumer holds the lock until the wait
/// releases it. The same argument covers <see cref="SequenceBarrier.Alert"/>, which sets the alert flag and signals.
/// Upstream consumers publish their sequences without signalling, so once the producer cursor is there a downstream
/// consumer spins (with back-off) for its dependencies, as the Disruptor's blocking strategy does.
/// </remarks>
public sealed class BlockingWaitStrategy : IWaitStrategy
{
    // A plain object, not System.Threading.Lock: Lock has no condition variable, and Monitor.Wait needs one.
    private readonly object _gate = new();
    private int _signalNeeded;

    /// <inheritdoc />
    public bool IsBlockingStrategy => true;

    /// <inheritdoc />
    public long WaitFor(long sequence, DependentSequenceGroup dependents, SequenceBarrier barrier)
    {
        ArgumentNullException.ThrowIfNull(dependents);
        ArgumentNullException.ThrowIfNull(barrier);
        if (dependents.CursorValue < sequence)
        {
            lock (_gate)
            {
                while (true)
                {
                    Interlocked.Exchange(ref _signalNeeded, 1);
                    if (dependents.CursorValue >= sequence)
                    {
                        break;
                    }

                    barrier.CheckAlert();
                    Monitor.Wait(_gate);
                }
            }
        }

        // Spin, then yield, but never Sleep(1): a downstream stage waiting a millisecond per batch would cap a
        // chained pipeline at a few thousand batches a second.
        var spinner = default(SpinWait);
        long available;
        while ((available = dependents.Value) < sequence)
        {
            barrier.CheckAlert();
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return available;
    }

    /// <inheritdoc />
    public void SignalAllWhenBlocking()
    {
        if (Interlocked.Exchange(ref _signalNeeded, 0) != 0)
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }
}
