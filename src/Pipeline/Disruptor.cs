namespace Centrex.Pipeline;

/// <summary>
/// Wires a <see cref="RingBuffer{T}"/> and its consumers into a dependency graph and runs each consumer on a
/// dedicated thread (the Disruptor's DSL).
/// </summary>
/// <typeparam name="T">The ring entry.</typeparam>
/// <example>
/// <code>
/// var disruptor = new Disruptor&lt;Cdr&gt;(1024, ProducerType.Multi, new YieldingWaitStrategy());
/// var classify = disruptor.HandleEventsWith(new Normalize()).Then(new Classify());
/// classify.Then(new Rate()).Then(new Account(), new Journal());  // Account and Journal run in parallel
/// disruptor.Start();
/// disruptor.PublishEvent(static (ref Cdr slot, long _, ReadOnlySpan&lt;byte&gt; raw) => ..., bytes);
/// disruptor.Shutdown(TimeSpan.FromSeconds(5));
/// </code>
/// </example>
/// <remarks>
/// Wire everything before <see cref="Start"/>; the consumers that nothing depends on gate the producers. Stop
/// producing before <see cref="Shutdown"/>: it drains what was published when it was called.
/// </remarks>
public sealed partial class Disruptor<T>
    where T : struct
{
    private readonly RingBuffer<T> _ringBuffer;

    // Wiring, lifecycle and faults only: never taken on the event path.
    private readonly Lock _gate = new();
    private readonly List<ConsumerInfo> _consumers = [];
    private readonly List<PipelineFaultException> _faults = [];
    private State _state;

    /// <summary>Creates the ring; nothing runs until <see cref="Start"/>.</summary>
    /// <param name="ringSize">Slots, a positive power of two.</param>
    /// <param name="producerType">One publishing thread or several.</param>
    /// <param name="waitStrategy">How consumers wait.</param>
    /// <param name="factory">Fills each slot once (for entries holding pre-allocated buffers), or
    /// <see langword="null"/>.</param>
    public Disruptor(int ringSize, ProducerType producerType, IWaitStrategy waitStrategy, Func<T>? factory = null)
    {
        _ringBuffer = RingBuffer<T>.Create(producerType, ringSize, waitStrategy, factory);
    }

    private enum State
    {
        Configuring,
        Started,
        Stopped,
    }

    /// <summary>The ring producers claim and publish on.</summary>
    public RingBuffer<T> RingBuffer => _ringBuffer;

    /// <summary>Handler failures so far, in the order they happened.</summary>
    public IReadOnlyList<PipelineFaultException> Faults
    {
        get
        {
            lock (_gate)
            {
                return [.. _faults];
            }
        }
    }

    /// <summary>Adds first-stage consumers: they read each slot as soon as it is published, in parallel with each
    /// other.</summary>
    /// <typeparam name="THandler">The handler type; the processor is specialised for it.</typeparam>
    /// <param name="handlers">One processor and thread each.</param>
    /// <returns>The stage, to attach the next one with <see cref="EventHandlerGroup{T}.Then{THandler}"/>.</returns>
    public EventHandlerGroup<T> HandleEventsWith<THandler>(params THandler[] handlers)
        where THandler : IEventHandler<T> =>
        CreateEventProcessors([], handlers);

    /// <summary>Adds first-stage consumers of different handler types (interface call per event).</summary>
    /// <param name="handlers">One processor and thread each.</param>
    /// <returns>The stage.</returns>
    public EventHandlerGroup<T> HandleEventsWith(params IEventHandler<T>[] handlers) => CreateEventProcessors([], handlers);

    /// <summary>The group of already-wired consumers running <paramref name="handlers"/>, to build arbitrary graphs:
    /// <c>After(a1, a2).Then(b)</c>.</summary>
    /// <param name="handlers">Class handler instances given to this disruptor before (struct handlers have no
    /// identity: keep the group returned when wiring them instead).</param>
    /// <returns>Their group.</returns>
    /// <exception cref="ArgumentException">A handler was not wired here.</exception>
    public EventHandlerGroup<T> After(params IEventHandler<T>[] handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        lock (_gate)
        {
            var processors = new IEventProcessor[handlers.Length];
            for (var i = 0; i < handlers.Length; i++)
            {
                var consumer = _consumers.Find(c => c.HandlerIdentity is not null && ReferenceEquals(c.HandlerIdentity, handlers[i]));
                if (consumer is null)
                {
                    ThrowHelper.ThrowArgument(
                        $"Handler {handlers[i]?.GetType().Name ?? "null"} is not wired to this disruptor (struct handlers cannot be looked up; use the group returned when wiring them).",
                        nameof(handlers));
                }

                processors[i] = consumer.Processor;
            }

            return new EventHandlerGroup<T>(this, processors);
        }
    }

    /// <summary>Claims a slot, fills it and publishes it; see
    /// <see cref="RingBuffer{T}.PublishEvent{TArg}(EventTranslator{T, TArg}, TArg)"/>.</summary>
    /// <typeparam name="TArg">The argument type.</typeparam>
    /// <param name="translator">A static lambda.</param>
    /// <param name="arg">Passed to the translator.</param>
    /// <returns>The published sequence.</returns>
    public long PublishEvent<TArg>(EventTranslator<T, TArg> translator, TArg arg)
        where TArg : allows ref struct =>
        _ringBuffer.PublishEvent(translator, arg);

    /// <summary>Claims a slot, fills it with a struct translator and publishes it.</summary>
    /// <typeparam name="TTranslator">The translator; a struct is specialised and inlined.</typeparam>
    /// <typeparam name="TArg">The argument type.</typeparam>
    /// <param name="translator">The translator.</param>
    /// <param name="arg">Passed to the translator.</param>
    /// <returns>The published sequence.</returns>
    public long PublishEvent<TTranslator, TArg>(TTranslator translator, TArg arg)
        where TTranslator : IEventTranslator<T, TArg>
        where TArg : allows ref struct =>
        _ringBuffer.PublishEvent<TTranslator, TArg>(translator, arg);

    internal EventHandlerGroup<T> CreateEventProcessors<THandler>(Sequence[] barrierSequences, THandler[] handlers)
        where THandler : IEventHandler<T>
    {
        ArgumentNullException.ThrowIfNull(handlers);
        if (handlers.Length == 0)
        {
            ThrowHelper.ThrowArgument("At least one handler is needed.", nameof(handlers));
        }

        foreach (var handler in handlers)
        {
            ArgumentNullException.ThrowIfNull(handler, nameof(handlers));
        }

        lock (_gate)
        {
            if (_state != State.Configuring)
            {
                ThrowHelper.ThrowInvalidOperation("Consumers must be wired before Start().");
            }

            var processors = new IEventProcessor[handlers.Length];
            var sequences = new Sequence[handlers.Length];
            for (var i = 0; i < handlers.Length; i++)
            {
                // A barrier per processor: halting one processor alerts its own barrier only.
                var barrier = _ringBuffer.NewBarrier(barrierSequences);
                var processor = new BatchEventProcessor<T, THandler>(_ringBuffer, barrier, handlers[i], OnProcessorFault);
                processors[i] = processor;
                sequences[i] = processor.Sequence;
                _consumers.Add(new ConsumerInfo(processor, typeof(THandler).IsValueType ? null : handlers[i], processor.HandlerName));
            }

            // Gate the producers on the new stage before releasing the stage it follows, so there is no moment when
            // the producers are gated by neither.
            _ringBuffer.AddGatingSequences(sequences);
            foreach (var upstream in barrierSequences)
            {
                _ringBuffer.RemoveGatingSequence(upstream);
            }

            return new EventHandlerGroup<T>(this, processors);
        }
    }
}
