using System.Text;
using BenchmarkDotNet.Attributes;
using Centrex.Rating;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;
using Centrex.Samples;

namespace Centrex.Bench.Rating;

/// <summary>
/// The rating kernel on parsed fields (normalize + classify + longest-prefix match + charge) over a realistic mix of
/// dialed numbers against the 3,000-prefix sample tariff. Target: at least 20 million CDRs/s on one core, 0 bytes
/// allocated. Baseline: <see cref="NaiveRater"/>.
/// </summary>
[MemoryDiagnoser]
public class RatingKernelBenchmarks
{
    private const int Calls = 4_096;

    private Rater _rater = null!;
    private NaiveRater _naive = null!;
    private byte[][] _callees = null!;
    private string[] _calleeStrings = null!;
    private int[] _durations = null!;

    [GlobalSetup]
    public void Setup()
    {
        var tariff = TariffLoader.Parse(Encoding.UTF8.GetBytes("prefix,destination,rate,connect_fee,first_increment,next_increment\n" + string.Join("\n", SampleTariffBuilder.Build(3_000))), "sample");
        _rater = new Rater(tariff, NumberingPlan.Default);
        _naive = new NaiveRater(tariff);
        (_calleeStrings, _durations) = SampleCalls.Generate(Calls);
        _callees = [.. _calleeStrings.Select(Encoding.ASCII.GetBytes)];
        for (var i = 0; i < Calls; i++)
        {
            _rater.Rate(_callees[i], _durations[i], out var call);
            var expected = _naive.Rate(_calleeStrings[i], _durations[i]);
            if (expected >= 0 && expected != call.Charge.Value)
            {
                throw new InvalidOperationException($"kernel and baseline disagree on {_calleeStrings[i]} for {_durations[i]} s");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public long DictionaryLongestFirst()
    {
        long total = 0;
        for (var i = 0; i < Calls; i++)
        {
            total += _naive.Rate(_calleeStrings[i], _durations[i]);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public long Kernel()
    {
        long total = 0;
        var callees = _callees;
        var durations = _durations;
        for (var i = 0; i < callees.Length; i++)
        {
            _rater.Rate(callees[i], durations[i], out var call);
            total += call.Charge.Value;
        }

        return total;
    }
}
