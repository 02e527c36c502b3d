namespace Centrex.Pipeline;

/// <summary>Claim, fill and publish in one call. The slot is published even if the translator throws (in a
/// <see langword="finally"/>, as the Disruptor does): an unpublished claim would stall every consumer forever, while
/// a half-filled slot is the caller's bug to see.</summary>
public sealed partial class RingBuffer<T>
{
    /// <summary>Claims a slot, fills it with <paramref name="translator"/> and publishes it.</summary>
    /// <typeparam name="TArg">The argument type.</typeparam>
    /// <param name="translator">A static lambda (no captures, so no allocation).</param>
    /// <param name="arg">Passed to the translator.</param>
    /// <returns>The published sequence.</returns>
    public long PublishEvent<TArg>(EventTranslator<T, TArg> translator, TArg arg)
        where TArg : allows ref struct
    {
        ArgumentNullException.ThrowIfNull(translator);
        var sequence = Next();
        try
        {
            translator(ref this[sequence], sequence, arg);
        }
        finally
        {
            Publish(sequence);
        }

        return sequence;
    }

    /// <summary>Claims a slot, fills it with a struct <paramref name="translator"/> and publishes it.</summary>
    /// <typeparam name="TTranslator">The translator; a struct is specialised and inlined.</typeparam>
    /// <typeparam name="TArg">The argument type.</typeparam>
    /// <param name="translator">The translator.</param>
    /// <param name="arg">Passed to the translator.</param>
    /// <returns>The published sequence.</returns>
    public long PublishEvent<TTranslator, TArg>(TTranslator translator, TArg arg)
        where TTranslator : IEventTranslator<T, TArg>
        where TArg : allows ref struct
    {
        var sequence = Next();
        try
        {
            translator.Translate(ref this[sequence], sequence, arg);
        }
        finally
        {
            Publish(sequence);
        }

        return sequence;
    }

    /// <summary>Like <see cref="PublishEvent{TArg}(EventTranslator{T, TArg}, TArg)"/>, but returns
    /// <see langword="false"/> instead of waiting when the ring is full.</summary>
    /// <typeparam name="TArg">The argument type.</typeparam>
    /// <param name="translator">A static lambda.</param>
    /// <param name="arg">Passed to the translator.</param>
    /// <returns>Whether the event was published.</returns>
    public bool TryPublishEvent<TArg>(EventTranslator<T, TArg> translator, TArg arg)
        where TArg : allows ref struct
    {
        ArgumentNullException.ThrowIfNull(translator);
        if (!TryNext(out var sequence))
        {
            return false;
        }

        try
        {
            translator(ref this[sequence], sequence, arg);
        }
        finally
        {
            Publish(sequence);
        }

        return true;
    }

    /// <summary>Claims one slot per argument as a single batch, fills each and publishes the batch at once.</summary>
    /// <typeparam name="TArg">The argument type.</typeparam>
    /// <param name="translator">A static lambda.</param>
    /// <param name="args">One event each; at most <see cref="BufferSize"/>.</param>
    /// <returns>The highest published sequence, or the cursor if <paramref name="args"/> is empty.</returns>
    public long PublishEvents<TArg>(EventTranslator<T, TArg> translator, ReadOnlySpan<TArg> args)
    {
        ArgumentNullException.ThrowIfNull(translator);
        if (args.IsEmpty)
        {
            return Cursor;
        }

        var hi = Next(args.Length);
        var lo = hi - args.Length + 1;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                translator(ref this[lo + i], lo + i, args[i]);
            }
        }
        finally
        {
            Publish(lo, hi);
        }

        return hi;
    }
}
