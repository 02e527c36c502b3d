using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Centrex.Switch.Clock;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Sip;
using NodaTime;

namespace Centrex.Switch.Registration;

/// <summary>
/// Digest authentication (RFC 3261 §22, RFC 7616, RFC 8760 for SHA-256). Nonces are stateless: the issue time, a
/// part drawn from the challenged request and an HMAC over both with a per-process key, so any nonce this switch
/// issued can be checked and aged without storing it. A nonce older than <see cref="NonceLifetime"/> gets stale=true.
/// Credentials are stored only as HA1 hashes. (Nonce-count replay tracking is not kept: a replayed response within the
/// nonce lifetime is accepted.)
/// </summary>
internal sealed class DigestAuthenticator(ISwitchDirectory directory, ISwitchClock clock)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public Duration NonceLifetime { get; init; } = Duration.FromMinutes(5);

    /// <summary>
    /// How finely a nonce's issue time is kept. Challenges are sent statelessly, so a retransmitted request is
    /// challenged again; within one period it gets the byte-identical challenge (UAs such as sipp take a different one
    /// for a new message). 32 s is 64*T1, as long as a client retransmits (RFC 3261 Timers B and F).
    /// </summary>
    public static readonly Duration IssuePeriod = Duration.FromSeconds(32);

    /// <summary>The challenge header lines (WWW-Authenticate or Proxy-Authenticate) for <paramref name="request"/>, one per algorithm offered.</summary>
    public string Challenge(SipMessage request, string headerName, bool stale)
    {
        var nonce = NewNonce(request);
        var builder = new StringBuilder();
        foreach (var algorithm in directory.DigestAlgorithms)
        {
            builder.Append(headerName).Append(": Digest realm=\"").Append(directory.Realm).Append("\", nonce=\"").Append(nonce)
                .Append("\", algorithm=").Append(algorithm).Append(", qop=\"auth\"");
            if (stale)
            {
                builder.Append(", stale=true");
            }

            builder.Append("\r\n");
        }

        return builder.ToString();
    }

    /// <summary>Checks the request's credentials in headers of <paramref name="kind"/>; the account when authenticated.</summary>
    public DigestOutcome Check(SipMessage request, SipHeaderKind kind, out SwitchAccount? account)
    {
        account = null;
        var outcome = DigestOutcome.Missing;
        for (var i = 0; i < request.HeaderCount; i++)
        {
            ref readonly var header = ref request.Header(i);
            if (header.Kind != kind)
            {
                continue;
            }

            var credentials = DigestCredentials.TryParse(request.Text(header.Value));
            if (credentials is null || credentials["realm"] != directory.Realm)
            {
                continue; // another scheme or realm: not ours (RFC 3261 §22.3).
            }

            var result = CheckOne(request, credentials, out account);
            if (result == DigestOutcome.Authenticated)
            {
                return result;
            }

            outcome = result;
        }

        account = null;
        return outcome;
    }

    private DigestOutcome CheckOne(SipMessage request, DigestCredentials c, out SwitchAccount? account)
    {
        account = c["username"] is { } user ? directory.FindAccount(user) : null;
        var algorithm = c["algorithm"] ?? "MD5";
        var ha1 = algorithm.ToUpperInvariant() switch
        {
            "MD5" => account?.Ha1Md5,
            "SHA-256" => account?.Ha1Sha256,
            _ => null,
        };
        if (account is null || ha1 is null || c["nonce"] is not { } nonce || c["uri"] is not { } uri || c["response"] is not { } response)
        {
            return DigestOutcome.Refused;
        }

        // The credentials must be for this request's Request-URI (RFC 3261 §22.4, RFC 7616 §3.4.6): otherwise a
        // captured INVITE's credentials would authorize a call to any other number while its nonce lives.
        if (!string.Equals(uri, request.Text(request.RequestUri.Whole), StringComparison.Ordinal) || !TryNonceAge(nonce, out var age))
        {
            return DigestOutcome.Refused;
        }

        var sha = algorithm.Equals("SHA-256", StringComparison.OrdinalIgnoreCase);
        var ha2 = Hash(sha, $"{request.Text(request.MethodName)}:{uri}");
        var qop = c["qop"];
        var expected = qop is null
            ? Hash(sha, $"{ha1}:{nonce}:{ha2}")
            : Hash(sha, $"{ha1}:{nonce}:{c["nc"]}:{c["cnonce"]}:{qop}:{ha2}");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(response.ToLowerInvariant())))
        {
            return DigestOutcome.Refused;
        }

        return age > NonceLifetime ? DigestOutcome.Stale : DigestOutcome.Authenticated;
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

    private bool TryNonceAge(string nonce, out Duration age)
    {
        age = default;
        var parts = nonce.Split('.');
        if (parts.Length != 3 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(parts[0], parts[1])), Encoding.ASCII.GetBytes(parts[2]))
            || !long.TryParse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var issued))
        {
            return false;
        }

        age = clock.Now - Instant.FromUnixTimeMilliseconds(issued);
        return true;
    }

    private string Mac(string issued, string random) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(issued + "." + random)))[..24];
}
