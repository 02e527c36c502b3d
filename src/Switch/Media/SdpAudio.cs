using System.Runtime.CompilerServices;

namespace Centrex.Switch.Media;

/// <summary>
/// What the switch needs from an SDP body (RFC 4566), found by <see cref="SdpReader.TryReadAudio"/> without allocating:
/// the first <c>m=audio</c> line's port and payload types, where its media section lies, and the connection address
/// that applies to it (the media-level <c>c=</c>, else the session-level one).
/// </summary>
public struct SdpAudio
{
    /// <summary>At most this many payload types of the m= line are kept (phones offer a handful).</summary>
    public const int MaxPayloadTypes = 16;

    private PayloadTypeBuffer _payloadTypes;

    /// <summary>The m=audio port; 0 means the stream is refused or disabled (RFC 3264 §6).</summary>
    public int Port;

    /// <summary>The payload types kept, in the m= line's order of preference.</summary>
    public int PayloadTypeCount;

    /// <summary>The media section: from the start of the <c>m=audio</c> line to the next <c>m=</c> line or the end.</summary>
    public Range Section;

    /// <summary>The connection address (the third field of the applicable <c>c=</c> line, without a <c>/ttl</c>); empty when none.</summary>
    public Range ConnectionAddress;

    /// <summary>The <c>m=audio</c> line's port field (to rewrite it).</summary>
    public Range PortField;

    /// <summary>The payload type at <paramref name="index"/> (0 to <see cref="PayloadTypeCount"/> − 1).</summary>
    public readonly int PayloadType(int index) =>
        (uint)index < (uint)PayloadTypeCount ? _payloadTypes[index] : throw new ArgumentOutOfRangeException(nameof(index));

    internal void AddPayloadType(int payloadType)
    {
        if (PayloadTypeCount < MaxPayloadTypes)
        {
            _payloadTypes[PayloadTypeCount++] = (byte)payloadType;
        }
    }

    [InlineArray(MaxPayloadTypes)]
    private struct PayloadTypeBuffer
    {
        private byte _element;
    }
}
