using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Centrex.Switch.Sip;

/// <summary>
/// Header name lookup: RFC 3261 §7.3.1 says names are case-insensitive, and §7.3.3 (with RFC 3265, 3515, 3841,
/// 4028) gives the compact one-letter forms. Long names go through a perfect hash, so a lookup touches one candidate.
/// </summary>
internal static class SipHeaderNames
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SipHeaderKind Lookup(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            return Compact((byte)(name[0] | 0x20));
        }

        return LookupLong(name);
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

    private static SipHeaderKind LookupLong(ReadOnlySpan<byte> n)
    {
        if (n.Length < 2)
        {
            return SipHeaderKind.Other;
        }

        // One table load on a hash of (first letter, last letter, length), then one whole-name compare.
        var entry = Slots[Hash(n[0], n[^1], n.Length)];
        var length = (int)((entry >> 8) & 0xFF);
        if (length != n.Length || !EqualsFolded(n, LowerNames.AsSpan((int)(entry >> 16), length)))
        {
            return SipHeaderKind.Other;
        }

        return (SipHeaderKind)(byte)entry;
    }

    /// <summary>
    /// Collision-free over <see cref="Long"/> (the static constructor checks it). Letters are folded with 0x20, as in
    /// <see cref="SipAscii"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(byte first, byte last, int length) =>
        ((first | 0x20) + ((last | 0x20) * 5) + (length * 23)) & (SlotCount - 1);

    /// <summary>
    /// Compares a token of 2 to 24 bytes with a lower-case name of the same length in two or three overlapping
    /// 8-byte (or 4-byte) words rather than byte by byte. OR-ing 0x20 into every byte folds letters and leaves '-'
    /// alone; as in <see cref="SipAscii"/>, no other token byte folds onto a letter or '-'.
    /// </summary>
    private static bool EqualsFolded(ReadOnlySpan<byte> name, ReadOnlySpan<byte> lower)
    {
        var n = name.Length;
        if (n >= 8)
        {
            const ulong Fold = 0x2020202020202020;
            return (Read64(name, 0) | Fold) == Read64(lower, 0)
                && (Read64(name, n - 8) | Fold) == Read64(lower, n - 8)
                && (n <= 16 || (Read64(name, 8) | Fold) == Read64(lower, 8));
        }

        if (n >= 4)
        {
            const uint Fold = 0x20202020;
            return (Read32(name, 0) | Fold) == Read32(lower, 0) && (Read32(name, n - 4) | Fold) == Read32(lower, n - 4);
        }

        return (name[0] | 0x20) == lower[0] && (name[1] | 0x20) == lower[1] && (n == 2 || (name[2] | 0x20) == lower[2]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Read64(ReadOnlySpan<byte> s, int offset) => MemoryMarshal.Read<ulong>(s[offset..]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Read32(ReadOnlySpan<byte> s, int offset) => MemoryMarshal.Read<uint>(s[offset..]);

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

    /// <summary>All of <see cref="Long"/>'s names, one after another.</summary>
    private static readonly byte[] LowerNames;

    /// <summary>Per hash slot: name offset in <see cref="LowerNames"/> (bits 16+), length (bits 8–15), kind (bits 0–7); 0 when empty.</summary>
    private static readonly uint[] Slots;

    static SipHeaderNames()
    {
        var names = new List<byte>();
        var slots = new uint[SlotCount];
        foreach (var (name, kind) in Long)
        {
            var bytes = System.Text.Encoding.ASCII.GetBytes(name);
            var slot = Hash(bytes[0], bytes[^1], bytes.Length);
            if (slots[slot] != 0 || bytes.Length is < 2 or > 24)
            {
                throw new InvalidOperationException($"header name table: '{name}' collides or is out of range");
            }

            slots[slot] = ((uint)names.Count << 16) | ((uint)bytes.Length << 8) | (byte)kind;
            names.AddRange(bytes);
        }

        LowerNames = [.. names];
        Slots = slots;
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
