namespace Centrex.Switch.CallFlows;

/// <summary>When each line last answered a call, for least-used hunting (kept by the call's partition).</summary>
public interface IHuntUsage
{
    /// <summary>The tick count of the line's last answered call; 0 when never.</summary>
    long LastUsed(string accountId);
}
