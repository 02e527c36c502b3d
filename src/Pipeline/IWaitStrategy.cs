namespace Centrex.Pipeline;

/// <summary>
/// How a consumer waits for a sequence to become available (the Disruptor's <c>WaitStrategy</c>): the trade between
/// latency, throughput and burnt CPU. One instance is shared by a ring buffer's producers and all its barriers.
/// </summary>
public interface IWaitStrategy
{
    /// <summary>
    /// Whether consumers may block in <see cref="WaitFor"/> and producers must call
    /// <see cref="SignalAllWhenBlocking"/> after publishing. Sequencers read it once and skip the call per publish
    /// for spinning strategies.
    /// </summary>
    bool IsBlockingStrategy { get; }

    /// <summary>
    /// Waits until <paramref name="dependents"/> reaches <paramref name="sequence"/> and returns the value it reached
    /// (possibly higher). Must call <see cref="SequenceBarrier.CheckAlert"/> while waiting so a halt can interrupt it.
    /// </summary>
    /// <param name="sequence">The sequence the consumer needs.</param>
    /// <param name="dependents">The cursor and the upstream consumers' sequences.</param>
    /// <param name="barrier">The barrier waiting, for alert checks.</param>
    /// <returns>The highest sequence the dependents have reached, at least <paramref name="sequence"/>.</returns>
    /// <exception cref="AlertException">The barrier was alerted.</exception>
    long WaitFor(long sequence, DependentSequenceGroup dependents, SequenceBarrier barrier);

    /// <summary>Wakes consumers blocked in <see cref="WaitFor"/>; called by producers after publishing and by
    /// <see cref="SequenceBarrier.Alert"/>. A no-op for spinning strategies.</summary>
    void SignalAllWhenBlocking();
}
