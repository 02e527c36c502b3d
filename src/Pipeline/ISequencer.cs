namespace Centrex.Pipeline;

/// <summary>
/// Claim strategy of a ring buffer (the Disruptor's <c>Sequencer</c>): hands out sequences to producers, tracks
/// what has been published, and keeps producers from wrapping past the slowest gating consumer.
/// </summary>
/// <remarks>
/// The two implementations are sealed and <see cref="RingBuffer{T}"/> calls them through typed fields, not through
/// this interface, so the claim and publish fast paths are direct calls the JIT can inline. The interface is for
/// code that does not care which strategy it has.
/// </remarks>
public interface ISequencer
{
    /// <summary>Number of slots in the ring.</summary>
    int BufferSize { get; }

    /// <summary>The producer cursor: for a single producer the highest published sequence, for multiple producers
    /// the highest claimed one (use <see cref="GetHighestPublishedSequence"/> to learn what is readable).</summary>
    long Cursor { get; }

    /// <summary>Claims the next sequence, waiting for capacity if the ring is full.</summary>
    /// <returns>The claimed sequence.</returns>
    long Next();

    /// <summary>Claims <paramref name="n"/> consecutive sequences, waiting for capacity if needed.</summary>
    /// <param name="n">How many, from 1 to <see cref="BufferSize"/>.</param>
    /// <returns>The highest claimed sequence; the claim is <c>hi - n + 1 .. hi</c>.</returns>
    long Next(int n);

    /// <summary>Claims the next sequence only if the ring has room now.</summary>
    /// <param name="sequence">The claimed sequence, when the result is <see langword="true"/>.</param>
    /// <returns>Whether a sequence was claimed.</returns>
    bool TryNext(out long sequence);

    /// <summary>Claims <paramref name="n"/> sequences only if the ring has room for all of them now.</summary>
    /// <param name="n">How many, from 1 to <see cref="BufferSize"/>.</param>
    /// <param name="sequence">The highest claimed sequence, when the result is <see langword="true"/>.</param>
    /// <returns>Whether the sequences were claimed.</returns>
    bool TryNext(int n, out long sequence);

    /// <summary>Makes a claimed sequence visible to consumers.</summary>
    /// <param name="sequence">A sequence returned by a claim.</param>
    void Publish(long sequence);

    /// <summary>Makes a claimed range visible to consumers.</summary>
    /// <param name="lo">Lowest sequence of the range.</param>
    /// <param name="hi">Highest sequence of the range.</param>
    void Publish(long lo, long hi);

    /// <summary>Whether <paramref name="sequence"/> has been published (and not yet been lapped).</summary>
    /// <param name="sequence">The sequence to check.</param>
    /// <returns><see langword="true"/> when consumers may read it.</returns>
    bool IsAvailable(long sequence);

    /// <summary>The highest sequence in <c>lowerBound .. availableSequence</c> such that it and everything below it
    /// in the range is published; <c>lowerBound - 1</c> if <paramref name="lowerBound"/> itself is not.</summary>
    /// <param name="lowerBound">The first sequence the caller wants.</param>
    /// <param name="availableSequence">The highest sequence that may be published (usually the cursor).</param>
    /// <returns>The highest contiguously published sequence.</returns>
    long GetHighestPublishedSequence(long lowerBound, long availableSequence);

    /// <summary>Free slots: the buffer size minus what has been claimed and not yet consumed by the slowest gating
    /// sequence.</summary>
    /// <returns>The number of slots a producer could claim without waiting.</returns>
    long RemainingCapacity();

    /// <summary>Whether <paramref name="requiredCapacity"/> slots could be claimed without waiting.</summary>
    /// <param name="requiredCapacity">Number of slots.</param>
    /// <returns><see langword="true"/> when there is room.</returns>
    bool HasAvailableCapacity(int requiredCapacity);

    /// <summary>Adds consumer sequences that producers must not lap. Each is first moved to the cursor.</summary>
    /// <param name="gatingSequences">The consumers' sequences.</param>
    void AddGatingSequences(params Sequence[] gatingSequences);

    /// <summary>Stops a sequence from gating producers.</summary>
    /// <param name="sequence">The sequence to remove.</param>
    /// <returns><see langword="true"/> when it was gating.</returns>
    bool RemoveGatingSequence(Sequence sequence);

    /// <summary>The minimum of the gating sequences and the cursor: everything at or below it is consumed by every
    /// gating consumer.</summary>
    /// <returns>The slowest consumer's position.</returns>
    long GetMinimumSequence();

    /// <summary>Creates a barrier consumers wait on: it opens when the cursor, and every sequence in
    /// <paramref name="dependentSequences"/>, has reached a slot.</summary>
    /// <param name="dependentSequences">Upstream consumers' sequences; empty for a first-stage consumer.</param>
    /// <returns>A new barrier.</returns>
    SequenceBarrier NewBarrier(params Sequence[] dependentSequences);
}
