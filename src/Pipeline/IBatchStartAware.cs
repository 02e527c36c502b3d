namespace Centrex.Pipeline;

/// <summary>Optional hook for an <see cref="IEventHandler{T}"/>: told how many events a batch holds before the
/// first of them.</summary>
public interface IBatchStartAware
{
    /// <summary>Called before the first <c>OnEvent</c> of a batch.</summary>
    /// <param name="batchSize">Number of events in the batch, at least 1.</param>
    void OnBatchStart(long batchSize);
}
