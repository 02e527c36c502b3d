namespace Centrex.Switch.Clock;

/// <summary>A scheduled callback.</summary>
public interface ISwitchTimer
{
    /// <summary>Stops the callback from running if it has not run yet; harmless afterwards.</summary>
    void Cancel();
}
