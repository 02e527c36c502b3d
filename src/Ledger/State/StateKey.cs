using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Centrex.Ledger.State;

/// <summary>
/// The key of one piece of account state in the FASTER store: a balance, an account's month (its counters), or the
/// store's own metadata. Fixed size (64 bytes, the account inline) so FASTER keeps keys blittable and compares them as eight words.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public unsafe struct StateKey
{
    /// <summary>Bytes in a key.</summary>
    public const int Size = 64;

    /// <summary>Longest account id the store keeps (UTF-8 bytes).</summary>
    public const int MaxAccountLength = 56;

    [FieldOffset(0)]
    private StateKind _kind;

    [FieldOffset(1)]
    private byte _accountLength;

    [FieldOffset(2)]
    private CounterKind _counter;

    [FieldOffset(4)]
    private int _period;

    [FieldOffset(8)]
    private fixed byte _account[MaxAccountLength];

    /// <summary>What the key addresses.</summary>
    public readonly StateKind Kind => _kind;

    /// <summary>The counter, for <see cref="StateKind.Counter"/>.</summary>
    public readonly CounterKind Counter => _counter;

    /// <summary>The period (<c>yyyyMM</c>), for <see cref="StateKind.Counter"/> and <see cref="StateKind.Month"/>.</summary>
    public readonly int Period => _period;

    /// <summary>The account's UTF-8 bytes.</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<byte> Account => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in _account[0]), _accountLength);

    /// <summary>True when an account id fits a key.</summary>
    public static bool Fits(ReadOnlySpan<byte> account) => account.Length <= MaxAccountLength;

    /// <summary>The key of an account's balance.</summary>
    public static StateKey Balance(ReadOnlySpan<byte> account) => Make(StateKind.Balance, account, default, 0);

    /// <summary>The key of an account's month record: all its counters for a period (<c>yyyyMM</c>).</summary>
    public static StateKey Month(ReadOnlySpan<byte> account, int period) => Make(StateKind.Month, account, default, period);

    /// <summary>The name of one counter of an account's period (state format 1's key; the verifier's unit).</summary>
    public static StateKey CounterOf(ReadOnlySpan<byte> account, CounterKind counter, int period) => Make(StateKind.Counter, account, counter, period);

    /// <summary>The key holding the journal address the store has applied up to.</summary>
    public static StateKey AppliedUntil => Make(StateKind.Meta, default, default, 0);

    private static StateKey Make(StateKind kind, ReadOnlySpan<byte> account, CounterKind counter, int period)
    {
        if (account.Length > MaxAccountLength)
        {
            throw new ArgumentException($"account ids are at most {MaxAccountLength} bytes", nameof(account));
        }

        var key = default(StateKey);
        key._kind = kind;
        key._accountLength = (byte)account.Length;
        key._counter = counter;
        key._period = period;
        account.CopyTo(MemoryMarshal.CreateSpan(ref key._account[0], MaxAccountLength));
        return key;
    }
}
