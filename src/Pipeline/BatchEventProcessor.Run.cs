using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Centrex.Pipeline;

/// <summary>The processing loop and its lifecycle.</summary>
public sealed partial class BatchEventProcessor<T, THandler>
{
    /// <inheritdoc />
    /// <remarks>Returns at once if <see cref="Halt"/> was called before it started (then no hook runs); throws
    /// <see cref="InvalidOperationException"/> if it is already running. A processor runs once.</remarks>
    public void Run()
    {
        var previous = Interlocked.CompareExchange(ref _state, Running, Idle);
        if (previous == Running)
        {
            ThrowHelper.ThrowInvalidOperation("This event processor is already running.");
        }

        if (previous == Halted)
        {
            return;
        }

        // Halt() writes the state, then alerts. Clearing a stale alert and then re-reading the state means a halt
        // racing with start-up is seen one way or the other, never lost.
        _barrier.ClearAlert();
        try
        {
            if (NotifyStart() && Volatile.Read(ref _state) == Running)
            {
                ProcessEvents();
            }
        }
        finally
        {
            NotifyShutdown();
            Volatile.Write(ref _state, Halted);
        }
    }

    // A long-running loop entered once: compile it fully optimised at once instead of running tier-0 code until
    // on-stack replacement kicks in.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ProcessEvents()
    {
        ref var handler = ref HandlerReference();
        var barrier = _barrier;
        var sequence = _sequence;
        var batchStartAware = _batchStartAware;

        // Hoisted: the loop then touches no ring-buffer field, only the entries themselves.
        var entries = _ringBuffer.Entries;
        var indexMask = _ringBuffer.IndexMask;
        var padding = RingBuffer<T>.EntryPadding;

        var nextSequence = sequence.Value + 1;
        var spinner = default(SpinWait);
        while (true)
        {
            try
            {
                var availableSequence = barrier.WaitFor(nextSequence);
                if (availableSequence < nextSequence)
                {
                    // Multi-producer: the next slot is claimed but not yet published. Back off a little so a
                    // producer that was descheduled mid-publish gets the core.
                    spinner.SpinOnce(sleep1Threshold: -1);
                    continue;
                }

                spinner.Reset();
                batchStartAware?.OnBatchStart(availableSequence - nextSequence + 1);

                // Safety as in RingBuffer<T>'s indexer: (nextSequence & indexMask) < BufferSize and the array holds
                // padding + BufferSize + padding entries.
                ref var firstEntry = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(entries), padding);
                while (nextSequence < availableSequence)
                {
                    handler.OnEvent(ref Unsafe.Add(ref firstEntry, unchecked((nint)(nextSequence & indexMask))), nextSequence, false);
                    nextSequence++;
                }

                handler.OnEvent(ref Unsafe.Add(ref firstEntry, unchecked((nint)(nextSequence & indexMask))), nextSequence, true);
                nextSequence++;

                // One release store per batch: everything the handler wrote to these entries is visible to the next
                // stage before it can see the new sequence.
                sequence.SetValue(availableSequence);
            }
            catch (AlertException)
            {
                if (Volatile.Read(ref _state) != Running)
                {
                    return;
                }
            }
            catch (Exception exception)
            {
                // Everything below nextSequence was handled; nextSequence itself was not (or only partly).
                sequence.SetValue(nextSequence - 1);
                RecordFault(exception, nextSequence);
                return;
            }
        }
    }

    private bool NotifyStart()
    {
        try
        {
            _lifecycleAware?.OnStart();
            return true;
        }
        catch (Exception exception)
        {
            RecordFault(exception, _sequence.Value);
            return false;
        }
    }

    private void NotifyShutdown()
    {
        try
        {
            _lifecycleAware?.OnShutdown();
        }
        catch (Exception exception)
        {
            RecordFault(exception, _sequence.Value);
        }
    }

    private void RecordFault(Exception exception, long sequence)
    {
        Volatile.Write(ref _state, Halted);
        if (_fault is not null)
        {
            return;
        }

        var fault = new PipelineFaultException(HandlerName, sequence, exception);
        _fault = fault;
        _faultObserver?.Invoke(fault);
    }
}
