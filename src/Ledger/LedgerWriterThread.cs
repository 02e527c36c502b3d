using System.Collections.Concurrent;

namespace Centrex.Ledger;

/// <summary>
/// The one thread that writes to a ledger, shared by everything that charges in a running service (ingestion batches,
/// the switch's real-time CDRs). Work items run in arrival order; the thread takes every item waiting, runs them, then
/// commits once for all of them (group commit) and only then completes their tasks, so a completed task means its
/// entries are durable and applied. An item must append everything it means to append or nothing: after any failure the
/// thread faults every later item, because the process must restart and recover from the committed journal.
/// </summary>
public sealed class LedgerWriterThread : IDisposable
{
    /// <summary>Most items committed together.</summary>
    private const int MaxGroup = 512;

    private readonly LedgerWriter _writer;
    private readonly BlockingCollection<IWork> _queue = new(boundedCapacity: 8192);
    private readonly Thread _thread;
    private volatile Exception? _fault;

    /// <summary>Starts the thread; from now on only it may use <paramref name="writer"/>.</summary>
    public LedgerWriterThread(LedgerWriter writer)
    {
        _writer = writer;
        _thread = new Thread(Run) { Name = "centrex-ledger-writer", IsBackground = true };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on the writer thread; its task completes once what it appended is committed.</summary>
    /// <exception cref="LedgerUnavailableException">The ledger failed earlier; the process must restart to recover.</exception>
    public Task<T> Submit<T>(Func<LedgerWriter, T> work)
    {
        if (_fault is { } fault)
        {
            throw fault as LedgerUnavailableException ?? new LedgerUnavailableException("the ledger writer", fault);
        }

        var item = new Work<T>(work);
        _queue.Add(item);
        return item.Completion.Task;
    }

    /// <summary>Stops taking work, finishes and commits what is queued, and checkpoints.</summary>
    public void Dispose()
    {
        if (_queue.IsAddingCompleted)
        {
            return;
        }

        _queue.CompleteAdding();
        _thread.Join();
        if (_fault is null)
        {
            _writer.Checkpoint();
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
                    try
                    {
                        next.Run(_writer);
                    }
                    catch (Exception e)
                    {
                        _fault = e;
                    }
                }

                group.Add(next);
            }
            while (group.Count < MaxGroup && _queue.TryTake(out next!));

            if (_fault is null)
            {
                try
                {
                    _writer.Commit();
                }
                catch (Exception e)
                {
                    _fault = e;
                }
            }

            foreach (var item in group)
            {
                item.Complete(_fault);
            }
        }
    }

    private interface IWork
    {
        void Run(LedgerWriter writer);

        void Complete(Exception? fault);
    }

    private sealed class Work<T>(Func<LedgerWriter, T> work) : IWork
    {
        private T? _result;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Run(LedgerWriter writer) => _result = work(writer);

        public void Complete(Exception? fault)
        {
            if (fault is null)
            {
                Completion.SetResult(_result!);
            }
            else
            {
                Completion.SetException(fault);
            }
        }
    }
}
