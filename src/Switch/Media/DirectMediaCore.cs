using System.Diagnostics.CodeAnalysis;

namespace Centrex.Switch.Media;

/// <summary>Media end to end: the switch stays out of the media path and passes SDP untouched.</summary>
public sealed class DirectMediaCore : IMediaCore
{
    /// <inheritdoc />
    public MediaMode Mode => MediaMode.Direct;

    /// <inheritdoc />
    public bool TryOpen(string callId, [NotNullWhen(true)] out IMediaSession? session, [NotNullWhen(false)] out string? error)
    {
        session = new DirectMediaSession(callId);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
