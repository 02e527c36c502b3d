using System.Runtime.CompilerServices;
using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Centrex.Pipeline;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Csv;

namespace Centrex.RatingRun;

/// <summary>
/// The write stage, in file order, after every evaluate handler is past the chunk: applies revocations (records that
/// turned out to be duplicates), applies volume discounts (<see cref="RatingDiscounts"/>), appends the chunk's rated calls to the durable ledger when there is one (a call whose
/// id an earlier run charged becomes a duplicate there) and commits them, adds the chunk's counts to the run's, renders
/// the rejects lines and appends the rated lines (skipping the ones rejected after all) and the rejects to their files.
/// </summary>
internal sealed class WriteChunkHandler(Stream rated, Stream rejects, RatingTally tally, RatingProgress progress, LedgerWriter? ledger = null, RatingDiscounts? discounts = null)
    : IEventHandler<CdrChunk>
{
    /// <summary>Commit once this much journal is waiting…</summary>
    private const long GroupCommitBytes = 32L << 20;

    /// <summary>…or this long has passed since the last commit, whichever comes first.</summary>
    private static readonly TimeSpan GroupCommitInterval = TimeSpan.FromMilliseconds(250);

    private readonly ByteBuffer _rejectLines = new(64 * 1024);
    private readonly System.Diagnostics.Stopwatch _sinceCommit = System.Diagnostics.Stopwatch.StartNew();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnEvent(ref CdrChunk chunk, long sequence, bool endOfBatch)
    {
        tally.Add(chunk.Tally);
        _rejectLines.Clear();
        var lines = chunk.Rated.Written;
        var journal = chunk.Journal.Written;
        var revoked = Volatile.Read(ref chunk.RevokedCount);
        var written = 0;
        var input = chunk.Input.AsSpan();
        for (var i = 0; i < chunk.RecordCount; i++)
        {
            var status = chunk.Status[i];
            ref readonly var evaluation = ref chunk.Evaluations[i];
            var isRevoked = revoked != 0 && chunk.Revoked[i] != 0;
            RejectReason reason;
            var field = CdrField.None;
            if (status is RecordStatus.Rated or RecordStatus.NoRate)
            {
                reason = isRevoked ? RejectReason.Duplicate : RejectReason.NoRate;
                if (status == RecordStatus.Rated && !isRevoked)
                {
                    var entry = journal.Slice(evaluation.JournalStart, evaluation.JournalLength);
                    if (discounts is not null && discounts.Covers(entry) && !ledger!.ContainsCdr(RatedCdrCodec.Id(entry)))
                    {
                        // In file order, only for a call that will be charged: its discount moves the counters once.
                        discounts.Apply(entry);
                    }

                    var appended = ledger?.TryAppendEncodedCdr(entry) ?? CdrAppend.Appended;
                    if (appended == CdrAppend.Appended)
                    {
                        continue;
                    }

                    (reason, field) = appended == CdrAppend.Duplicate ? (RejectReason.Duplicate, CdrField.None) : (RejectReason.Malformed, CdrField.Account);
                }

                if (reason != RejectReason.NoRate)
                {
                    tally.Revise(status == RecordStatus.Rated, reason, chunk.Records[i].Line, field, evaluation.Call.Charge, evaluation.Call.BilledSeconds);
                }

                if (status == RecordStatus.Rated)
                {
                    // Leave the record's rated line out: write what comes before it.
                    rated.Write(lines[written..evaluation.RatedLineStart]);
                    written = evaluation.RatedLineStart + evaluation.RatedLineLength;
                }
            }
            else
            {
                reason = status == RecordStatus.Malformed ? RejectReason.Malformed : RejectReason.Duplicate;
            }

            ref readonly var record = ref chunk.Records[i];
            RejectLine.Write(record.Line, input.Slice(record.Start, record.Length)[evaluation.Id], reason, _rejectLines);
        }

        // Group commit: one journal commit covers many chunks. Nothing is acknowledged before the last one, because the
        // outputs only become the run's result (renamed into place) after the job's final commit.
        if (ledger is not null && (ledger.UncommittedBytes >= GroupCommitBytes || _sinceCommit.Elapsed >= GroupCommitInterval))
        {
            ledger.Commit();
            _sinceCommit.Restart();
        }

        rated.Write(lines[written..]);
        rejects.Write(_rejectLines.Written);
        progress.Advance(chunk.SourceBytes, chunk.RecordCount);
    }
}
