using System.Runtime.CompilerServices;

namespace Centrex.Pipeline;

/// <summary>Claiming and publishing: the producer's hot path. Each call dispatches on the sealed sequencer type
/// (a predictable branch) so the claim inlines, instead of an interface call per event.</summary>
public sealed partial class RingBuffer<T>
{
    /// <summary>Claims the next slot, waiting while the ring is full. Fill it through the indexer, then
    /// <see cref="Publish(long)"/> it.</summary>
    /// <returns>The claimed sequence.</returns>
    /// <exception cref="PipelineHaltedException">The ring is full and its consumers were halted.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next()
    {
        var single = _fields.Single;
        return single is not null ? single.Next() : _fields.Multi!.Next();
    }

    /// <summary>Claims <paramref name="n"/> consecutive slots, waiting while the ring is too full.</summary>
    /// <param name="n">How many, from 1 to <see cref="BufferSize"/>.</param>
    /// <returns>The highest claimed sequence; the claim is <c>hi - n + 1 .. hi</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is out of range.</exception>
    /// <exception cref="PipelineHaltedException">The ring is full and its consumers were halted.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next(int n)
    {
        var single = _fields.Single;
        return single is not null ? single.Next(n) : _fields.Multi!.Next(n);
    }

    /// <summary>Claims the next slot if the ring has room now.</summary>
    /// <param name="sequence">The claimed sequence.</param>
    /// <returns>Whether a slot was claimed.</returns>
    public bool TryNext(out long sequence)
    {
        var single = _fields.Single;
        return single is not null ? single.TryNext(1, out sequence) : _fields.Multi!.TryNext(1, out sequence);
    }

    /// <summary>Claims <paramref name="n"/> slots if the ring has room for all of them now.</summary>
    /// <param name="n">How many, from 1 to <see cref="BufferSize"/>.</param>
    /// <param name="sequence">The highest claimed sequence.</param>
    /// <returns>Whether the slots were claimed.</returns>
    public bool TryNext(int n, out long sequence)
    {
        var single = _fields.Single;
        return single is not null ? single.TryNext(n, out sequence) : _fields.Multi!.TryNext(n, out sequence);
    }

    /// <summary>Makes a claimed slot visible to consumers.</summary>
    /// <param name="sequence">The claimed sequence.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long sequence)
    {
        var single = _fields.Single;
        if (single is not null)
        {
            single.Publish(sequence);
        }
        else
        {
            _fields.Multi!.Publish(sequence);
        }
    }

    /// <summary>Makes a claimed range visible to consumers.</summary>
    /// <param name="lo">Lowest sequence of the claim.</param>
    /// <param name="hi">Highest sequence of the claim (the value <see cref="Next(int)"/> returned).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long lo, long hi)
    {
        var single = _fields.Single;
        if (single is not null)
        {
            single.Publish(lo, hi);
        }
        else
        {
            _fields.Multi!.Publish(lo, hi);
        }
    }

    /// <summary>Whether <paramref name="sequence"/> has been published and not lapped.</summary>
    /// <param name="sequence">The sequence.</param>
    /// <returns><see langword="true"/> when consumers may read it.</returns>
    public bool IsPublished(long sequence) => _fields.Sequencer.IsAvailable(sequence);

    /// <summary>Slots a producer could claim now without waiting.</summary>
    /// <returns>Free slots.</returns>
    public long RemainingCapacity() => _fields.Sequencer.RemainingCapacity();

    /// <summary>Whether <paramref name="requiredCapacity"/> slots could be claimed now without waiting.</summary>
    /// <param name="requiredCapacity">Number of slots.</param>
    /// <returns><see langword="true"/> when there is room.</returns>
    public bool HasAvailableCapacity(int requiredCapacity) => _fields.Sequencer.HasAvailableCapacity(requiredCapacity);

    /// <summary>Creates a barrier for a consumer that reads after the producers and after every consumer in
    /// <paramref name="dependents"/>.</summary>
    /// <param name="dependents">Upstream consumers' sequences; none for a first-stage consumer.</param>
    /// <returns>A new barrier.</returns>
    public SequenceBarrier NewBarrier(params Sequence[] dependents) => _fields.Sequencer.NewBarrier(dependents);

    /// <summary>Registers consumers producers must not lap; each sequence is first moved to the cursor.</summary>
    /// <param name="gatingSequences">The consumers' sequences.</param>
    public void AddGatingSequences(params Sequence[] gatingSequences) => _fields.Sequencer.AddGatingSequences(gatingSequences);

    /// <summary>Stops a consumer from gating producers.</summary>
    /// <param name="sequence">Its sequence.</param>
    /// <returns><see langword="true"/> when it was gating.</returns>
    public bool RemoveGatingSequence(Sequence sequence) => _fields.Sequencer.RemoveGatingSequence(sequence);

    /// <summary>The slowest gating consumer's sequence (or the cursor, if lower or if there are none).</summary>
    /// <returns>The minimum gating sequence.</returns>
    public long GetMinimumGatingSequence() => _fields.Sequencer.GetMinimumSequence();
}
