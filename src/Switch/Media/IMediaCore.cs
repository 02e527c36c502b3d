using System.Diagnostics.CodeAnalysis;

namespace Centrex.Switch.Media;

/// <summary>
/// The media core the B2BUA drives, one session per call: open it on the INVITE, rewrite the offer before forwarding
/// it to the callee and the answer before returning it to the caller, bridge the legs when media may flow, close it
/// when the call ends. Chosen by configuration (<see cref="MediaCoreFactory"/>); prompts, voicemail, music on hold
/// and conferencing plug in here later.
/// </summary>
public interface IMediaCore : IDisposable
{
    /// <summary>Relay or direct.</summary>
    MediaMode Mode { get; }

    /// <summary>Opens the media of a call (a relay allocates its two port pairs here).</summary>
    /// <param name="callId">The call's id, for logs.</param>
    /// <param name="session">The session, when opened.</param>
    /// <param name="error">Why not (no free ports): answer 503.</param>
    bool TryOpen(string callId, [NotNullWhen(true)] out IMediaSession? session, [NotNullWhen(false)] out string? error);
}
