using System.Runtime.CompilerServices;

namespace Centrex.Pipeline;

/// <summary>
/// What a consumer waits on: the producer cursor and, for a downstream stage, the sequences of the stage before it.
/// Its <see cref="Value"/> is the minimum of those upstream sequences (or the cursor for a first stage): a slot is
/// ready for this consumer only when every upstream consumer is done with it.
/// </summary>
public sealed class DependentSequenceGroup
{
    private readonly Sequence _cursor;
    private readonly Sequence[] _dependencies;

    // The common cases (first stage: the cursor; one upstream consumer) read a single sequence without a loop.
    private readonly Sequence? _single;

    internal DependentSequenceGroup(Sequence cursor, Sequence[] dependencies)
    {
        _cursor = cursor;
        _dependencies = dependencies;
        _single = dependencies.Length switch
        {
            0 => cursor,
            1 => dependencies[0],
            _ => null,
        };
    }

    /// <summary>The producer cursor (highest published for a single producer, highest claimed for several).</summary>
    public long CursorValue
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _cursor.Value;
    }

    /// <summary>How far the consumer may read: the cursor for a first stage, otherwise the slowest upstream
    /// consumer's sequence.</summary>
    public long Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _single is { } single ? single.Value : SequenceGroups.Minimum(_dependencies, long.MaxValue);
    }

    /// <summary>Number of upstream consumer sequences (0 for a first stage).</summary>
    public int DependencyCount => _dependencies.Length;
}
