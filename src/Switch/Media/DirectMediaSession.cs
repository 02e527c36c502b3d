namespace Centrex.Switch.Media;

/// <summary>A call whose media flows end to end: offers and answers are copied byte for byte.</summary>
internal sealed class DirectMediaSession(string callId) : IMediaSession
{
    public string CallId { get; } = callId;

    public bool TryRewriteOffer(ReadOnlySpan<byte> offer, Span<byte> destination, out int written) => Copy(offer, destination, out written);

    public bool TryRewriteAnswer(ReadOnlySpan<byte> answer, Span<byte> destination, out int written) => Copy(answer, destination, out written);

    public MediaResult Bridge() => MediaResult.Ok;

    public MediaResult PlayPrompt(string prompt, CallLeg leg) => MediaResult.NotSupported;

    public void Dispose()
    {
    }

    private static bool Copy(ReadOnlySpan<byte> sdp, Span<byte> destination, out int written)
    {
        written = sdp.TryCopyTo(destination) ? sdp.Length : 0;
        return written == sdp.Length;
    }
}
