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
    /// <summary>
    /// The username of the first Digest credentials in headers of <paramref name="kind"/> whose realm is
    /// <paramref name="realm"/> (the ones the authenticator checks: credentials for other realms are not ours,
    /// RFC 3261 §22.3), or empty.
    /// </summary>
    public static ReadOnlySpan<byte> Find(SipMessage message, SipHeaderKind kind, string realm)
    {
        Span<byte> ours = stackalloc byte[Math.Min(Encoding.UTF8.GetMaxByteCount(realm.Length), 512)];
        if (!Encoding.UTF8.TryGetBytes(realm, ours, out var length))
        {
            return default;
        }

        for (var i = 0; i < message.HeaderCount; i++)
        {
            ref readonly var header = ref message.Header(i);
            var value = message[header.Value];
            if (header.Kind == kind && IsDigest(value) && TryParameter(value, "realm"u8, out var r) && r.SequenceEqual(ours[..length])
                && TryParameter(value, "username"u8, out var username) && !username.IsEmpty)
            {
                return username;
            }
        }

        return default;
    }

    private static bool IsDigest(ReadOnlySpan<byte> value)
    {
        value = value.TrimStart(" \t"u8);
        return value.Length >= 7 && Ascii.EqualsIgnoreCase(value[..6], "Digest"u8);
    }

    /// <summary>A quoted auth-param of the header value, in place; false when absent or written with escapes.</summary>
    private static bool TryParameter(ReadOnlySpan<byte> value, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> parameter)
    {
        parameter = default;
        value = value.TrimStart(" \t"u8);
        var at = 6;
        while (at < value.Length)
        {
            var found = IndexOfIgnoreCase(value[at..], name);
            if (found < 0)
            {
                return false;
            }

            var start = at + found;
            at = start + name.Length;
            var before = start > 0 ? value[start - 1] : (byte)' ';
            if (before is not ((byte)' ' or (byte)'\t' or (byte)','))
            {
                continue; // part of another parameter's name (e.g. "xusername"), or a value
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

            parameter = rest.Slice(1, end);
            return true;
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
