using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Centrex.Switch.Clock;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Sip;
using NodaTime;

namespace Centrex.Switch.Registration;

/// <summary>
/// Digest authentication (RFC 3261 §22, RFC 7616, RFC 8760 for SHA-256). Nonces are stateless: the start of the
/// period they were issued in, a part drawn from the challenged request and an HMAC over both with a per-process key, so any nonce this switch
/// issued can be checked and aged without storing it. A nonce older than <see cref="NonceLifetime"/> gets stale=true.
/// Credentials are stored only as HA1 hashes. A response is good once: the nonce counts accepted are kept
/// (<see cref="NonceCounter"/>), so a captured request replayed while its nonce is fresh is refused.
/// </summary>
/// <param name="directory">Accounts and their HA1 hashes, the realm and the algorithms offered.</param>
/// <param name="clock">The switch's clock.</param>
/// <param name="nonceLifetime">How long a nonce stays fresh.</param>
/// <param name="maxTrackedNonces">Most nonces whose counts are kept (<see cref="NonceCounter"/>).</param>
/// <param name="key">The nonce MAC key, shared by every partition's authenticator: a nonce one partition issued in a
/// challenge is checked by the partition of the account that answers it.</param>
internal sealed partial class DigestAuthenticator(ISwitchDirectory directory, ISwitchClock clock, Duration nonceLifetime, int maxTrackedNonces, byte[]? key = null)
{
    private readonly byte[] _key = key ?? RandomNumberGenerator.GetBytes(32);
    private readonly NonceCounter _nonces = new(clock, nonceLifetime, maxTrackedNonces);

    public Duration NonceLifetime { get; } = nonceLifetime;

    /// <summary>
    /// How finely a nonce's issue time is kept. Challenges are sent statelessly, so a retransmitted request is
    /// challenged again; within one period it gets the byte-identical challenge, which a UA that compares messages
    /// (sipp does) takes for a retransmission rather than an unexpected new one. 32 s is 64*T1, as long as a client
    /// retransmits (RFC 3261 Timers B and F); the nonce's 5-minute life is counted from the period's start.
    /// </summary>
    public static readonly Duration IssuePeriod = Duration.FromSeconds(32);

    /// <summary>The challenge header lines (WWW-Authenticate or Proxy-Authenticate) for <paramref name="request"/>, one per algorithm offered.</summary>
    public string Challenge(SipMessage request, string headerName, bool stale)
    {
        var nonce = NewNonce(request);
        var builder = new StringBuilder();
        var current = directory.Current; // the realm and algorithms of one provisioning state
        foreach (var algorithm in current.DigestAlgorithms)
        {
            builder.Append(headerName).Append(": Digest realm=\"").Append(current.Realm).Append("\", nonce=\"").Append(nonce)
                .Append("\", algorithm=").Append(algorithm).Append(", qop=\"auth\"");
            if (stale)
            {
                builder.Append(", stale=true");
            }

            builder.Append("\r\n");
        }

        return builder.ToString();
    }

    /// <summary>HA1 = H(username ":" realm ":" password), lower-case hex (RFC 7616 §3.4.2).</summary>
    public static string Ha1(bool sha256, string username, string realm, string password) => Hash(sha256, $"{username}:{realm}:{password}");

    private static string Hash(bool sha256, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToHexStringLower(sha256 ? SHA256.HashData(bytes) : MD5.HashData(bytes));
    }

    /// <summary>
    /// The issue period's start, a part that only this request (Call-ID, From tag, top Via branch, CSeq: what a
    /// retransmission repeats) gives in this period, and the MAC that makes both unforgeable.
    /// </summary>
    private string NewNonce(SipMessage request)
    {
        var period = IssuePeriod.ToInt64Nanoseconds() / 1_000_000;
        var now = clock.Now.ToUnixTimeMilliseconds();
        var issued = (now - (((now % period) + period) % period)).ToString("x", CultureInfo.InvariantCulture);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Encoding.ASCII.GetBytes("request:" + issued + ":"));
        foreach (var field in (ReadOnlySpan<TextRange>)[request.CallId, request.From.Tag, request.TopVia.Branch])
        {
            hmac.AppendData(BitConverter.GetBytes(field.Length));
            hmac.AppendData(request[field]);
        }

        hmac.AppendData(BitConverter.GetBytes(request.CSeq));
        var part = Convert.ToHexStringLower(hmac.GetHashAndReset().AsSpan(0, 8));
        return $"{issued}.{part}.{Mac(issued, part)}";
    }

    private bool TryNonceIssued(string nonce, out Instant issued)
    {
        issued = default;
        var parts = nonce.Split('.');
        if (parts.Length != 3 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(parts[0], parts[1])), Encoding.ASCII.GetBytes(parts[2]))
            || !long.TryParse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return false;
        }

        issued = Instant.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }

    private string Mac(string issued, string part) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(issued + "." + part)))[..24];
}
