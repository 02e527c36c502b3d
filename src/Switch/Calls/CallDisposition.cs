namespace Centrex.Switch.Calls;

/// <summary>How a call attempt ended (issue 4, CDRs). Values are persisted by the CDR side: only ever append.</summary>
public enum CallDisposition
{
    /// <summary>Answered, then hung up by either side or cut by a cap.</summary>
    Answered = 0,

    /// <summary>The callee was busy (486, 600).</summary>
    Busy = 1,

    /// <summary>Nobody answered in time, or the callee was unavailable (408, 480).</summary>
    NoAnswer = 2,

    /// <summary>The caller hung up before the answer (CANCEL).</summary>
    Cancelled = 3,

    /// <summary>Any other failure (no route, 4xx–6xx from the callee, transport error).</summary>
    Failed = 4,

    /// <summary>Refused by site admission control (503).</summary>
    RefusedByLimit = 5,

    /// <summary>Refused by balance authorization (402).</summary>
    RefusedByBalance = 6,
}
