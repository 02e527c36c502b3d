using System.Text;
using Centrex.Switch.Provisioning;

namespace Centrex.Switch.Partitions;

/// <summary>
/// Which partition owns a customer: a stable hash of the customer id (FNV-1a over its UTF-16 code units) modulo the
/// number of partitions, so a customer is always addressable by its id alone (the unit a cluster later places on a
/// machine), and the lookups the router makes per message (account by user name, account by DID) go through the
/// directory's span lookups without allocating.
/// </summary>
internal sealed class PartitionMap(int count)
{
    /// <summary>Longest user name or number the router looks up (longer ones route by Call-ID).</summary>
    private const int MaxLookupBytes = 128;

    public int Count { get; } = count is >= 1 and <= PartitionTokens.MaxPartitions
        ? count : throw new ArgumentOutOfRangeException(nameof(count), count, $"1 to {PartitionTokens.MaxPartitions} partitions");

    /// <summary>The partition of <paramref name="customerId"/>.</summary>
    public int Of(string customerId)
    {
        var hash = 2166136261u;
        foreach (var c in customerId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)Count);
    }

    /// <summary>Any partition, by a hash of <paramref name="key"/> (a Call-ID): for requests no customer claims.</summary>
    public int OfBytes(ReadOnlySpan<byte> key)
    {
        var hash = 2166136261u;
        foreach (var b in key)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)Count);
    }

    /// <summary>The partition of the account with user name or id <paramref name="user"/> (UTF-8), or -1.</summary>
    public int OfAccount(ISwitchDirectory directory, ReadOnlySpan<byte> user)
    {
        Span<char> chars = stackalloc char[MaxLookupBytes];
        return TryChars(user, chars, out var written) && directory.FindAccount(chars[..written]) is { } account ? Of(account.CustomerId) : -1;
    }

    /// <summary>The partition of the account a DID (E.164, with or without '+') belongs to, or -1.</summary>
    public int OfDid(ISwitchDirectory directory, ReadOnlySpan<byte> number)
    {
        if (!number.IsEmpty && number[0] == (byte)'+')
        {
            number = number[1..];
        }

        Span<char> chars = stackalloc char[MaxLookupBytes];
        return TryChars(number, chars, out var written) && directory.FindByDid(chars[..written]) is { } account ? Of(account.CustomerId) : -1;
    }

    private static bool TryChars(ReadOnlySpan<byte> utf8, Span<char> chars, out int written)
    {
        written = 0;
        return !utf8.IsEmpty && utf8.Length <= MaxLookupBytes && Encoding.UTF8.TryGetChars(utf8, chars, out written);
    }
}
