using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Centrex.Switch.Sip;

/// <summary>
/// Header name lookup: RFC 3261 §7.3.1 says names are case-insensitive, and §7.3.3 (with RFC 3265, 3515, 3841,
/// 4028) gives the compact one-letter forms. Long names go through a perfect hash, so a lookup touches one candidate.
/// </summary>
internal static class SipHeaderNames
{
    /// <summary>The kind of a header name (any case, long or compact form); <see cref="SipHeaderKind.Other"/> when unknown.</summary>
    public static SipHeaderKind Lookup(ReadOnlySpan<byte> name)
    {
        if (name.Length is < 1 or > NameWords * 8)
        {
            return SipHeaderKind.Other;
        }

        Span<byte> padded = stackalloc byte[NameWords * 8];
        padded.Clear();
        name.CopyTo(padded);
        return LookupAt(padded, 0, name.Length);
    }

    /// <summary>
    /// <see cref="Lookup"/> for the name at <paramref name="start"/> in a message: read in place, three 8-byte words
    /// at a time, when the buffer holds 24 bytes from there (it always does but for the last lines of a message).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SipHeaderKind LookupAt(ReadOnlySpan<byte> buffer, int start, int length)
    {
        if (length == 1)
        {
            return Compact((byte)(buffer[start] | 0x20));
        }

        // Fewer than 24 bytes from the name to the end of the buffer (or an empty or overlong name): copy it out.
        // The subtraction cannot overflow: start is within the buffer or Slice throws.
        if (length is < 2 or > NameWords * 8 || buffer.Length - start < NameWords * 8)
        {
            return Lookup(buffer.Slice(start, length));
        }

        // One table load on a hash of (first letter, last letter, length), then one whole-name compare: each word
        // of the name, letters folded with 0x20 and the bytes past its end masked off, against the table's.
        ref var name = ref Unsafe.Add(ref MemoryMarshal.GetReference(buffer), start);
        ref readonly var entry = ref Slots[Hash(name, Unsafe.Add(ref name, length - 1), length)];
        const ulong Fold = 0x2020202020202020;
        var diff = (((Unsafe.ReadUnaligned<ulong>(ref name) | Fold) & entry.Mask0) ^ entry.Word0)
            | (((Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref name, 8)) | Fold) & entry.Mask1) ^ entry.Word1)
            | (((Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref name, 16)) | Fold) & entry.Mask2) ^ entry.Word2);
        return diff == 0 && entry.Length == length ? entry.Kind : SipHeaderKind.Other;
    }

    private static SipHeaderKind Compact(byte letter) => letter switch
    {
        (byte)'v' => SipHeaderKind.Via,
        (byte)'f' => SipHeaderKind.From,
        (byte)'t' => SipHeaderKind.To,
        (byte)'i' => SipHeaderKind.CallId,
        (byte)'m' => SipHeaderKind.Contact,
        (byte)'l' => SipHeaderKind.ContentLength,
        (byte)'c' => SipHeaderKind.ContentType,
        (byte)'e' => SipHeaderKind.ContentEncoding,
        (byte)'k' => SipHeaderKind.Supported,
        (byte)'s' => SipHeaderKind.Subject,
        (byte)'o' => SipHeaderKind.Event,
        (byte)'x' => SipHeaderKind.SessionExpires,
        (byte)'r' => SipHeaderKind.ReferTo,
        (byte)'b' => SipHeaderKind.ReferredBy,
        _ => SipHeaderKind.Other,
    };

    /// <summary>
    /// Collision-free over <see cref="Long"/> (the static constructor checks it). Letters are folded with 0x20, as in
    /// <see cref="SipAscii"/>: OR-ing 0x20 folds A–Z onto a–z and maps no other token byte onto a letter or '-'
    /// (names are token runs, so CR, which would fold onto '-', never reaches here).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(byte first, byte last, int length) =>
        ((first | 0x20) + ((last | 0x20) * 5) + (length * 23)) & (SlotCount - 1);

    /// <summary>Names are compared as this many 8-byte words (the longest, proxy-authorization, is 19 bytes).</summary>
    private const int NameWords = 3;

    /// <summary>A known name: its lower-case bytes as words, the masks that keep only its own bytes, length, kind.</summary>
    private readonly record struct Entry(ulong Word0, ulong Word1, ulong Word2, ulong Mask0, ulong Mask1, ulong Mask2, int Length, SipHeaderKind Kind);

    private const int SlotCount = 128;

    /// <summary>The long names the switch knows, lower case.</summary>
    private static readonly (string Name, SipHeaderKind Kind)[] Long =
    [
        ("to", SipHeaderKind.To),
        ("via", SipHeaderKind.Via),
        ("cseq", SipHeaderKind.CSeq),
        ("date", SipHeaderKind.Date),
        ("from", SipHeaderKind.From),
        ("allow", SipHeaderKind.Allow),
        ("event", SipHeaderKind.Event),
        ("route", SipHeaderKind.Route),
        ("accept", SipHeaderKind.Accept),
        ("reason", SipHeaderKind.Reason),
        ("server", SipHeaderKind.Server),
        ("call-id", SipHeaderKind.CallId),
        ("contact", SipHeaderKind.Contact),
        ("expires", SipHeaderKind.Expires),
        ("require", SipHeaderKind.Require),
        ("subject", SipHeaderKind.Subject),
        ("warning", SipHeaderKind.Warning),
        ("refer-to", SipHeaderKind.ReferTo),
        ("supported", SipHeaderKind.Supported),
        ("user-agent", SipHeaderKind.UserAgent),
        ("min-expires", SipHeaderKind.MinExpires),
        ("referred-by", SipHeaderKind.ReferredBy),
        ("unsupported", SipHeaderKind.Unsupported),
        ("content-type", SipHeaderKind.ContentType),
        ("max-forwards", SipHeaderKind.MaxForwards),
        ("record-route", SipHeaderKind.RecordRoute),
        ("authorization", SipHeaderKind.Authorization),
        ("proxy-require", SipHeaderKind.ProxyRequire),
        ("content-length", SipHeaderKind.ContentLength),
        ("session-expires", SipHeaderKind.SessionExpires),
        ("content-encoding", SipHeaderKind.ContentEncoding),
        ("www-authenticate", SipHeaderKind.WwwAuthenticate),
        ("proxy-authenticate", SipHeaderKind.ProxyAuthenticate),
        ("proxy-authorization", SipHeaderKind.ProxyAuthorization),
    ];

    /// <summary>Per hash slot, the name there (length 0 when empty).</summary>
    private static readonly Entry[] Slots = BuildSlots();

    private static Entry[] BuildSlots()
    {
        var slots = new Entry[SlotCount];
        foreach (var (name, kind) in Long)
        {
            var bytes = System.Text.Encoding.ASCII.GetBytes(name);
            var slot = Hash(bytes[0], bytes[^1], bytes.Length);
            if (slots[slot].Length != 0 || bytes.Length is < 2 or > NameWords * 8)
            {
                throw new InvalidOperationException($"header name table: '{name}' collides or is out of range");
            }

            var padded = new byte[NameWords * 8];
            var mask = new byte[NameWords * 8];
            bytes.CopyTo(padded, 0);
            mask.AsSpan(0, bytes.Length).Fill(0xFF);
            slots[slot] = new Entry(
                BitConverter.ToUInt64(padded, 0), BitConverter.ToUInt64(padded, 8), BitConverter.ToUInt64(padded, 16),
                BitConverter.ToUInt64(mask, 0), BitConverter.ToUInt64(mask, 8), BitConverter.ToUInt64(mask, 16),
                bytes.Length, kind);
        }

        return slots;
    }

    /// <summary>The canonical long name, for messages the switch writes and for error reasons.</summary>
    public static string Display(SipHeaderKind kind) => kind switch
    {
        SipHeaderKind.CallId => "Call-ID",
        SipHeaderKind.CSeq => "CSeq",
        SipHeaderKind.MaxForwards => "Max-Forwards",
        SipHeaderKind.ContentLength => "Content-Length",
        SipHeaderKind.ContentType => "Content-Type",
        SipHeaderKind.ContentEncoding => "Content-Encoding",
        SipHeaderKind.MinExpires => "Min-Expires",
        SipHeaderKind.RecordRoute => "Record-Route",
        SipHeaderKind.ProxyAuthorization => "Proxy-Authorization",
        SipHeaderKind.WwwAuthenticate => "WWW-Authenticate",
        SipHeaderKind.ProxyAuthenticate => "Proxy-Authenticate",
        SipHeaderKind.ProxyRequire => "Proxy-Require",
        SipHeaderKind.SessionExpires => "Session-Expires",
        SipHeaderKind.ReferTo => "Refer-To",
        SipHeaderKind.ReferredBy => "Referred-By",
        SipHeaderKind.UserAgent => "User-Agent",
        _ => kind.ToString(),
    };
}
