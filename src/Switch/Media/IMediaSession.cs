namespace Centrex.Switch.Media;

/// <summary>The media of one call. Disposing it closes it (idempotent).</summary>
public interface IMediaSession : IDisposable
{
    /// <summary>The call's id.</summary>
    string CallId { get; }

    /// <summary>
    /// The SDP to send to the callee in place of the caller's offer; a relay puts its own address and callee-side
    /// port in it and learns where the caller expects media.
    /// </summary>
    /// <param name="offer">The caller's SDP.</param>
    /// <param name="destination">Where to write the rewritten SDP.</param>
    /// <param name="written">Bytes written.</param>
    /// <returns>False when the offer has no audio stream or <paramref name="destination"/> is too small.</returns>
    bool TryRewriteOffer(ReadOnlySpan<byte> offer, Span<byte> destination, out int written);

    /// <summary>The SDP to send to the caller in place of the callee's answer (the mirror of <see cref="TryRewriteOffer"/>).</summary>
    bool TryRewriteAnswer(ReadOnlySpan<byte> answer, Span<byte> destination, out int written);

    /// <summary>Connects the two legs: media flows both ways from now on (call it on the answer, or on early media).</summary>
    MediaResult Bridge();

    /// <summary>Plays a prompt to one leg. Not supported yet (a later issue): returns <see cref="MediaResult.NotSupported"/>.</summary>
    MediaResult PlayPrompt(string prompt, CallLeg leg);
}
