namespace Centrex.Pipeline;

/// <summary>
/// Spins, then yields, then sleeps between checks (the Disruptor's <c>SleepingWaitStrategy</c>): nearly no CPU when
/// idle and no signalling cost for producers, at the price of latency after an idle spell. .NET cannot sleep for
/// less than about a millisecond (the Disruptor parks for 100 ns), so use it for background stages (journal flush,
/// reports), not for the rating path.
/// </summary>
public sealed class SleepingWaitStrategy : IWaitStrategy
{
    /// <summary>Checks before sleeping: the first half spin, the second half yield.</summary>
    public const int DefaultRetries = 200;

    private readonly int _retries;
    private readonly TimeSpan _sleep;

    /// <summary>Creates the strategy with <see cref="DefaultRetries"/> and a 1 ms sleep.</summary>
    public SleepingWaitStrategy()
        : this(DefaultRetries, TimeSpan.FromMilliseconds(1))
    {
    }

    /// <summary>Creates the strategy.</summary>
    /// <param name="retries">Checks before the first sleep; the first half spin, the rest yield.</param>
    /// <param name="sleep">How long to sleep between checks once idle.</param>
    public SleepingWaitStrategy(int retries, TimeSpan sleep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retries);
        ArgumentOutOfRangeException.ThrowIfLessThan(sleep, TimeSpan.Zero);
        _retries = retries;
        _sleep = sleep;
    }

    /// <inheritdoc />
    public bool IsBlockingStrategy => false;

    /// <inheritdoc />
    public long WaitFor(long sequence, DependentSequenceGroup dependents, SequenceBarrier barrier)
    {
        ArgumentNullException.ThrowIfNull(dependents);
        ArgumentNullException.ThrowIfNull(barrier);
        var counter = _retries;
        var spinUntil = _retries / 2;
        long available;
        while ((available = dependents.Value) < sequence)
        {
            barrier.CheckAlert();
            if (counter > spinUntil)
            {
                counter--;
                Thread.SpinWait(1);
            }
            else if (counter > 0)
            {
                counter--;
                Thread.Yield();
            }
            else
            {
                Thread.Sleep(_sleep);
            }
        }

        return available;
    }

    /// <inheritdoc />
    public void SignalAllWhenBlocking()
    {
    }
}
