namespace Centrex.Pipeline;

/// <summary>Optional hook for an <see cref="IEventHandler{T}"/>: called on the processor's thread when it starts and
/// when it stops.</summary>
public interface ILifecycleAware
{
    /// <summary>Called once on the processor thread before the first event.</summary>
    void OnStart();

    /// <summary>Called once on the processor thread after the last event, however the processor stopped.</summary>
    void OnShutdown();
}
