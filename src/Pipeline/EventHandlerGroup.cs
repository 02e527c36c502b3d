namespace Centrex.Pipeline;

/// <summary>
/// A set of consumers wired into a <see cref="Disruptor{T}"/>, used to attach the next stage: handlers added with
/// <see cref="Then{THandler}"/> process a slot only after every consumer in this group has processed it.
/// </summary>
/// <typeparam name="T">The ring entry.</typeparam>
public sealed class EventHandlerGroup<T>
    where T : struct
{
    private readonly Disruptor<T> _disruptor;
    private readonly IEventProcessor[] _processors;

    internal EventHandlerGroup(Disruptor<T> disruptor, IEventProcessor[] processors)
    {
        _disruptor = disruptor;
        _processors = processors;
    }

    /// <summary>The processors in this group, in the order their handlers were given.</summary>
    public IReadOnlyList<IEventProcessor> Processors => _processors;

    /// <summary>Adds a stage after this group: each handler gets its own processor and thread, and sees a slot only
    /// after every consumer in this group is done with it.</summary>
    /// <typeparam name="THandler">The handler type; the processor is specialised for it.</typeparam>
    /// <param name="handlers">The next stage's handlers (they run in parallel with each other).</param>
    /// <returns>The new stage.</returns>
    public EventHandlerGroup<T> Then<THandler>(params THandler[] handlers)
        where THandler : IEventHandler<T> =>
        _disruptor.CreateEventProcessors(Sequences(), handlers);

    /// <summary>Adds a stage of handlers of different types after this group (interface call per event).</summary>
    /// <param name="handlers">The next stage's handlers.</param>
    /// <returns>The new stage.</returns>
    public EventHandlerGroup<T> Then(params IEventHandler<T>[] handlers) =>
        _disruptor.CreateEventProcessors(Sequences(), handlers);

    /// <summary>A group holding this group's consumers and <paramref name="other"/>'s: the next stage waits for all
    /// of them (a diamond's join).</summary>
    /// <param name="other">A group from the same disruptor.</param>
    /// <returns>The combined group.</returns>
    public EventHandlerGroup<T> And(EventHandlerGroup<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(other._disruptor, _disruptor))
        {
            ThrowHelper.ThrowArgument("Groups from different disruptors cannot be combined.", nameof(other));
        }

        return new EventHandlerGroup<T>(_disruptor, [.. _processors, .. other._processors]);
    }

    /// <summary>A barrier that opens only after every consumer in this group, for a hand-built consumer.</summary>
    /// <returns>A new barrier.</returns>
    public SequenceBarrier AsSequenceBarrier() => _disruptor.RingBuffer.NewBarrier(Sequences());

    private Sequence[] Sequences()
    {
        var sequences = new Sequence[_processors.Length];
        for (var i = 0; i < sequences.Length; i++)
        {
            sequences[i] = _processors[i].Sequence;
        }

        return sequences;
    }
}
