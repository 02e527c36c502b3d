using System.Buffers;

namespace Centrex.Ingestion;

/// <summary>
/// A growable byte buffer rented from <see cref="ArrayPool{T}.Shared"/>, for the megabytes a large ingestion batch needs
/// for a few hundred milliseconds (its journal entries, its answer): a new array per batch was a fresh, zeroed
/// large-object-heap array of ~10 MB each time (issue 16's ingestion bench). The owner gives the array back
/// (<see cref="Dispose"/>) once nothing can read it any more; an owner that cannot be sure of that (a batch whose writer
/// job may still be queued) simply does not dispose it, and the collector takes it.
/// </summary>
/// <param name="initialCapacity">Bytes to rent at first.</param>
internal sealed class PooledBuffer(int initialCapacity) : IBufferWriter<byte>, IDisposable
{
    private byte[] _array = ArrayPool<byte>.Shared.Rent(Math.Max(256, initialCapacity));
    private int _length;

    /// <summary>Bytes written.</summary>
    public int Length => _length;

    /// <summary>The written bytes, writable.</summary>
    public Span<byte> Written => _array.AsSpan(0, _length);

    /// <summary>The written bytes as memory (to write to a stream).</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _length);

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

    /// <summary>Gives the array back to the pool; the buffer is empty and unusable after.</summary>
    public void Dispose()
    {
        var array = _array;
        _array = [];
        _length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Reserve(int sizeHint)
    {
        var needed = (long)_length + Math.Max(sizeHint, 1);
        if (needed <= _array.Length)
        {
            return;
        }

        ObjectDisposedException.ThrowIf(_array.Length == 0, this);
        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(needed, (long)_array.Length * 2)));
        _array.AsSpan(0, _length).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_array);
        _array = grown;
    }
}
