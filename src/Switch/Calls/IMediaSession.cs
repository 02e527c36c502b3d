namespace Centrex.Switch.Calls;

/// <summary>One call's media: SDP rewriting in each direction (prompts, bridging and conferencing come later).</summary>
public interface IMediaSession : IDisposable
{
    /// <summary>The caller's offer as the callee should see it.</summary>
    ReadOnlyMemory<byte> RewriteOffer(ReadOnlyMemory<byte> sdp);

    /// <summary>The callee's answer as the caller should see it.</summary>
    ReadOnlyMemory<byte> RewriteAnswer(ReadOnlyMemory<byte> sdp);
}
