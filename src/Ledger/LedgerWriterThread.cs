using System.Collections.Concurrent;

namespace Centrex.Ledger;

/// <summary>
/// The one thread that writes to a ledger, shared by everything that charges in a running service (ingestion batches,
/// the switch's real-time CDRs). Work items run in arrival order; the thread takes every item waiting, runs them, then
/// commits once for all of them (group commit) and only then completes their tasks, so a completed task means its
/// entries are durable and applied. An item must append everything it means to append or nothing. An item that throws
/// before changing the ledger fails alone (<see cref="LedgerWorkFailedException"/>) and the thread goes on; an I/O
/// failure, or an item that throws after appending part of its work, faults the thread: it refuses every later item
/// (<see cref="LedgerUnavailableException"/>), because the process must restart and recover from the committed journal.
/// </summary>
public sealed class LedgerWriterThread : IDisposable
{
    /// <summary>Most items committed together.</summary>
    private const int MaxGroup = 512;

    private readonly LedgerWriter _writer;
    private readonly BlockingCollection<IWork> _queue = new(boundedCapacity: 8192);
    private readonly Thread _thread;
    private volatile LedgerUnavailableException? _fault;
    private readonly Action<TimeSpan>? _committed;
    private long _notCommitted;
    private bool _disposed;

    /// <summary>Starts the thread; from now on only it may use <paramref name="writer"/>.</summary>
    /// <param name="writer">The ledger's writer.</param>
    /// <param name="committed">Told how long each group commit took (the service's commit-latency histogram), on the
    /// writer thread right after the commit: it must be quick and must not throw.</param>
    public LedgerWriterThread(LedgerWriter writer, Action<TimeSpan>? committed = null)
    {
        _writer = writer;
        _committed = committed;
        _thread = new Thread(Run) { Name = "centrex-ledger-writer", IsBackground = true };
        _thread.Start();
    }

    /// <summary>Why the ledger stopped writing during this run, or null while it has not.</summary>
    public LedgerUnavailableException? Fault => _fault;

    /// <summary>Work items refused or failed because of <see cref="Fault"/>: none of them was committed.</summary>
    public long NotCommitted => Interlocked.Read(ref _notCommitted);

    /// <summary>
    /// Runs <paramref name="work"/> on the writer thread; its task completes once what it appended is committed. The
    /// task fails with <see cref="LedgerWorkFailedException"/> when the work threw before appending anything (the
    /// ledger goes on), and with <see cref="LedgerUnavailableException"/> when the ledger failed (nothing is committed
    /// any more until the process restarts).
    /// </summary>
    /// <exception cref="LedgerUnavailableException">The ledger failed earlier; the process must restart to recover.</exception>
    public Task<T> Submit<T>(Func<LedgerWriter, T> work)
    {
        if (_fault is { } fault)
        {
            Interlocked.Increment(ref _notCommitted);
            throw fault;
        }

        var item = new Work<T>(work);
        _queue.Add(item);
        return item.Completion.Task;
    }

    /// <summary>Stops taking work, finishes and commits what is queued, and checkpoints.</summary>
    public void Dispose()
    {
        // Once: serve stops the thread explicitly to report what is committed, and again when its scope ends.
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _queue.CompleteAdding();
        _thread.Join();
        if (_fault is null)
        {
            try
            {
                _writer.Checkpoint();
            }
            catch (LedgerUnavailableException e)
            {
                // Everything acknowledged is committed (recovery replays it), but the caller must hear that the ledger
                // failed rather than a clean stop.
                _fault = e;
            }
        }

        _queue.Dispose();
    }

    private void Run()
    {
        var group = new List<IWork>(MaxGroup);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            group.Clear();
            var next = first;
            do
            {
                if (_fault is null)
                {
                    RunOne(next);
                }

                group.Add(next);
            }
            while (group.Count < MaxGroup && _queue.TryTake(out next!));

            if (_fault is null)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    _writer.Commit();
                }
                catch (Exception e)
                {
                    _fault = Unavailable(e);
                }

                if (_fault is null)
                {
                    _committed?.Invoke(System.Diagnostics.Stopwatch.GetElapsedTime(started)); // outside the try: not a ledger failure
                }
            }

            if (_fault is not null)
            {
                Interlocked.Add(ref _notCommitted, group.Count);
            }

            foreach (var item in group)
            {
                item.Complete(_fault);
            }
        }
    }

    private void RunOne(IWork item)
    {
        var before = _writer.Changes;
        try
        {
            item.Run(_writer);
        }
        catch (Exception e) when (_writer.Changes == before && !_writer.IsFaulted && !IsIoFailure(e))
        {
            // A bug or bad input in one item that changed nothing (say, a record it read that it cannot decode): the
            // ledger is exactly as before, so refusing only this item is safe, and refusing everything after it until a
            // restart would hand one request the power to stop all charging (issue 13).
            item.Fail(new LedgerWorkFailedException(e));
        }
        catch (Exception e)
        {
            // Either the disk failed, or the item threw after appending part of its work. Those entries are in the
            // journal's uncommitted tail and FasterLog cannot take them back, so the next group commit would make half
            // an item durable (half a batch charged, its record missing). Stop committing: the restart's recovery
            // cuts the uncommitted tail and the clients resend.
            _fault = Unavailable(IsIoFailure(e) || _writer.IsFaulted ? e
                : new InvalidOperationException($"a work item failed after writing part of its work, so nothing more is committed until a restart ({e.Message})", e));
        }
    }

    private static bool IsIoFailure(Exception e) =>
        e is LedgerUnavailableException or IOException or UnauthorizedAccessException or FASTER.core.FasterException;

    private LedgerUnavailableException Unavailable(Exception e) => e as LedgerUnavailableException ?? new LedgerUnavailableException(_writer.Folder, e);

    private interface IWork
    {
        void Run(LedgerWriter writer);

        /// <summary>Records that this item failed alone; it is completed with the failure after the group's commit.</summary>
        void Fail(LedgerWorkFailedException failure);

        void Complete(Exception? fault);
    }

    private sealed class Work<T>(Func<LedgerWriter, T> work) : IWork
    {
        private T? _result;
        private LedgerWorkFailedException? _failure;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Run(LedgerWriter writer) => _result = work(writer);

        public void Fail(LedgerWorkFailedException failure) => _failure = failure;

        public void Complete(Exception? fault)
        {
            if ((fault ?? _failure) is { } failed)
            {
                Completion.SetException(failed);
            }
            else
            {
                Completion.SetResult(_result!);
            }
        }
    }
}
