using System.Buffers.Binary;
using System.Security.Cryptography;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Transactions;

/// <summary>
/// To tags for responses the switch sends without a server transaction. RFC 3261 §8.2.7: a stateless UAS "MUST
/// generate the same tag for the same request consistently"; here the tag is a MAC (per-process key) of what the ACK
/// for a non-2xx final response repeats from its INVITE (§17.1.1.3: Call-ID, From tag, the top Via's branch, the CSeq
/// number). So the ACK for a stateless 407 is recognized and absorbed without anything having been remembered, and
/// nobody can make an ACK for a real dialog look like one without the key.
/// </summary>
internal sealed class StatelessTags
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The tag for a response to <paramref name="request"/> (16 lower-case hex digits).</summary>
    public string For(SipMessage request)
    {
        Span<byte> mac = stackalloc byte[32];
        Compute(request, mac);
        return Convert.ToHexStringLower(mac[..8]);
    }

    /// <summary>Whether <paramref name="ack"/>'s To tag is the one a stateless response to its INVITE carried.</summary>
    public bool Matches(SipMessage ack)
    {
        var tag = ack[ack.To.Tag];
        if (tag.Length != 16)
        {
            return false;
        }

        Span<byte> mac = stackalloc byte[32];
        Compute(ack, mac);
        Span<byte> hex = stackalloc byte[16];
        for (var i = 0; i < 8; i++)
        {
            hex[2 * i] = Hex(mac[i] >> 4);
            hex[(2 * i) + 1] = Hex(mac[i] & 0xF);
        }

        return CryptographicOperations.FixedTimeEquals(tag, hex);
    }

    private void Compute(SipMessage m, Span<byte> mac)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        Append(hmac, m[m.CallId]);
        Append(hmac, m[m.From.Tag]);
        Append(hmac, m[m.TopVia.Branch]);
        Span<byte> cseq = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(cseq, m.CSeq);
        hmac.AppendData(cseq);
        hmac.GetHashAndReset(mac);
    }

    /// <summary>Length-prefixed, so no two different field splits hash alike.</summary>
    private static void Append(IncrementalHash hmac, ReadOnlySpan<byte> field)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, field.Length);
        hmac.AppendData(length);
        hmac.AppendData(field);
    }

    private static byte Hex(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}
