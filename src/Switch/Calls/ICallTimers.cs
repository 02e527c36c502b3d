namespace Centrex.Switch.Calls;

/// <summary>What a <see cref="Call"/> tells when one of its timers runs: the B2BUA of its partition.</summary>
internal interface ICallTimers
{
    /// <summary>The timer of <paramref name="kind"/> (a <see cref="CallTimer"/>, with a ring delay's index above it) ran.</summary>
    void OnCallTimer(Call call, int kind);
}
