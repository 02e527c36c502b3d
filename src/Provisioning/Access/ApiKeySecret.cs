using System.Security.Cryptography;
using System.Text;

namespace Centrex.Provisioning.Access;

/// <summary>
/// The text of an API key: <c>cxk_ID_SECRET</c>, ID 12 hex digits (public: it finds the stored record), SECRET 32 random
/// bytes in base64url (256 bits). Only SHA-256 of the secret is stored. A fast hash is the right one here, unlike for
/// passwords: a password needs a slow hash (PBKDF2, Argon2) because people choose guessable ones, while 256 random bits
/// cannot be guessed however fast each guess is, and a slow hash would cost every API request milliseconds.
/// </summary>
public static class ApiKeySecret
{
    /// <summary>What every key starts with, so a leaked one is recognizable (secret scanners key on such prefixes).</summary>
    public const string Prefix = "cxk_";

    private const int IdBytes = 6;
    private const int SecretBytes = 32;
    private const int SecretLength = 43; // base64url of 32 bytes, unpadded

    /// <summary>A new key: its id and the whole text to hand to the client once.</summary>
    public static (string Id, string Text, byte[] SecretHash) Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    /// <summary>Splits a presented key into its id and secret; false for anything not shaped like a key.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out string id, out string secret)
    {
        id = secret = string.Empty;
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text[Prefix.Length..];
        var separator = rest.IndexOf('_');
        if (separator != IdBytes * 2 || rest.Length - separator - 1 != SecretLength)
        {
            return false;
        }

        foreach (var c in rest[..separator])
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        id = rest[..separator].ToString();
        secret = rest[(separator + 1)..].ToString();
        return true;
    }

    /// <summary>SHA-256 of the secret's UTF-8 bytes.</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Whether <paramref name="secret"/> hashes to <paramref name="stored"/>, in time independent of where they differ.</summary>
    public static bool Matches(string secret, byte[] stored) => CryptographicOperations.FixedTimeEquals(Hash(secret), stored);
}
