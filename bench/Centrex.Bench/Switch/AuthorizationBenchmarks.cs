using System.Text;
using BenchmarkDotNet.Attributes;
using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Centrex.Rating;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;
using Centrex.Samples;
using Centrex.Switch.Authorization;
using NodaTime;

namespace Centrex.Bench.Switch;

/// <summary>
/// Balance authorization against the 3,000-prefix sample tariff and a real ledger (FasterKV balance read): rate the
/// number, read the balance, compute the longest affordable call, hold its price, release. Baseline: the affordable
/// duration arithmetic alone (128-bit, exact).
/// </summary>
[MemoryDiagnoser]
public class AuthorizationBenchmarks
{
    private static readonly byte[] Callee = "+442079460123"u8.ToArray();
    private readonly SwitchAccount _prepaid = new("prepaid-1", AccountType.Debit);
    private readonly SwitchAccount _credit = new("credit-1", AccountType.Credit, new Mills(1_000_000));
    private string _folder = string.Empty;
    private LedgerStore? _ledger;
    private CallAuthorizer? _authorizer;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "centrex-bench-auth-" + Guid.NewGuid().ToString("N"));
        _ledger = LedgerStore.Open(_folder);
        _ledger.Writer.TryPostMovement(new BalanceMovement("top-up", _prepaid.Id, MovementKind.TopUp, new Mills(50_000), Instant.FromUnixTimeSeconds(1_790_000_000), "bench"));
        _ledger.Writer.Commit();
        var tariff = TariffLoader.Parse(Encoding.UTF8.GetBytes("prefix,destination,rate,connect_fee,first_increment,next_increment\n" + string.Join("\n", SampleTariffBuilder.Build(3_000))), "sample");
        _authorizer = new CallAuthorizer(new Rater(tariff, NumberingPlan.Default), new LedgerBalanceSource(_ledger));
        if (!_authorizer.TryAuthorize(_prepaid, Callee, out var check, out var why))
        {
            throw new InvalidOperationException(why.Reason);
        }

        check.Release();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ledger?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int AffordableDurationOnly() =>
        AffordableDuration.MaxSeconds(new MicroDollars(23_000), new MicroDollars(10_000), 30, 6, new Mills(50_000));

    [Benchmark]
    public bool AuthorizePrepaidAndRelease() =>
        _authorizer!.TryAuthorize(_prepaid, Callee, out var call, out _) && call.Release();

    [Benchmark]
    public bool AuthorizeCreditAndRelease() =>
        _authorizer!.TryAuthorize(_credit, Callee, out var call, out _) && call.Release();
}
