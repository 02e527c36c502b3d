using Centrex.Ledger;
using Centrex.Pipeline;
using Centrex.Rating;
using Centrex.Switch.Authorization;

namespace Centrex.Switch.Cdrs;

/// <summary>
/// The switch's <see cref="ICdrSink"/>: a ring buffer (the pipeline's Disruptor, many producers: every B2BUA thread)
/// feeding one stage that stores, rates and charges (<see cref="RateAndChargeHandler"/>) through the ledger's writer
/// thread, which it shares with everything else that charges in the service.
/// </summary>
public sealed class RealTimeCdrSink : ICdrSink, IDisposable
{
    private readonly Disruptor<CdrSlot> _disruptor;
    private readonly RingBuffer<CdrSlot> _ring;
    private readonly CdrStore _store;
    private readonly CommitSignal _signal = new();
    private bool _disposed;

    /// <summary>Starts the sink.</summary>
    /// <param name="rater">Rates chargeable calls; null (with <paramref name="ledger"/>) to store CDRs only.</param>
    /// <param name="ledger">The durable ledger's writer thread: charges lower its balances; null with <paramref name="rater"/>.</param>
    /// <param name="dataDirectory">Where the CDR store lives (<c>DATA/cdrs</c>).</param>
    /// <param name="ringSize">Slots in the ring, a power of two: CDRs that may wait for the stage before
    /// <see cref="Emit"/> blocks.</param>
    /// <param name="adjust">Adjusts each call's entry before it is charged (volume discounts), or null.</param>
    public RealTimeCdrSink(Rater? rater, LedgerWriterThread? ledger, string dataDirectory, int ringSize = 4096, ChargeAdjuster? adjust = null)
    {
        if ((rater is null) != (ledger is null))
        {
            throw new ArgumentException("a rater charges through a ledger: give both or neither", nameof(ledger));
        }

        _store = new CdrStore(dataDirectory);
        _disruptor = new Disruptor<CdrSlot>(ringSize, ProducerType.Multi, new BlockingWaitStrategy());
        _disruptor.HandleEventsWith(new RateAndChargeHandler(rater, ledger, _store, _signal, Counters, Health, adjust));
        _ring = _disruptor.Start();
    }

    /// <summary>Whether charging works; why not when it stopped.</summary>
    public ChargingHealth Health { get; } = new();

    /// <summary>What the sink has done.</summary>
    public CdrSinkCounters Counters { get; } = new();

    /// <summary>CDRs emitted and not yet through the stage (stored, and charged when rated): the ring's occupied slots.
    /// Read from any thread, so approximate.</summary>
    public long Backlog => _ring.BufferSize - _ring.RemainingCapacity();

    /// <summary>Slots in the stage's ring.</summary>
    public int RingSize => _ring.BufferSize;

    /// <inheritdoc />
    public long Emit(SwitchCdr cdr, CallAuthorization? authorization = null)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var sequence = _ring.Next();
        ref var slot = ref _ring[sequence];
        slot.Cdr = cdr;
        slot.Authorization = authorization;
        slot.EmittedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        _ring.Publish(sequence);
        return sequence;
    }

    /// <inheritdoc />
    public void WaitForCommit(long ticket, CancellationToken cancellation) => _signal.Wait(ticket, cancellation);

    /// <summary>Drains what was emitted (stored, charged, committed), then stops.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _disruptor.Shutdown(Timeout.InfiniteTimeSpan);
        }
        finally
        {
            _store.Dispose();
        }
    }
}
