using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Registration;

/// <summary>Checking credentials (RFC 7616 §3.4, RFC 3261 §22.4) and their nonce count.</summary>
internal sealed partial class DigestAuthenticator
{
    /// <summary>
    /// Checks the request's credentials in headers of <paramref name="kind"/>. Only a response that verifies against
    /// the account's password reaches the nonce counter, so failures leave no state behind.
    /// </summary>
    public DigestResult Check(SipMessage request, SipHeaderKind kind)
    {
        // One snapshot for the realm and the account's hashes: a realm changed in between must not pair the old realm
        // with the new hashes (live provisioning).
        var current = directory.Current;
        var result = new DigestResult(DigestOutcome.Missing, null, null);
        for (var i = 0; i < request.HeaderCount; i++)
        {
            ref readonly var header = ref request.Header(i);
            if (header.Kind != kind)
            {
                continue;
            }

            var credentials = DigestCredentials.TryParse(request.Text(header.Value));
            if (credentials is null || credentials["realm"] != current.Realm)
            {
                continue; // another scheme or realm: not ours (RFC 3261 §22.3).
            }

            result = CheckOne(current, request, credentials);
            if (result.Outcome == DigestOutcome.Authenticated)
            {
                return result;
            }
        }

        return result with { Account = null };
    }

    private DigestResult CheckOne(Provisioning.ISwitchDirectory current, SipMessage request, DigestCredentials c)
    {
        var user = c["username"];
        if (user is null || c["nonce"] is not { } nonce || c["uri"] is not { } uri || c["response"] is not { } response)
        {
            return new DigestResult(DigestOutcome.Invalid, null, user);
        }

        // The credentials must be for this request's Request-URI (RFC 3261 §22.4, RFC 7616 §3.4.6): otherwise a
        // captured INVITE's credentials would authorize a call to any other number while its nonce lives.
        var qop = c["qop"];
        uint? nc = null;
        if (!string.Equals(uri, request.Text(request.RequestUri.Whole), StringComparison.Ordinal) || !TryNonceIssued(nonce, out var issued)
            || (qop is not null && (!qop.Equals("auth", StringComparison.OrdinalIgnoreCase) || c["cnonce"] is null || !TryNonceCount(c["nc"], out nc))))
        {
            return new DigestResult(DigestOutcome.Invalid, null, user);
        }

        var account = current.FindAccount(user);
        if (account is null)
        {
            return new DigestResult(DigestOutcome.UnknownUser, null, user);
        }

        var algorithm = c["algorithm"] ?? "MD5";
        var sha = algorithm.Equals("SHA-256", StringComparison.OrdinalIgnoreCase);
        var ha1 = sha ? account.Ha1Sha256 : algorithm.Equals("MD5", StringComparison.OrdinalIgnoreCase) ? account.Ha1Md5 : null;
        if (ha1 is null)
        {
            return new DigestResult(DigestOutcome.Invalid, null, user); // an algorithm we hold no hash for
        }

        var ha2 = Hash(sha, $"{request.Text(request.MethodName)}:{uri}");
        var expected = qop is null
            ? Hash(sha, $"{ha1}:{nonce}:{ha2}")
            : Hash(sha, $"{ha1}:{nonce}:{c["nc"]}:{c["cnonce"]}:{qop}:{ha2}");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(response.ToLowerInvariant())))
        {
            return new DigestResult(DigestOutcome.WrongPassword, null, user);
        }

        if (clock.Now - issued > NonceLifetime)
        {
            return new DigestResult(DigestOutcome.Stale, null, user);
        }

        return _nonces.Use(nonce, issued, nc) switch
        {
            NonceUse.Accepted => new DigestResult(DigestOutcome.Authenticated, account, user),
            NonceUse.Replayed => new DigestResult(DigestOutcome.Replay, null, user),
            _ => new DigestResult(DigestOutcome.Stale, null, user),
        };
    }

    /// <summary>nc is exactly 8 hex digits (RFC 7616 §3.4: nc-value = 8LHEX): one spelling per count.</summary>
    private static bool TryNonceCount(string? text, out uint? count)
    {
        count = null;
        if (text is not { Length: 8 } || !uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        count = value;
        return true;
    }
}
