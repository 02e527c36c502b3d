namespace Centrex.Pipeline;

/// <summary>A consumer loop that reads a ring through a barrier and advertises its progress in a
/// <see cref="Sequence"/> (the Disruptor's <c>EventProcessor</c>).</summary>
public interface IEventProcessor
{
    /// <summary>The highest sequence this processor has finished with; downstream stages and producers gate on
    /// it.</summary>
    Sequence Sequence { get; }

    /// <summary>Whether <see cref="Run"/> is executing and has not been halted.</summary>
    bool IsRunning { get; }

    /// <summary>The handler failure that stopped this processor, if one did.</summary>
    PipelineFaultException? Fault { get; }

    /// <summary>Processes events on the calling thread until halted or faulted. Runs at most once.</summary>
    void Run();

    /// <summary>Asks the processor to stop once it has finished the batch it is handling (the Disruptor checks for a
    /// halt between batches, not per event); returns at once, without waiting for the thread to leave
    /// <see cref="Run"/>.</summary>
    void Halt();
}
