using Centrex.Switch.Calls;

namespace Centrex.Switch.Hooks;

/// <summary>
/// The B2BUA's <see cref="Calls.IMediaCore"/> over the configured <see cref="Media.IMediaCore"/> (relay or direct).
/// </summary>
/// <remarks>
/// The B2BUA's <see cref="Calls.IMediaCore.Open"/> cannot refuse a call, so when the relay has no free port pair the
/// call goes on with media end to end (SDP untouched) instead: a call with direct media beats a call refused, and
/// <see cref="Unrelayed"/> counts how often it happened.
/// </remarks>
public sealed class MediaHook(Media.IMediaCore core) : Calls.IMediaCore, IDisposable
{
    private long _unrelayed;

    /// <summary>Calls whose media could not be opened on the core and went end to end.</summary>
    public long Unrelayed => Interlocked.Read(ref _unrelayed);

    /// <summary>Relay or direct.</summary>
    public Media.MediaMode Mode => core.Mode;

    /// <inheritdoc/>
    public Calls.IMediaSession Open(CallInfo call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (core.TryOpen(call.Id, out var session, out _))
        {
            return new MediaSessionAdapter(session);
        }

        Interlocked.Increment(ref _unrelayed);
        return PassThroughHooks.Instance;
    }

    /// <summary>Closes the core (its sockets, for a relay).</summary>
    public void Dispose() => core.Dispose();
}
