namespace Centrex.Switch.Media;

/// <summary>The outcome of a media operation.</summary>
public enum MediaResult : byte
{
    /// <summary>Done.</summary>
    Ok = 0,

    /// <summary>This media core cannot do it (prompts, voicemail, music on hold and conferencing are later issues).</summary>
    NotSupported = 1,

    /// <summary>The session was closed.</summary>
    Closed = 2,
}
