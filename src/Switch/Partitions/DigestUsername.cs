using System.Text;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Partitions;

/// <summary>
/// The <c>username</c> of a request's Digest credentials (RFC 7616 §3.4), read in place for routing: which account
/// is asking decides the partition, and looking costs no allocation. Full parsing and checking stay with the
/// authenticator in the partition; a name with escapes is not routed by (the partition still checks it).
/// </summary>
internal static class DigestUsername
{
    /// <summary>The username of the first Digest credentials in headers of <paramref name="kind"/>, or empty.</summary>
    public static ReadOnlySpan<byte> Find(SipMessage message, SipHeaderKind kind)
    {
        for (var i = 0; i < message.HeaderCount; i++)
        {
            ref readonly var header = ref message.Header(i);
            if (header.Kind == kind && TryRead(message[header.Value], out var username))
            {
                return username;
            }
        }

        return default;
    }

    private static bool TryRead(ReadOnlySpan<byte> value, out ReadOnlySpan<byte> username)
    {
        username = default;
        value = value.TrimStart(" \t"u8);
        if (value.Length < 7 || !Ascii.EqualsIgnoreCase(value[..6], "Digest"u8))
        {
            return false;
        }

        var at = 6;
        while (at < value.Length)
        {
            var found = IndexOfIgnoreCase(value[at..], "username"u8);
            if (found < 0)
            {
                return false;
            }

            var start = at + found;
            at = start + 8;
            var before = start > 0 ? value[start - 1] : (byte)' ';
            if (before is not ((byte)' ' or (byte)'\t' or (byte)','))
            {
                continue; // part of another parameter's name (e.g. "xusername")
            }

            var rest = value[at..].TrimStart(" \t"u8);
            if (rest.IsEmpty || rest[0] != (byte)'=')
            {
                continue;
            }

            rest = rest[1..].TrimStart(" \t"u8);
            if (rest.IsEmpty || rest[0] != (byte)'"')
            {
                return false;
            }

            var end = rest[1..].IndexOfAny((byte)'"', (byte)'\\');
            if (end < 0 || rest[1 + end] == (byte)'\\')
            {
                return false;
            }

            username = rest.Slice(1, end);
            return !username.IsEmpty;
        }

        return false;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lower)
    {
        for (var i = 0; i + lower.Length <= text.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(text.Slice(i, lower.Length), lower))
            {
                return i;
            }
        }

        return -1;
    }
}
