namespace Centrex.Switch.Cdrs;

/// <summary>The last committed ring sequence, with waiting for it (or for the sink to fail).</summary>
internal sealed class CommitSignal
{
    private readonly object _gate = new();
    private long _committed = -1;
    private Exception? _failure;
    private bool _stopped;

    public long Committed => Volatile.Read(ref _committed);

    public void Commit(long sequence)
    {
        lock (_gate)
        {
            _committed = sequence;
            Monitor.PulseAll(_gate);
        }
    }

    public void Stop(Exception? failure)
    {
        lock (_gate)
        {
            _stopped = true;
            _failure ??= failure;
            Monitor.PulseAll(_gate);
        }
    }

    public void Wait(long sequence, CancellationToken cancellation)
    {
        using var wake = cancellation.Register(() =>
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        });
        lock (_gate)
        {
            while (_committed < sequence)
            {
                cancellation.ThrowIfCancellationRequested();
                if (_stopped)
                {
                    throw new InvalidOperationException("the CDR sink stopped before committing this CDR", _failure);
                }

                Monitor.Wait(_gate);
            }
        }
    }
}
