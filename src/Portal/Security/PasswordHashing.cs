using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Identity;

namespace Centrex.Portal.Security;

/// <summary>
/// Password hashes by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (library first: its v3 format is
/// PBKDF2-HMAC-SHA512 with a random salt and 100,000 iterations, versioned so a stronger default rehashes on the next
/// login). Slow on purpose: people choose guessable passwords, so each guess against a stolen hash must cost.
/// </summary>
public static class PasswordHashing
{
    /// <summary>Shortest password accepted (NIST SP 800-63B §5.1.1.2: at least 8 characters for a chosen secret).</summary>
    public const int MinLength = 8;

    /// <summary>Longest password accepted (keeps one hash from costing much more than another).</summary>
    public const int MaxLength = 128;

    private static readonly PasswordHasher<PortalUser> Hasher = new();

    /// <summary>The hash to store for <paramref name="password"/>.</summary>
    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    /// <summary>Whether <paramref name="password"/> matches <paramref name="hash"/>.</summary>
    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;

    /// <summary>Why <paramref name="password"/> is not acceptable as a new password, or null.</summary>
    public static string? Problem(string? password)
    {
        switch (password)
        {
            case null or "":
                return "enter a password";
            case { Length: < MinLength }:
                // Noted with its code, so a page (My Profile, Logins) says it in the login's language.
                var tooShort = $"at least {MinLength} characters";
                Localization.Refusals.Note(Localization.Refusals.Current, "at-least-characters", tooShort, MinLength);
                return tooShort;
            case { Length: > MaxLength }:
                var tooLong = $"at most {MaxLength} characters";
                Localization.Refusals.Note(Localization.Refusals.Current, "at-most-characters", tooLong, MaxLength);
                return tooLong;
            default:
                return null;
        }
    }
}
