using System.Diagnostics;
using Centrex.Ledger;
using Centrex.Pipeline;
using Centrex.Rating;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Csv;

namespace Centrex.RatingRun;

/// <summary>
/// Rates a CDR file through the ring-buffer pipeline: read (this thread) → evaluate (one handler per core) → write,
/// slots reused so memory stays bounded. With a ledger, the write stage also appends every rated call to the durable
/// journal and commits each chunk (group commit) before writing its lines. Outputs are written under temporary names
/// and renamed only when the whole file is done (and committed), so a failed run never leaves a half-rated file that
/// looks complete.
/// </summary>
internal sealed class CdrFileRatingJob(Rater rater, RatingRunOptions options, LedgerWriter? ledger = null, RatingDiscounts? discounts = null)
{
    private const string PartialSuffix = ".partial";

    /// <summary>Progress, readable from another thread while <see cref="Run"/> works.</summary>
    public RatingProgress? Progress { get; private set; }

    /// <summary>Runs the whole file.</summary>
    /// <param name="cancellation">Stops reading; what was read is drained, then the partial outputs are removed.</param>
    /// <exception cref="CsvFormatException">The CDR file's header is wrong (nothing is written).</exception>
    /// <exception cref="IOException">A file cannot be read or written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; no output file was left behind.</exception>
    public RatingRunResult Run(CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        using var input = new FileStream(options.CdrsPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        CdrHeaderCheck.Check(input, options.CdrsPath, options.MaxRecordBytes);
        Progress = new RatingProgress(input.Length);

        var ratedPartial = options.RatedPath + PartialSuffix;
        var rejectsPartial = options.RejectsPath + PartialSuffix;
        var tally = new RatingTally();
        long idIndexBytes;
        try
        {
            using (var rated = OpenOutput(ratedPartial, CdrCsv.RatedHeaderLine))
            using (var rejects = OpenOutput(rejectsPartial, CdrCsv.RejectsHeaderLine))
            {
                idIndexBytes = Pump(input, rated, rejects, tally, cancellation);
                ledger?.Commit();
                rated.Flush(flushToDisk: true);
                rejects.Flush(flushToDisk: true);
            }

            File.Move(ratedPartial, options.RatedPath, overwrite: true);
            File.Move(rejectsPartial, options.RejectsPath, overwrite: true);
        }
        catch
        {
            File.Delete(ratedPartial);
            File.Delete(rejectsPartial);
            throw;
        }

        return new RatingRunResult(tally, stopwatch.Elapsed, input.Length, idIndexBytes);
    }

    private long Pump(FileStream input, FileStream rated, FileStream rejects, RatingTally tally, CancellationToken cancellation)
    {
        // Evaluating (parse, rate, claim the id, render) is nearly all the work, so it runs as one handler per core,
        // each taking every n-th chunk and doing all of it on its core; writing follows in file order. Only the id
        // index is shared between the handlers. There are more threads than cores: a waiting stage must give its core
        // away, not spin or yield in a loop. A chunk is milliseconds of work, so the sleeping strategy's 1 ms wake-up
        // costs nothing in throughput.
        var chunkBytes = options.ChunkBytes;
        var evaluators = Math.Clamp(options.Evaluators, 1, ConcurrentCdrIdIndex.MaxWriters);
        var ids = new ConcurrentCdrIdIndex(ConcurrentCdrIdIndex.MaxIdsInFile(input.Length), evaluators);
        var disruptor = new Disruptor<CdrChunk>(options.RingSize, ProducerType.Single, new SleepingWaitStrategy(), () => CdrChunk.Create(chunkBytes));
        var ringBuffer = disruptor.RingBuffer;
        disruptor.HandleEventsWith([.. Enumerable.Range(0, evaluators).Select(k => new EvaluateChunkHandler(rater, ids, ringBuffer, k, evaluators, encodeJournal: ledger is not null))])
            .Then(new WriteChunkHandler(rated, rejects, tally, Progress!, ledger, discounts));
        var ring = disruptor.Start();
        var reader = new CdrChunkReader(input, options.MaxRecordBytes);
        try
        {
            while (!reader.Finished)
            {
                cancellation.ThrowIfCancellationRequested();
                var sequence = Claim(ring, disruptor);
                try
                {
                    reader.Fill(ref ring[sequence]);
                }
                catch
                {
                    ring[sequence].RecordCount = 0;
                    ring[sequence].SourceBytes = 0;
                    throw;
                }
                finally
                {
                    // Publish even when reading failed: a claimed slot must be released for shutdown to drain.
                    ring.Publish(sequence);
                }
            }
        }
        catch (PipelineHaltedException)
        {
            // A stage failed and halted the ring; Shutdown below rethrows that stage's fault.
        }
        finally
        {
            ShutdownAndRethrow(disruptor);
        }

        return ids.AllocatedBytes;
    }

    /// <summary>
    /// Claims the next slot, sleeping while the ring is full (the reader is far ahead of the stages; yielding in a loop
    /// would take CPU from them). Gives up when a stage has failed, since the ring will never drain.
    /// </summary>
    private static long Claim(RingBuffer<CdrChunk> ring, Disruptor<CdrChunk> disruptor)
    {
        long sequence;
        while (!ring.TryNext(out sequence))
        {
            if (disruptor.Faults.Count > 0)
            {
                throw new PipelineHaltedException("a pipeline stage failed; the ring will not drain", disruptor.Faults[0]);
            }

            Thread.Sleep(1);
        }

        return sequence;
    }

    private static void ShutdownAndRethrow(Disruptor<CdrChunk> disruptor)
    {
        try
        {
            disruptor.Shutdown(Timeout.InfiniteTimeSpan);
        }
        catch (PipelineFaultException fault) when (fault.InnerException is IOException io)
        {
            throw new IOException(io.Message, io);
        }
        catch (PipelineFaultException fault) when (fault.InnerException is LedgerUnavailableException ledgerFault)
        {
            throw new LedgerUnavailableException(ledgerFault.Folder, ledgerFault.InnerException ?? ledgerFault);
        }
    }

    private static FileStream OpenOutput(string path, ReadOnlySpan<byte> header)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        stream.Write(header);
        return stream;
    }
}
