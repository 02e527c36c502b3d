using System.Collections.Concurrent;
using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Centrex.Rating.Money;

namespace Centrex.Ingestion;

/// <summary>
/// The one thread that writes ingestion batches to the ledger. It takes every batch waiting, appends each whole (its
/// calls, then the batch record with each row's outcome), commits them together (group commit) and only then answers
/// their requests, so an acknowledged batch is durable and a batch is never half applied: a crash before the commit
/// loses the whole group, which the clients resend under the same keys.
/// </summary>
internal sealed class IngestionWriter : IDisposable
{
    /// <summary>Most batches committed together.</summary>
    private const int MaxGroup = 256;

    private readonly LedgerWriter _ledger;
    private readonly BlockingCollection<Pending> _queue = new(boundedCapacity: 4096);
    private readonly Thread _thread;
    private volatile Exception? _fault;

    public IngestionWriter(LedgerWriter ledger)
    {
        _ledger = ledger;
        _thread = new Thread(Run) { Name = "centrex-ingestion-writer", IsBackground = true };
        _thread.Start();
    }

    /// <summary>Queues a batch; completes once it is committed (or failed).</summary>
    /// <exception cref="LedgerUnavailableException">The ledger failed earlier; the process must restart to recover.</exception>
    public Task<BatchResult> SubmitAsync(ParsedBatch batch)
    {
        if (_fault is { } fault)
        {
            throw fault is LedgerUnavailableException unavailable ? unavailable : new InvalidOperationException("the ledger writer stopped", fault);
        }

        var pending = new Pending(batch, new TaskCompletionSource<BatchResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Add(pending);
        return pending.Completion.Task;
    }

    /// <summary>Stops taking batches, finishes the queued ones, and checkpoints.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        if (_fault is null)
        {
            _ledger.Checkpoint();
        }

        _queue.Dispose();
    }

    private void Run()
    {
        var group = new List<(Pending Batch, BatchResult Result)>(MaxGroup);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            group.Clear();
            var next = first;
            do
            {
                if (_fault is not null)
                {
                    next.Completion.SetException(_fault);
                    continue;
                }

                try
                {
                    group.Add((next, Apply(next.Batch)));
                }
                catch (Exception e)
                {
                    _fault = e;
                    next.Completion.SetException(e);
                }
            }
            while (group.Count < MaxGroup && _queue.TryTake(out next!));

            Complete(group);
        }
    }

    private void Complete(List<(Pending Batch, BatchResult Result)> group)
    {
        try
        {
            if (_fault is null)
            {
                _ledger.Commit();
            }
        }
        catch (Exception e)
        {
            _fault = e;
        }

        foreach (var (pending, result) in group)
        {
            if (_fault is null)
            {
                pending.Completion.SetResult(result);
            }
            else
            {
                pending.Completion.SetException(_fault);
            }
        }
    }

    private BatchResult Apply(ParsedBatch batch)
    {
        var rows = new RowOutcome[batch.Rows.Count];
        if (_ledger.FindBatch(batch.Key) is { } earlier)
        {
            if (earlier.BodyHash != batch.BodyHash || earlier.Rows.Count != rows.Length)
            {
                return new BatchResult(batch.Key, Replayed: false, KeyConflict: true, []);
            }

            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = new RowOutcome(batch.Rows[i].Line, batch.Rows[i].Id, earlier.Rows[i].Outcome, earlier.Rows[i].Charge);
            }

            return new BatchResult(batch.Key, Replayed: true, KeyConflict: false, rows);
        }

        var journal = batch.Journal.Written;
        var recorded = new BatchRow[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = batch.Rows[i];
            var outcome = BatchOutcome.NoRate;
            var charge = Mills.Zero;
            if (row.Priced)
            {
                var entry = journal.Slice(row.JournalStart, row.JournalLength);
                outcome = _ledger.TryAppendEncodedCdr(entry) == CdrAppend.Appended ? BatchOutcome.Rated : BatchOutcome.Duplicate;
                charge = outcome == BatchOutcome.Rated ? new Mills(RatedCdrCodec.NetMills(entry)) : Mills.Zero;
            }

            recorded[i] = new BatchRow(outcome, charge);
            rows[i] = new RowOutcome(row.Line, row.Id, outcome, charge);
        }

        _ledger.AppendBatch(new AcceptedBatch(batch.Key, batch.BodyHash, recorded));
        return new BatchResult(batch.Key, Replayed: false, KeyConflict: false, rows);
    }

    private sealed record Pending(ParsedBatch Batch, TaskCompletionSource<BatchResult> Completion);
}
