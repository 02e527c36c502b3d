namespace Centrex.Switch.Calls;

/// <summary>
/// The media core, chosen by configuration: relay RTP through the switch (rewriting SDP) or leave media end to end.
/// <see cref="Open"/> is called once per call attempt that reaches a callee; the session is disposed when the call ends.
/// </summary>
public interface IMediaCore
{
    /// <summary>Opens the media side of a call.</summary>
    IMediaSession Open(CallInfo call);
}
