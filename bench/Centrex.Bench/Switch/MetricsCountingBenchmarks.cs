using System.Text;
using BenchmarkDotNet.Attributes;
using Centrex.Switch.Metrics;
using Centrex.Switch.Sip;
using Centrex.Switch.Transport;
using Prometheus;

namespace Centrex.Bench.Switch;

/// <summary>
/// What counting costs per message (issue 14: no allocation per message on receive, parse and route). The router parses
/// each message (the baseline) and counts it; the send stage reads each outgoing message's start line and CSeq and
/// counts it. Beside them, the alternatives measured before choosing: a prometheus-net counter child bound to its
/// labels once (the library counting at event time) and a plain single-writer increment.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class MetricsCountingBenchmarks
{
    private const int Batch = 1024;

    private readonly SipMessage _message = new();
    private readonly SwitchMetrics _metrics = new();
    private byte[] _invite = null!;
    private byte[] _ok = null!;
    private Counter.Child _child = null!;
    private long _plain;

    [GlobalSetup]
    public void Setup()
    {
        _invite = Centrex.Switch.Tests.Sip.SampleMessages.InviteBytes;
        _ok = Encoding.ASCII.GetBytes(
            "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport=5060\r\nFrom: <sip:101@centrex.example>;tag=1928301774\r\n" +
            "To: <sip:102@centrex.example>;tag=a6c85cf\r\nCall-ID: a84b4c76e66710@pc33.example\r\nCSeq: 314159 INVITE\r\n" +
            "Contact: <sip:192.0.2.1:5060>\r\nContent-Length: 0\r\n\r\n");
        if (_message.Parse(_invite) != SipParseError.None || !OutgoingMessageKind.TryRead(_ok, out _, out _))
        {
            throw new InvalidOperationException("the samples must parse");
        }

        var registry = Metrics.NewCustomRegistry();
        _child = Metrics.WithCustomRegistry(registry).CreateCounter("bench_requests_total", "bench", ["transport", "method"]).WithLabels("udp", "INVITE");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int Parse()
    {
        var errors = 0;
        for (var i = 0; i < Batch; i++)
        {
            errors += (int)_message.Parse(_invite);
        }

        return errors;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int ParseAndCount()
    {
        var errors = 0;
        for (var i = 0; i < Batch; i++)
        {
            errors += (int)_message.Parse(_invite);
            _metrics.Received.Count(SipTransportKind.Udp, _message);
        }

        return errors;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void CountReceived()
    {
        for (var i = 0; i < Batch; i++)
        {
            _metrics.Received.Count(SipTransportKind.Udp, _message);
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void ReadAndCountSent()
    {
        for (var i = 0; i < Batch; i++)
        {
            if (OutgoingMessageKind.TryRead(_ok, out var method, out var status))
            {
                _metrics.Sent.CountResponse(SipTransportKind.Udp, method, status);
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void PrometheusBoundChildInc()
    {
        for (var i = 0; i < Batch; i++)
        {
            _child.Inc();
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void PlainIncrement()
    {
        for (var i = 0; i < Batch; i++)
        {
            Volatile.Write(ref _plain, _plain + 1);
        }
    }
}
