namespace Centrex.Switch.Transactions;

/// <summary>Fresh identifiers: branches with the RFC 3261 §8.1.1.7 magic cookie, tags (§19.3), Call-IDs (§8.1.1.4).</summary>
internal static class SipIds
{
    public const string MagicCookie = "z9hG4bK";

    public static string Branch() => MagicCookie + Random();

    public static string Tag() => Random()[..10];

    public static string CallId() => Random() + "@centrex";

    private static string Random() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
}
