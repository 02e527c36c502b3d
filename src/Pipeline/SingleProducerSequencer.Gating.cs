namespace Centrex.Pipeline;

/// <summary>Capacity queries, gating-sequence management and barrier creation: the cold half of the
/// single-producer sequencer.</summary>
public sealed partial class SingleProducerSequencer
{
    /// <inheritdoc />
    /// <remarks>Safe to call from any thread: it only reads (the producer's own <c>TryNext</c> refreshes the
    /// cache).</remarks>
    public bool HasAvailableCapacity(int requiredCapacity) => HasCapacity(requiredCapacity, updateCache: false);

    /// <inheritdoc />
    public long RemainingCapacity()
    {
        var produced = _nextValue;
        var consumed = SequenceGroups.Minimum(Volatile.Read(ref _gatingSequences), produced);
        return _bufferSize - (produced - consumed);
    }

    /// <inheritdoc />
    public void AddGatingSequences(params Sequence[] gatingSequences) =>
        SequenceGroups.Add(ref _gatingSequences, () => _cursor.Value, gatingSequences);

    /// <inheritdoc />
    public bool RemoveGatingSequence(Sequence sequence) => SequenceGroups.Remove(ref _gatingSequences, sequence);

    /// <inheritdoc />
    public long GetMinimumSequence() => SequenceGroups.Minimum(Volatile.Read(ref _gatingSequences), _cursor.Value);

    /// <inheritdoc />
    public SequenceBarrier NewBarrier(params Sequence[] dependentSequences) =>
        new(_waitStrategy, _cursor, dependentSequences, publishedSequences: null);
}
