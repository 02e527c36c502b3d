using System.Runtime.CompilerServices;

namespace Centrex.Pipeline;

/// <summary>
/// The gate a consumer waits at (the Disruptor's <c>ProcessingSequenceBarrier</c>): it opens for a sequence once the
/// producers have published it and every upstream consumer has processed it, and it can be alerted to wake a
/// waiting consumer that is being halted.
/// </summary>
public sealed class SequenceBarrier
{
    private readonly IWaitStrategy _waitStrategy;
    private readonly DependentSequenceGroup _dependents;

    // Set only for a first-stage barrier on a multi-producer ring: there the cursor counts claims, and the highest
    // readable sequence has to be found in the availability buffer.
    private readonly MultiProducerSequencer? _publishedSequences;
    private volatile bool _alerted;

    internal SequenceBarrier(
        IWaitStrategy waitStrategy,
        Sequence cursor,
        Sequence[]? dependentSequences,
        MultiProducerSequencer? publishedSequences)
    {
        _waitStrategy = waitStrategy;
        var dependencies = (Sequence[]?)dependentSequences?.Clone() ?? [];
        foreach (var dependency in dependencies)
        {
            ArgumentNullException.ThrowIfNull(dependency, nameof(dependentSequences));
        }

        _dependents = new DependentSequenceGroup(cursor, dependencies);
        _publishedSequences = publishedSequences;
    }

    /// <summary>Whether <see cref="Alert"/> has been called since the last <see cref="ClearAlert"/>.</summary>
    public bool IsAlerted => _alerted;

    /// <summary>The producer cursor.</summary>
    public long Cursor => _dependents.CursorValue;

    /// <summary>What this barrier waits on.</summary>
    public DependentSequenceGroup Dependents => _dependents;

    /// <summary>
    /// Waits until <paramref name="sequence"/> may be read and returns the highest sequence that may be read, which
    /// can be higher (the consumer then processes the whole batch). For a multi-producer ring this is the highest
    /// <em>contiguously</em> published sequence, which can be <em>lower</em> than <paramref name="sequence"/> when a
    /// producer has claimed the slot but not yet published it; call again in that case.
    /// </summary>
    /// <param name="sequence">The next sequence the consumer needs.</param>
    /// <returns>The highest readable sequence.</returns>
    /// <exception cref="AlertException">The barrier was alerted (the consumer is being halted).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long WaitFor(long sequence)
    {
        if (_alerted)
        {
            ThrowHelper.ThrowAlert();
        }

        // Fast path: when the consumer is behind, the slot is already there; do not enter the strategy at all.
        var available = _dependents.Value;
        if (available < sequence)
        {
            available = _waitStrategy.WaitFor(sequence, _dependents, this);
        }

        return _publishedSequences is null ? available : _publishedSequences.GetHighestPublishedSequence(sequence, available);
    }

    /// <summary>Throws <see cref="AlertException"/> if the barrier is alerted; wait strategies call it while
    /// waiting.</summary>
    /// <exception cref="AlertException">The barrier was alerted.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CheckAlert()
    {
        if (_alerted)
        {
            ThrowHelper.ThrowAlert();
        }
    }

    /// <summary>Alerts the barrier: waiting and future <see cref="WaitFor"/> calls throw
    /// <see cref="AlertException"/> until <see cref="ClearAlert"/>. Wakes consumers parked by a blocking
    /// strategy.</summary>
    public void Alert()
    {
        _alerted = true;
        _waitStrategy.SignalAllWhenBlocking();
    }

    /// <summary>Clears the alert.</summary>
    public void ClearAlert() => _alerted = false;
}
