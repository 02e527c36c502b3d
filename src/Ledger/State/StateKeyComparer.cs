using System.Numerics;
using System.Runtime.CompilerServices;
using FASTER.core;

namespace Centrex.Ledger.State;

/// <summary>Equality and hashing of <see cref="StateKey"/> as eight 64-bit words.</summary>
internal sealed class StateKeyComparer : IFasterEqualityComparer<StateKey>
{
    public static readonly StateKeyComparer Instance = new();

    public bool Equals(ref StateKey k1, ref StateKey k2)
    {
        ref var a = ref Unsafe.As<StateKey, ulong>(ref k1);
        ref var b = ref Unsafe.As<StateKey, ulong>(ref k2);
        for (var i = 0; i < StateKey.Size / sizeof(ulong); i++)
        {
            if (Unsafe.Add(ref a, i) != Unsafe.Add(ref b, i))
            {
                return false;
            }
        }

        return true;
    }

    public long GetHashCode64(ref StateKey k)
    {
        ref var words = ref Unsafe.As<StateKey, ulong>(ref k);
        var hash = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < StateKey.Size / sizeof(ulong); i++)
        {
            hash = BitOperations.RotateLeft(hash ^ (Unsafe.Add(ref words, i) * 0xBF58476D1CE4E5B9), 27) * 0x94D049BB133111EB;
        }

        return (long)(hash ^ (hash >> 31));
    }
}
