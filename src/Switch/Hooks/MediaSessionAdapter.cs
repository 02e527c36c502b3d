namespace Centrex.Switch.Hooks;

/// <summary>
/// A <see cref="Media.IMediaSession"/> seen as the B2BUA's <see cref="Calls.IMediaSession"/>: each SDP is rewritten
/// into a fresh buffer (the B2BUA keeps the bytes it is given), and the legs are bridged on the first answer, since
/// media may flow from the first SDP answer on (early media, RFC 3960).
/// </summary>
internal sealed class MediaSessionAdapter(Media.IMediaSession session) : Calls.IMediaSession
{
    // Rewriting replaces the c= address and the m= port and may zero other streams' ports: the result is at most the
    // input plus a little per line; this much slack covers an IPv6 relay address on every line of a typical SDP.
    private const int Slack = 1024;
    private bool _bridged;

    /// <inheritdoc/>
    public ReadOnlyMemory<byte> RewriteOffer(ReadOnlyMemory<byte> sdp) =>
        Rewrite(sdp, static (s, input, output) => (s.TryRewriteOffer(input, output, out var n), n));

    /// <inheritdoc/>
    public ReadOnlyMemory<byte> RewriteAnswer(ReadOnlyMemory<byte> sdp)
    {
        var rewritten = Rewrite(sdp, static (s, input, output) => (s.TryRewriteAnswer(input, output, out var n), n));
        if (!_bridged && !sdp.IsEmpty)
        {
            _bridged = true;
            session.Bridge();
        }

        return rewritten;
    }

    /// <inheritdoc/>
    public void Dispose() => session.Dispose();

    private delegate (bool Ok, int Written) Rewriter(Media.IMediaSession session, ReadOnlySpan<byte> input, Span<byte> output);

    private ReadOnlyMemory<byte> Rewrite(ReadOnlyMemory<byte> sdp, Rewriter rewrite)
    {
        if (sdp.IsEmpty)
        {
            return sdp;
        }

        var buffer = new byte[sdp.Length + Slack];
        var (ok, written) = rewrite(session, sdp.Span, buffer);

        // No audio stream to relay (or an SDP the relay cannot read): pass it on as it is rather than fail the call;
        // the parties then reach each other directly, as in direct mode.
        return ok ? buffer.AsMemory(0, written) : sdp;
    }
}
