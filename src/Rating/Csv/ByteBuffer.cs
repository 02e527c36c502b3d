using System.Buffers;

namespace Centrex.Rating.Csv;

/// <summary>
/// A growable byte buffer for rendering CSV lines, reused across batches: like <see cref="ArrayBufferWriter{T}"/>, with
/// its written bytes exposed as a span (<see cref="Written"/>).
/// </summary>
public sealed class ByteBuffer(int initialCapacity = 4096) : IBufferWriter<byte>
{
    private byte[] _array = new byte[Math.Max(16, initialCapacity)];
    private int _length;

    /// <summary>Bytes written.</summary>
    public int Length => _length;

    /// <summary>The written bytes, writable.</summary>
    public Span<byte> Written => _array.AsSpan(0, _length);

    /// <summary>Forgets everything written; keeps the memory.</summary>
    public void Clear() => _length = 0;

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _array.Length - _length);
        _length += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsMemory(_length);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsSpan(_length);
    }

    private void Reserve(int sizeHint)
    {
        var needed = (long)_length + Math.Max(sizeHint, 1);
        if (needed > _array.Length)
        {
            Array.Resize(ref _array, (int)Math.Min(Array.MaxLength, Math.Max(needed, (long)_array.Length * 2)));
        }
    }
}
