using System.Security.Cryptography;

namespace Centrex.Switch.Partitions;

/// <summary>
/// The identifiers a partition generates carry its number, so every later message of a transaction or dialog finds
/// its partition without any table shared between threads: a response by the branch of its top Via (ours, §17.1.3),
/// a request inside a dialog by its To tag (the tag this side chose, §12.2.2). The number follows a marker right after
/// the magic cookie of a branch (<c>z9hG4bKc</c><i>pp</i>…, §8.1.1.7) and at the start of a tag or Call-ID
/// (<c>c</c><i>pp</i>…), <i>pp</i> two lower-case hex digits; the rest is random, as §19.3 wants of tags.
/// </summary>
internal static class PartitionTokens
{
    /// <summary>Most partitions a switch may have (two hex digits).</summary>
    public const int MaxPartitions = 256;

    private const string MagicCookie = "z9hG4bK";
    private const char Marker = 'c';

    // The To tag of an emergency call's dialog carries this marker instead, so the router tells the in-dialog requests
    // of a 911 call from those of other calls without any table shared with the partitions (SipRouter: a blocked
    // source's emergency dialog draws on the emergency budget, its other dialogs on their own).
    private const char EmergencyMarker = 'e';

    /// <summary>A new branch of partition <paramref name="partition"/>.</summary>
    public static string Branch(int partition) => $"{MagicCookie}{Marker}{partition:x2}{Random(15)}";

    /// <summary>A new tag of partition <paramref name="partition"/> (11 characters: 32 random bits and more).</summary>
    public static string Tag(int partition) => $"{Marker}{partition:x2}{Random(4)}";

    /// <summary>A new tag of partition <paramref name="partition"/> for the dialog of an emergency call.</summary>
    public static string EmergencyTag(int partition) => $"{EmergencyMarker}{partition:x2}{Random(4)}";

    /// <summary>
    /// The partition a To tag of ours names, and whether it is an emergency call's (<see cref="EmergencyTag"/>); false
    /// for anyone else's tag.
    /// </summary>
    public static bool TryTagPartition(ReadOnlySpan<byte> tag, out int partition, out bool emergency)
    {
        emergency = tag.Length > 0 && tag[0] == (byte)EmergencyMarker;
        if (!emergency)
        {
            return TryPartition(tag, out partition);
        }

        partition = 0;
        if (tag.Length < 4 || !TryHex(tag[1], out var high) || !TryHex(tag[2], out var low))
        {
            emergency = false;
            return false;
        }

        partition = (high << 4) | low;
        return true;
    }

    /// <summary>A new Call-ID of partition <paramref name="partition"/>.</summary>
    public static string CallId(int partition) => $"{Marker}{partition:x2}{Random(16)}@centrex";

    /// <summary>The partition a branch of ours names; false for anyone else's branch.</summary>
    public static bool TryBranchPartition(ReadOnlySpan<byte> branch, out int partition)
    {
        partition = 0;
        return branch.Length > MagicCookie.Length + 3 && branch.StartsWith("z9hG4bK"u8)
            && TryPartition(branch[MagicCookie.Length..], out partition);
    }

    /// <summary>The partition a tag or Call-ID of ours names; false for anyone else's.</summary>
    public static bool TryPartition(ReadOnlySpan<byte> token, out int partition)
    {
        partition = 0;
        if (token.Length < 4 || token[0] != (byte)Marker || !TryHex(token[1], out var high) || !TryHex(token[2], out var low))
        {
            return false;
        }

        partition = (high << 4) | low;
        return true;
    }

    private static bool TryHex(byte c, out int value)
    {
        value = c is >= (byte)'0' and <= (byte)'9' ? c - '0' : c is >= (byte)'a' and <= (byte)'f' ? c - 'a' + 10 : -1;
        return value >= 0;
    }

    private static string Random(int bytes)
    {
        Span<byte> random = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(random);
        return Convert.ToHexStringLower(random);
    }
}
