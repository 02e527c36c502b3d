using System.Text;
using BenchmarkDotNet.Attributes;
using Centrex.Ledger;
using Centrex.Rating;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;
using Centrex.Samples;
using Centrex.Switch.Admission;
using Centrex.Switch.Cdrs;
using NodaTime;

namespace Centrex.Bench.Switch;

/// <summary>
/// Real-time rating latency: one answered call emitted into the sink and waited for until it is stored, rated,
/// journaled and committed (FasterLog commit and the CDR file's flush to disk): the time from the switch's BYE to the
/// moved balance, when the switch is otherwise idle (each CDR is its own batch, the worst case for group commit).
/// </summary>
[MemoryDiagnoser]
public class CdrSinkBenchmarks
{
    private string _folder = string.Empty;
    private LedgerStore? _ledger;
    private LedgerWriterThread? _writer;
    private RealTimeCdrSink? _sink;
    private long _next;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "centrex-bench-sink-" + Guid.NewGuid().ToString("N"));
        _ledger = LedgerStore.Open(_folder);
        var tariff = TariffLoader.Parse(Encoding.UTF8.GetBytes("prefix,destination,rate,connect_fee,first_increment,next_increment\n" + string.Join("\n", SampleTariffBuilder.Build(3_000))), "sample");
        _writer = new LedgerWriterThread(_ledger.Writer);
        _sink = new RealTimeCdrSink(new Rater(tariff, NumberingPlan.Default), _writer, _folder);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sink?.Dispose();
        _writer?.Dispose();
        _ledger?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public long EmitAndWaitForCommit()
    {
        var start = Instant.FromUtc(2026, 10, 1, 9, 0);
        var id = "b" + _next++;
        var cdr = new SwitchCdr(id, "acme", "4165550100", "2125551234", "12125551234", start, start + Duration.FromSeconds(3),
            start + Duration.FromSeconds(64), 61, CallDisposition.Answered, id, "PCMU", "HQ", CallDirection.Outgoing, false);
        var ticket = _sink!.Emit(cdr);
        _sink.WaitForCommit(ticket, CancellationToken.None);
        return ticket;
    }
}
