using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Centrex.Pipeline;

namespace Centrex.Bench.Pipeline;

/// <summary>
/// One producer (the benchmark thread) to one consumer (its own dedicated thread), 32-byte struct events, ring and
/// channel of the same <see cref="Capacity"/>. Each invocation publishes <see cref="EventsPerInvoke"/> events and
/// returns once the consumer has handled the last one, so the time covers the whole hand-off, not just publishing.
/// </summary>
/// <remarks>
/// The baseline is a bounded <see cref="Channel"/> of the same capacity (SingleWriter, SingleReader, FullMode.Wait),
/// made as fast as it goes: the producer calls <c>TryWrite</c> and, when full, spins/yields like the ring's producer
/// does; the reader thread drains with <c>TryRead</c> in a loop and, when empty, spins 100 times then yields, which
/// is the yielding wait strategy. No async continuations on either side (those cost far more per event).
/// </remarks>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class RingBufferThroughputBenchmarks
{
    public const int EventsPerInvoke = 1 << 22;
    private const int BatchSize = 16;

    private RingBuffer<ThroughputEvent>? _ring;
    private BatchEventProcessor<ThroughputEvent, SummingHandler>? _processor;
    private Thread? _consumerThread;

    private Channel<ThroughputEvent>? _channel;
    private Sequence? _channelConsumed;
    private long _channelPublished;
    private volatile bool _stopChannelReader;

    /// <summary>Ring slots and channel capacity: 1024 (the channel's natural size here) and 65536 (the size the
    /// Disruptor's own 1-to-1 throughput tests use).</summary>
    [Params(1024, 65536)]
    public int Capacity { get; set; }

    [GlobalSetup(Targets = [nameof(RingBuffer_Yielding), nameof(RingBuffer_Yielding_Batch16)])]
    public void SetupYielding() => StartRing(new YieldingWaitStrategy());

    [GlobalSetup(Target = nameof(RingBuffer_YieldingNoSpin))]
    public void SetupYieldingNoSpin() => StartRing(new YieldingWaitStrategy(spinTries: 0));

    [GlobalSetup(Target = nameof(RingBuffer_BusySpin))]
    public void SetupBusySpin() => StartRing(new BusySpinWaitStrategy());

    [GlobalSetup(Target = nameof(Channel_Bounded))]
    public void SetupChannel()
    {
        _channel = Channel.CreateBounded<ThroughputEvent>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _channelConsumed = new Sequence();
        _channelPublished = 0;
        _consumerThread = new Thread(ReadChannel) { IsBackground = true, Name = "channel reader" };
        _consumerThread.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _processor?.Halt();
        _stopChannelReader = true;
        _consumerThread?.Join();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerInvoke)]
    public long Channel_Bounded()
    {
        var writer = _channel!.Writer;
        var first = _channelPublished;
        for (long i = 0; i < EventsPerInvoke; i++)
        {
            var item = new ThroughputEvent { Value = first + i };
            if (!writer.TryWrite(item))
            {
                WriteWhenFull(writer, item);
            }
        }

        _channelPublished = first + EventsPerInvoke;
        var last = _channelPublished - 1;
        WaitUntil(_channelConsumed!, last);
        return last;
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public long RingBuffer_Yielding() => PublishOneByOne();

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public long RingBuffer_BusySpin() => PublishOneByOne();

    /// <summary>Yielding with no spin phase: a caught-up consumer yields at once instead of polling the cursor line
    /// the producer is writing. Shows how much of the cost is that polling.</summary>
    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public long RingBuffer_YieldingNoSpin() => PublishOneByOne();

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public long RingBuffer_Yielding_Batch16()
    {
        var ring = _ring!;
        long hi = 0;
        for (long i = 0; i < EventsPerInvoke; i += BatchSize)
        {
            hi = ring.Next(BatchSize);
            var lo = hi - (BatchSize - 1);
            for (var sequence = lo; sequence <= hi; sequence++)
            {
                ring[sequence].Value = sequence;
            }

            ring.Publish(lo, hi);
        }

        WaitUntil(_processor!.Sequence, hi);
        return hi;
    }

    private static void WaitUntil(Sequence sequence, long value)
    {
        var spinner = default(SpinWait);
        while (sequence.Value < value)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    private static void WriteWhenFull(ChannelWriter<ThroughputEvent> writer, ThroughputEvent item)
    {
        var spinner = default(SpinWait);
        while (!writer.TryWrite(item))
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    private long PublishOneByOne()
    {
        var ring = _ring!;
        long sequence = 0;
        for (long i = 0; i < EventsPerInvoke; i++)
        {
            sequence = ring.Next();
            ring[sequence].Value = sequence;
            ring.Publish(sequence);
        }

        WaitUntil(_processor!.Sequence, sequence);
        return sequence;
    }

    private void StartRing(IWaitStrategy waitStrategy)
    {
        _ring = RingBuffer<ThroughputEvent>.CreateSingleProducer(Capacity, waitStrategy);
        _processor = new BatchEventProcessor<ThroughputEvent, SummingHandler>(_ring, _ring.NewBarrier(), default);
        _ring.AddGatingSequences(_processor.Sequence);
        _consumerThread = new Thread(_processor.Run) { IsBackground = true, Name = "ring consumer" };
        _consumerThread.Start();
    }

    private void ReadChannel()
    {
        var reader = _channel!.Reader;
        var consumed = _channelConsumed!;
        long count = 0;
        long sum = 0;
        var idle = 0;
        while (!_stopChannelReader)
        {
            if (reader.TryRead(out var item))
            {
                // Drain what is there, then publish progress once, as the batch event processor does.
                do
                {
                    sum += item.Value;
                    count++;
                }
                while (reader.TryRead(out item));

                consumed.SetValue(count - 1);
                idle = 0;
            }
            else if (idle < YieldingWaitStrategy.DefaultSpinTries)
            {
                idle++;
            }
            else
            {
                Thread.Yield();
            }
        }

        GC.KeepAlive(sum);
    }
}
