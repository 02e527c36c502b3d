using FASTER.core;

namespace Centrex.Ledger.State;

/// <summary>Equality and hashing of <see cref="IdKey"/>.</summary>
internal sealed class IdKeyComparer : IFasterEqualityComparer<IdKey>
{
    public static readonly IdKeyComparer Instance = new();

    public bool Equals(ref IdKey k1, ref IdKey k2) => k1 == k2;

    public long GetHashCode64(ref IdKey k) => (long)(k.High ^ (k.Low * 0x9E3779B97F4A7C15UL) ^ ((ulong)k.Probe * 0xC2B2AE3D27D4EB4FUL));
}
