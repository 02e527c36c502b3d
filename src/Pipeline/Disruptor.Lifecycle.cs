namespace Centrex.Pipeline;

/// <summary>Starting, draining, halting, and what happens when a handler throws.</summary>
public sealed partial class Disruptor<T>
{
    /// <summary>Starts one dedicated background thread per consumer.</summary>
    /// <returns>The ring buffer, to publish on.</returns>
    /// <exception cref="InvalidOperationException">Already started, or halted before starting.</exception>
    public RingBuffer<T> Start()
    {
        lock (_gate)
        {
            if (_state != State.Configuring)
            {
                ThrowHelper.ThrowInvalidOperation("The disruptor was already started (or halted); it runs once.");
            }

            _state = State.Started;
            foreach (var consumer in _consumers)
            {
                var thread = new Thread(consumer.Processor.Run)
                {
                    IsBackground = true,
                    Name = $"pipeline:{consumer.HandlerName}",
                };
                consumer.Thread = thread;
                thread.Start();
            }
        }

        return _ringBuffer;
    }

    /// <summary>
    /// Drains, then stops: waits until every consumer has processed everything published when this was called
    /// (for a multi-producer ring, everything claimed by then, which its producers are about to publish), then halts
    /// the processors and waits for their threads to exit. Producers should have stopped first; afterwards a
    /// producer that has to wait for capacity gets <see cref="PipelineHaltedException"/>.
    /// </summary>
    /// <param name="timeout">For the drain and the thread exits together; <see cref="Timeout.InfiniteTimeSpan"/>
    /// to wait as long as it takes.</param>
    /// <returns><see langword="true"/> when drained and stopped. <see langword="false"/> on timeout: if the drain
    /// timed out nothing was halted and the pipeline still runs (call again, or <see cref="Halt"/>); if the threads
    /// did not exit in time they were halted but a handler is still busy. Also <see langword="false"/> if the
    /// pipeline had already been halted before everything was drained.</returns>
    /// <exception cref="PipelineFaultException">A handler threw (now or earlier): the first fault, after the
    /// pipeline was halted. Every fault is in <see cref="Faults"/>.</exception>
    /// <exception cref="InvalidOperationException">Not started.</exception>
    public bool Shutdown(TimeSpan timeout)
    {
        var deadline = Deadline.After(timeout, nameof(timeout));
        State state;
        lock (_gate)
        {
            state = _state;
        }

        if (state == State.Configuring)
        {
            ThrowHelper.ThrowInvalidOperation("The disruptor was not started; there is nothing to drain.");
        }

        var target = _ringBuffer.Cursor;
        var spinner = default(SpinWait);
        while (!IsDrained(target) && !IsStoppedOrFaulted)
        {
            if (deadline.HasExpired)
            {
                return false;
            }

            // A cold wait: SpinOnce escalates to Sleep(1), which is fine here.
            spinner.SpinOnce();
        }

        StopProcessors(cause: null);
        var exited = JoinThreads(deadline);
        ThrowIfFaulted();

        // Already halted (by Halt or an earlier Shutdown) before draining finished: report whether it is drained.
        return exited && IsDrained(target);
    }

    /// <summary>Stops at once, without draining: each processor finishes the batch it is handling, then its thread
    /// exits; this waits for that (a handler that never returns blocks it). Producers that have to wait for capacity
    /// afterwards get <see cref="PipelineHaltedException"/>. Does not throw handler faults; see
    /// <see cref="Faults"/>.</summary>
    public void Halt()
    {
        StopProcessors(cause: null);
        JoinThreads(Deadline.After(Timeout.InfiniteTimeSpan, "timeout"));
    }

    private bool IsStoppedOrFaulted
    {
        get
        {
            lock (_gate)
            {
                return _state == State.Stopped || _faults.Count > 0;
            }
        }
    }

    private bool IsDrained(long target) => _ringBuffer.GetMinimumGatingSequence() >= target;

    // Runs on the faulting processor's thread: record, then stop everything else (without joining: we are on one of
    // the threads being joined) and release producers waiting for capacity that will never come.
    private void OnProcessorFault(PipelineFaultException fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }

        StopProcessors(fault);
    }

    private void StopProcessors(Exception? cause)
    {
        ConsumerInfo[] consumers;
        lock (_gate)
        {
            if (_state == State.Started)
            {
                _state = State.Stopped;
            }

            consumers = [.. _consumers];
        }

        _ringBuffer.Halt(cause);
        foreach (var consumer in consumers)
        {
            consumer.Processor.Halt();
        }
    }

    private bool JoinThreads(Deadline deadline)
    {
        ConsumerInfo[] consumers;
        lock (_gate)
        {
            consumers = [.. _consumers];
        }

        foreach (var consumer in consumers)
        {
            var thread = consumer.Thread;
            if (thread is null || thread == Thread.CurrentThread)
            {
                continue;
            }

            if (!thread.Join(deadline.Remaining))
            {
                return false;
            }
        }

        return true;
    }

    private void ThrowIfFaulted()
    {
        PipelineFaultException? first;
        lock (_gate)
        {
            first = _faults.Count > 0 ? _faults[0] : null;
        }

        if (first is not null)
        {
            throw first;
        }
    }
}
