using System.Net;
using System.Text;
using Centrex.Switch.Clock;
using NodaTime;

namespace Centrex.Switch.Registration;

/// <summary>
/// User names that authenticated from a source address lately, owned by the router's thread: such a pair is a phone,
/// PBX or SBC that knows its password, so its checks in flight are bounded by
/// <see cref="SipAuthLimits.MaxProvenChecksInFlight"/> rather than <see cref="SipAuthLimits.MaxChecksInFlight"/> (a PBX
/// placing a thousand calls a second has many checks in flight whenever the host stalls for a few milliseconds, and
/// dropping them costs each call a 500 ms retransmission). A guess is at an account that has not authenticated from that
/// address, so brute force still gets the small bound; a failure for the pair takes its standing away. The user name is
/// kept as a 64-bit hash (FNV-1a over its UTF-8 bytes), so looking one up allocates nothing; a collision could only lend
/// a guessed name the larger bound on checks in flight, never a password. Bounded at
/// <see cref="SipAuthLimits.MaxTrackedSources"/> pairs: past it new pairs get the small bound until old ones expire.
/// </summary>
internal sealed class ProvenCredentials(SipAuthLimits limits, ISwitchClock clock)
{
    private const int MaxUserBytes = 256;
    private readonly Dictionary<(SourceKey Source, ulong User), Instant> _pairs = [];

    /// <summary>Pairs remembered.</summary>
    public int Count => _pairs.Count;

    /// <summary>Whether <paramref name="user"/> (UTF-8) authenticated from <paramref name="address"/> within <see cref="SipAuthLimits.ProvenFor"/>.</summary>
    public bool IsProven(IPAddress address, ReadOnlySpan<byte> user) =>
        !user.IsEmpty && _pairs.TryGetValue((SourceKey.Of(address), Hash(user)), out var at) && clock.Now - at < limits.ProvenFor;

    /// <summary><paramref name="user"/> authenticated from <paramref name="address"/>.</summary>
    public void Authenticated(IPAddress address, string user)
    {
        if (!TryHash(user, out var hash))
        {
            return;
        }

        var key = (SourceKey.Of(address), hash);
        if (!_pairs.ContainsKey(key) && _pairs.Count >= limits.MaxTrackedSources && !Purge())
        {
            return;
        }

        _pairs[key] = clock.Now;
    }

    /// <summary><paramref name="user"/> failed from <paramref name="address"/>: no longer proven there.</summary>
    public void Failed(IPAddress address, string? user)
    {
        if (user is not null && TryHash(user, out var hash))
        {
            _pairs.Remove((SourceKey.Of(address), hash));
        }
    }

    /// <summary>Forgets expired pairs; whether that made room.</summary>
    private bool Purge()
    {
        var now = clock.Now;
        foreach (var (key, at) in _pairs)
        {
            if (now - at >= limits.ProvenFor)
            {
                _pairs.Remove(key);
            }
        }

        return _pairs.Count < limits.MaxTrackedSources;
    }

    private static bool TryHash(string user, out ulong hash)
    {
        Span<byte> bytes = stackalloc byte[MaxUserBytes];
        if (user.Length == 0 || !Encoding.UTF8.TryGetBytes(user, bytes, out var length))
        {
            hash = 0;
            return false;
        }

        hash = Hash(bytes[..length]);
        return true;
    }

    private static ulong Hash(ReadOnlySpan<byte> user)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in user)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
