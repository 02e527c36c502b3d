using System.Runtime.CompilerServices;

namespace Centrex.Pipeline;

/// <summary>
/// The Disruptor's batch event processor: waits on its barrier, hands every available entry to the handler in
/// sequence order, then publishes its own <see cref="Sequence"/> once for the whole batch.
/// </summary>
/// <typeparam name="T">The ring entry.</typeparam>
/// <typeparam name="THandler">The handler type. The processor is generic over it (Disruptor-net's
/// <c>EventProcessor&lt;T, TDataProvider, TSequenceBarrier, TEventHandler, TBatchStartAware&gt;</c>, Kestrel's
/// <c>HttpParser&lt;TRequestHandler&gt;</c>) so a struct or sealed-class handler is called directly and inlined;
/// with <see cref="IEventHandler{T}"/> itself it makes an interface call per event.</typeparam>
/// <remarks>
/// <para>Run it on a dedicated thread (<see cref="Disruptor{T}"/> does). Per event it does one masked index and one
/// handler call; per batch one barrier check and one release store of its sequence, so consumers publish progress
/// without a fence per event, and a consumer that fell behind catches up in large batches.</para>
/// <para>Faults: if the handler (or a hook) throws, the processor records a <see cref="PipelineFaultException"/>
/// (handler, sequence, the exception), sets its sequence to the last event it completed, stops, and reports the
/// fault to its owner; the <see cref="Disruptor{T}"/> then halts the whole pipeline and rethrows the fault from
/// <see cref="Disruptor{T}.Shutdown"/>. Events are never skipped past a failure.</para>
/// </remarks>
public sealed partial class BatchEventProcessor<T, THandler> : IEventProcessor
    where T : struct
    where THandler : IEventHandler<T>
{
    private const int Idle = 0;
    private const int Running = 1;
    private const int Halted = 2;

    private readonly RingBuffer<T> _ringBuffer;
    private readonly SequenceBarrier _barrier;
    private readonly Sequence _sequence = new();
    private readonly Action<PipelineFaultException>? _faultObserver;

    // For a struct handler with hooks: the single boxed copy that both the hooks (through their interfaces) and
    // OnEvent (through HandlerReference) act on, so the hooks see the state OnEvent writes. Null otherwise.
    private readonly object? _handlerBox;
    private readonly IBatchStartAware? _batchStartAware;
    private readonly ILifecycleAware? _lifecycleAware;
    private THandler _handler;
    private int _state;
    private volatile PipelineFaultException? _fault;

    /// <summary>Creates a processor; call <see cref="Run"/> on the thread that should process.</summary>
    /// <param name="ringBuffer">The ring to read.</param>
    /// <param name="barrier">Where to wait: from <see cref="RingBuffer{T}.NewBarrier"/>. Give each processor its
    /// own barrier, so halting one does not alert another.</param>
    /// <param name="handler">The handler; a struct handler is copied into the processor (see
    /// <see cref="Handler"/>).</param>
    public BatchEventProcessor(RingBuffer<T> ringBuffer, SequenceBarrier barrier, THandler handler)
        : this(ringBuffer, barrier, handler, faultObserver: null)
    {
    }

    internal BatchEventProcessor(
        RingBuffer<T> ringBuffer,
        SequenceBarrier barrier,
        THandler handler,
        Action<PipelineFaultException>? faultObserver)
    {
        ArgumentNullException.ThrowIfNull(ringBuffer);
        ArgumentNullException.ThrowIfNull(barrier);
        if (handler is null)
        {
            throw new ArgumentNullException(nameof(handler));
        }

        _ringBuffer = ringBuffer;
        _barrier = barrier;
        _faultObserver = faultObserver;
        HandlerName = handler.GetType().Name;
        _handler = handler;
        if (typeof(THandler).IsValueType && handler is IBatchStartAware or ILifecycleAware)
        {
            // One box, here, at construction; nothing is boxed per event.
            _handlerBox = handler;
            _batchStartAware = _handlerBox as IBatchStartAware;
            _lifecycleAware = _handlerBox as ILifecycleAware;
        }
        else
        {
            _batchStartAware = handler as IBatchStartAware;
            _lifecycleAware = handler as ILifecycleAware;
        }
    }

    /// <inheritdoc />
    public Sequence Sequence => _sequence;

    /// <summary>The barrier this processor waits on.</summary>
    public SequenceBarrier Barrier => _barrier;

    /// <inheritdoc />
    public bool IsRunning => Volatile.Read(ref _state) == Running;

    /// <inheritdoc />
    public PipelineFaultException? Fault => _fault;

    /// <summary>The handler this processor calls. For a struct handler this is the processor's own copy, the one
    /// that accumulates state; read it after the processor has stopped.</summary>
    public ref THandler Handler => ref HandlerReference();

    /// <summary>The handler's type name, for thread names and fault messages.</summary>
    public string HandlerName { get; }

    /// <inheritdoc />
    public void Halt()
    {
        Volatile.Write(ref _state, Halted);
        _barrier.Alert();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref THandler HandlerReference()
    {
        if (_handlerBox is null)
        {
            return ref _handler;
        }

        // A boxed value and an instance of a class whose only field is that value have the same layout (method
        // table pointer, then the value), so the box can be read as a HandlerBox to get a reference to the value
        // inside it without unboxing a copy. This is the trick CommunityToolkit.HighPerformance's Box<T> relies on;
        // Unsafe.Unbox would do the same but needs a struct constraint THandler cannot have.
        return ref Unsafe.As<HandlerBox>(_handlerBox).Value;
    }

    private sealed class HandlerBox
    {
        public THandler Value = default!;
    }
}
