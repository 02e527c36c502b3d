using System.Numerics;
using System.Runtime.InteropServices;
using Centrex.Ledger.Journal;

namespace Centrex.Ledger.State;

/// <summary>
/// Two independent 64-bit hashes of a name (a CDR id, a batch's idempotency key, a movement id) in its domain: the
/// registry's <see cref="NameFingerprint"/>. Equal names in different domains hash apart.
/// </summary>
internal static class NameHash
{
    public static NameFingerprint Of(JournalRecordKind domain, ReadOnlySpan<byte> name) =>
        new(Hash(domain, name, 0x9E3779B97F4A7C15UL) | 1, Hash(domain, name, 0xD6E8FEB86659FD93UL));

    private static ulong Hash(JournalRecordKind domain, ReadOnlySpan<byte> name, ulong seed)
    {
        var h = seed ^ ((ulong)name.Length << 8) ^ (byte)domain;
        var words = MemoryMarshal.Cast<byte, ulong>(name);
        foreach (var w in words)
        {
            h = BitOperations.RotateLeft(h ^ (w * 0x87C37B91114253D5UL), 31) * 0x4CF5AD432745937FUL;
        }

        ulong tail = 0;
        var rest = name[(words.Length * sizeof(ulong))..];
        for (var i = 0; i < rest.Length; i++)
        {
            tail |= (ulong)rest[i] << (8 * i);
        }

        h = BitOperations.RotateLeft(h ^ (tail * 0x87C37B91114253D5UL), 31) * 0x4CF5AD432745937FUL;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ (h >> 33);
    }
}
