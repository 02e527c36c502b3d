using Centrex.Switch.Sip;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Partitions;

/// <summary>
/// One slot of the receive ring: the raw bytes of a message and where they came from. Every slot owns a buffer made
/// when the ring is, grown (once) for a message larger than any before it, so receiving allocates nothing.
/// </summary>
internal struct ReceiveSlot
{
    /// <summary>The bytes of a new slot (most SIP messages fit; larger ones grow the slot's buffer).</summary>
    public const int InitialBytes = 4096;

    public ReceiveKind Kind;
    public byte[] Buffer;
    public int Length;
    public SipSource? Source;

    /// <summary>Why the bytes could not be framed (<see cref="ReceiveKind.Unframed"/>).</summary>
    public SipParseError Error;

    /// <summary>An <see cref="ReceiveKind.AuthReport"/>: what the check found, the user name tried and the method, and
    /// whether it ends a check the router began.</summary>
    public Registration.AuthOutcome Outcome;
    public string? User;
    public string? Method;
    public bool EndsCheck;

    public static ReceiveSlot Create() => new() { Buffer = new byte[InitialBytes] };

    /// <summary>Copies <paramref name="data"/> in, growing the buffer when it is too small.</summary>
    public void Fill(ReceiveKind kind, ReadOnlySpan<byte> data, SipSource source)
    {
        if (Buffer.Length < data.Length)
        {
            Buffer = new byte[Math.Max(data.Length, Buffer.Length * 2)];
        }

        data.CopyTo(Buffer);
        Kind = kind;
        Length = data.Length;
        Source = source;
        Error = SipParseError.None;
        Outcome = Registration.AuthOutcome.None;
        User = null;
        Method = null;
        EndsCheck = false;
    }

    public readonly ReadOnlySpan<byte> Data => Buffer.AsSpan(0, Length);
}
