using System.Globalization;
using Centrex.Bench.Ledger;
using Centrex.Cli;
using Centrex.Cli.Tests.Ingestion;
using Centrex.Ingestion;
using Centrex.Ledger.Journal;
using Centrex.Rating.Money;

namespace Centrex.Bench.Ingestion;

/// <summary>
/// The request side of serve's ingestion (issue 16) apart from HTTP and the ledger writer: a batch's body parsed and
/// rated (<see cref="BatchParser"/>, as serve builds it from the tariff and the data directory's account rules) and its
/// 200 answer written (<see cref="BatchResponse"/>, and through Utf8JsonWriter as before for comparison), with every row rated as the writer would answer a batch of new
/// CDRs. Times the thread's own CPU per CDR for each half, after untimed warm-up passes.
/// <code>
/// Centrex.Bench.dll ingest-request-cpu TARIFF DATA CDRS [BATCH] [PASSES]
/// </code>
/// </summary>
internal static class RequestSideProbe
{
    public static void Run(string tariff, string data, string cdrs, string[] args)
    {
        var batchRows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var passes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var rater = RaterFiles.Load(tariff, null, null, null, data);
        var parser = new BatchParser(rater, new IngestionLimits());
        var bodies = Batches(File.ReadAllBytes(cdrs), batchRows);
        var rows = bodies.Sum(b => b.Rows);
        Console.WriteLine($"{bodies.Count} batches, {rows:N0} rows");
        var scratch = new byte[bodies.Max(b => b.Body.Length)];
        for (var pass = 0; pass < passes + 2; pass++)
        {
            double parse = 0, answer = 0, reference = 0;
            long bytes = 0;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            foreach (var (body, _) in bodies)
            {
                body.CopyTo(scratch, 0); // parsing unescapes in place
                var t0 = WriterCpuProbe.ThreadCpu();
                var batch = parser.Parse("k", scratch, body.Length);
                var t1 = WriterCpuProbe.ThreadCpu();
                var result = AllRated(batch);
                var t2 = WriterCpuProbe.ThreadCpu();
                bytes += Answer(batch, result, BatchResponse.WriteResult);
                var t3 = WriterCpuProbe.ThreadCpu();
                Answer(batch, result, Utf8JsonBatchAnswer.Write);
                var t4 = WriterCpuProbe.ThreadCpu();
                batch.Release();
                parse += t1 - t0;
                answer += t3 - t2;
                reference += t4 - t3;
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(pass < 2 ? "warm-up" : "pass")} {pass}: parse+rate {parse * 1e6 / rows:F3} us/CDR, answer {answer * 1e6 / rows:F3} us/CDR (through Utf8JsonWriter {reference * 1e6 / rows:F3}; {bytes / (double)rows:F1} B/CDR), allocated {allocated / (double)rows:F1} B/CDR"));
        }
    }

    // What the writer answers for a batch of new CDRs: each priced row rated at its encoded net charge.
    private static BatchResult AllRated(ParsedBatch batch)
    {
        var recorded = new BatchRow[batch.Count];
        for (var i = 0; i < recorded.Length; i++)
        {
            var row = batch.Rows[i];
            recorded[i] = row.Priced
                ? new BatchRow(BatchOutcome.Rated, new Mills(RatedCdrCodec.NetMills(batch.Journal.Slice(row.JournalStart, row.JournalLength))))
                : new BatchRow(BatchOutcome.NoRate, Mills.Zero);
        }

        return new BatchResult("k", Replayed: false, KeyConflict: false, recorded);
    }

    private static int Answer(ParsedBatch batch, BatchResult result, Action<PooledBuffer, ParsedBatch, BatchResult> write)
    {
        using var buffer = new PooledBuffer(1024 + (result.Rows.Count * BatchResponse.BytesPerRow));
        write(buffer, batch, result);
        return buffer.Length;
    }

    private static List<(byte[] Body, int Rows)> Batches(byte[] file, int batchRows)
    {
        var headerEnd = Array.IndexOf(file, (byte)'\n') + 1;
        var batches = new List<(byte[], int)>();
        var start = headerEnd;
        while (start < file.Length)
        {
            var end = start;
            var n = 0;
            while (end < file.Length && n < batchRows)
            {
                end = Array.IndexOf(file, (byte)'\n', end) + 1;
                if (end == 0)
                {
                    end = file.Length;
                }

                n++;
            }

            var body = new byte[headerEnd + (end - start)];
            file.AsSpan(0, headerEnd).CopyTo(body);
            file.AsSpan(start, end - start).CopyTo(body.AsSpan(headerEnd));
            batches.Add((body, n));
            start = end;
        }

        return batches;
    }
}
