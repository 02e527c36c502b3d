namespace Centrex.Switch.Cdrs;

/// <summary>How a call attempt ended. Written to the CDR store by name (<see cref="CallDispositionNames"/>): names and
/// values may only ever be added.</summary>
public enum CallDisposition : byte
{
    /// <summary>Answered (2xx) and later ended by either side, or by the switch at its duration limit.</summary>
    Answered = 1,

    /// <summary>The callee was busy (486 or 600).</summary>
    Busy = 2,

    /// <summary>Nobody answered before the ring timeout (408, 480 or the switch's own timer).</summary>
    NoAnswer = 3,

    /// <summary>The caller hung up before an answer (CANCEL).</summary>
    Cancelled = 4,

    /// <summary>Any other failure: routing, a 4xx/5xx/6xx from the far end, a transport error.</summary>
    Failed = 5,

    /// <summary>Refused by site admission control (503 with a Warning naming the limit).</summary>
    RefusedByLimit = 6,

    /// <summary>Refused by balance authorization (402).</summary>
    RefusedByBalance = 7,

    /// <summary>Refused by the account's fraud controls (403 naming the rule).</summary>
    RefusedByFraud = 8,
}
