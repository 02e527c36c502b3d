using NodaTime;

namespace Centrex.Switch.Transactions;

/// <summary>RFC 3261 §17.1.1.1 and Table 4: T1 (RTT estimate), T2 (longest retransmit interval), T4 (network lifetime).</summary>
internal static class SipTimerValues
{
    public static readonly Duration T1 = Duration.FromMilliseconds(500);
    public static readonly Duration T2 = Duration.FromSeconds(4);
    public static readonly Duration T4 = Duration.FromSeconds(5);

    /// <summary>Timers B, F, H, J (and RFC 6026 L, M): 64*T1.</summary>
    public static readonly Duration Timeout = T1 * 64;

    /// <summary>Timer D: at least 32 s for unreliable transports.</summary>
    public static readonly Duration TimerD = Duration.FromSeconds(32);
}
