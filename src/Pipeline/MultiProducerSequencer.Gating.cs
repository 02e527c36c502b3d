namespace Centrex.Pipeline;

/// <summary>Capacity queries, gating-sequence management and barrier creation: the cold half of the
/// multi-producer sequencer.</summary>
public sealed partial class MultiProducerSequencer
{
    /// <inheritdoc />
    public bool HasAvailableCapacity(int requiredCapacity) => HasCapacity(requiredCapacity, _cursor.Value);

    /// <inheritdoc />
    public long RemainingCapacity()
    {
        var produced = _cursor.Value;
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
    /// <remarks>Only a first-stage barrier (no dependents) scans the availability buffer: downstream consumers wait
    /// on upstream sequences, which never pass an unpublished slot.</remarks>
    public SequenceBarrier NewBarrier(params Sequence[] dependentSequences) =>
        new(_waitStrategy, _cursor, dependentSequences, publishedSequences: dependentSequences is { Length: > 0 } ? null : this);
}
