using System.Diagnostics;
using System.Text;
using Centrex.Ledger.Journal;
using Centrex.Ledger.State;

namespace Centrex.Bench.Ledger;

/// <summary>Times each step of the ledger writer's append path alone, to see where a CDR's time goes.</summary>
internal static class LedgerStepProbe
{
    public static void Run(byte[] entries, int count, string folder)
    {
        var offsets = new int[count];
        var lengths = new int[count];
        for (int i = 0, offset = 0; i < count; i++)
        {
            lengths[i] = BitConverter.ToInt32(entries, offset);
            offsets[i] = offset + 4;
            offset += 4 + lengths[i];
        }

        var sw = Stopwatch.StartNew();
        ulong sink = 0;
        for (var i = 0; i < count; i++)
        {
            sink += NameHash.Of(JournalRecordKind.RatedCdr, RatedCdrCodec.Id(entries.AsSpan(offsets[i], lengths[i]))).Low;
        }

        Report("fingerprint", sw, count);
        var index = new IdIndex();
        sw.Restart();
        for (var i = 0; i < count; i++)
        {
            var name = NameHash.Of(JournalRecordKind.RatedCdr, RatedCdrCodec.Id(entries.AsSpan(offsets[i], lengths[i])));
            if (index.Find(name) < 0)
            {
                index.Add(name, i);
            }
        }

        Report("fingerprint + index find + add", sw, count);
        var totals = new PendingTotals();
        sw.Restart();
        for (var i = 0; i < count; i++)
        {
            var entry = entries.AsSpan(offsets[i], lengths[i]);
            totals.AddCall(RatedCdrCodec.Account(entry), UtcPeriod.FromUnixSeconds(RatedCdrCodec.StartUnixSeconds(entry)), true,
                RatedCdrCodec.BilledSeconds(entry), RatedCdrCodec.NetMills(entry), RatedCdrCodec.DiscountMills(entry));
        }

        Report("pending totals", sw, count);
        using var journal = new CdrJournal(Path.Combine(folder, "probe-journal"));
        sw.Restart();
        for (var i = 0; i < count; i++)
        {
            journal.Append(entries.AsSpan(offsets[i], lengths[i]));
        }

        Report("journal enqueue (one entry per CDR)", sw, count);
        sw.Restart();
        journal.Commit();
        Report("journal commit of all", sw, count);
        GC.KeepAlive(sink);
        GC.KeepAlive(Encoding.ASCII);
    }

    private static void Report(string step, Stopwatch sw, int count) =>
        Console.WriteLine($"  {step,-40} {sw.Elapsed.TotalMilliseconds * 1e6 / count,8:F0} ns/CDR");
}
