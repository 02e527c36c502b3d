namespace Centrex.Pipeline.Tests.Support;

/// <summary>
/// Consumer for multi-producer stress: producer <c>p</c> publishes values 0..perProducer-1 with
/// <see cref="TestEvent.Producer"/> = p. Counts every way the stream can be wrong; the test reads the counts after
/// the disruptor has drained and joined (so they are visible to it).
/// </summary>
internal sealed class ExactlyOnceChecker : IEventHandler<TestEvent>
{
    private readonly int _perProducer;
    private readonly long[] _nextPerProducer;
    private readonly bool[] _seen;

    public ExactlyOnceChecker(int producers, int perProducer)
    {
        _perProducer = perProducer;
        _nextPerProducer = new long[producers];
        _seen = new bool[producers * perProducer];
    }

    public long Received { get; private set; }

    public long Duplicates { get; private set; }

    public long OrderViolations { get; private set; }

    public long OutOfRange { get; private set; }

    public long Missing => _seen.LongCount(seen => !seen);

    public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
    {
        Received++;
        var producer = data.Producer;
        var value = data.Value;
        if ((uint)producer >= (uint)_nextPerProducer.Length || value < 0 || value >= _perProducer)
        {
            OutOfRange++;
            return;
        }

        var index = (producer * _perProducer) + (int)value;
        if (_seen[index])
        {
            Duplicates++;
        }

        _seen[index] = true;
        if (value != _nextPerProducer[producer])
        {
            OrderViolations++;
        }

        _nextPerProducer[producer] = value + 1;
    }
}
