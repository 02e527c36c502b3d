namespace Centrex.Pipeline;

/// <summary>
/// Processes ring entries in sequence order on a <see cref="BatchEventProcessor{T, THandler}"/>'s thread. Implement it
/// on a struct or a sealed class: the processor is generic over the handler type, so the call is direct and can be
/// inlined. Optional hooks: <see cref="IBatchStartAware"/>, <see cref="ILifecycleAware"/>.
/// </summary>
/// <typeparam name="T">The ring entry.</typeparam>
public interface IEventHandler<T>
    where T : struct
{
    /// <summary>Handles one event. The entry may be modified in place (a later stage sees the change).</summary>
    /// <param name="data">The slot, by reference; do not keep the reference after returning.</param>
    /// <param name="sequence">The event's sequence.</param>
    /// <param name="endOfBatch">Whether this is the last event available right now: the moment to flush
    /// anything batched (the Disruptor's natural batching).</param>
    void OnEvent(ref T data, long sequence, bool endOfBatch);
}
