using FASTER.core;

namespace Centrex.Ledger.State;

/// <summary>
/// A FASTER key-value store of 64-bit values in its own folder of the data directory, with checkpoints and recovery.
/// One writer session (the ledger's single writing thread) and one reader session behind a lock (queries from other
/// threads), because a FASTER session must not be used by two threads at once.
/// </summary>
/// <typeparam name="TKey">A blittable key type.</typeparam>
internal sealed class FasterTable<TKey> : IDisposable
    where TKey : struct
{
    private readonly IDevice _device;
    private readonly FasterKV<TKey, long> _store;
    private readonly ClientSession<TKey, long, long, long, Empty, SimpleFunctions<TKey, long>> _writer;
    private readonly ClientSession<TKey, long, long, long, Empty, SimpleFunctions<TKey, long>> _reader;
    private readonly Lock _readerLock = new();

    /// <summary>Pending (disk-bound) updates <see cref="AddAll"/> leaves outstanding before it waits for them.</summary>
    private const int MaxPending = 256;

    /// <summary>Opens the table in <paramref name="folder"/>, recovering the latest checkpoint if there is one.</summary>
    /// <param name="folder">The table's own folder.</param>
    /// <param name="comparer">Key equality and hashing.</param>
    /// <param name="indexBuckets">Hash index size (a power of two; each bucket holds several keys).</param>
    /// <param name="memorySizeBits">In-memory part of the log (2^bits bytes); older records live on disk.</param>
    public FasterTable(string folder, IFasterEqualityComparer<TKey> comparer, long indexBuckets, int memorySizeBits)
    {
        Directory.CreateDirectory(folder);
        var checkpoints = Path.Combine(folder, "checkpoints");
        _device = Devices.CreateLogDevice(Path.Combine(folder, "hlog.log"), recoverDevice: true);
        _store = new FasterKV<TKey, long>(
            indexBuckets,
            new LogSettings { LogDevice = _device, MemorySizeBits = memorySizeBits, PageSizeBits = Math.Min(22, memorySizeBits - 2), MutableFraction = 0.9 },
            new CheckpointSettings { CheckpointDir = checkpoints, RemoveOutdated = true },
            comparer: comparer);
        if (Directory.Exists(checkpoints) && Directory.EnumerateFileSystemEntries(checkpoints).Any())
        {
            _store.Recover();
            Recovered = true;
        }

        // Values merge by addition: an update adds its delta, a new key starts at the delta.
        var functions = new SimpleFunctions<TKey, long>((current, delta) => current + delta);
        _writer = _store.For(functions).NewSession<SimpleFunctions<TKey, long>>();
        _reader = _store.For(functions).NewSession<SimpleFunctions<TKey, long>>();
    }

    /// <summary>Whether a checkpoint was recovered when the table was opened.</summary>
    public bool Recovered { get; }

    /// <summary>Adds <paramref name="delta"/> to the value (a missing key counts as 0). Writer thread only.</summary>
    public void Add(TKey key, long delta)
    {
        if (_writer.RMW(ref key, ref delta).IsPending)
        {
            _writer.CompletePending(wait: true);
        }
    }

    /// <summary>
    /// Adds every delta, in one epoch-protected stretch (FASTER's unsafe context: the session enters the epoch once
    /// instead of once per operation, which is most of the cost of an in-memory update). Writer thread only.
    /// </summary>
    /// <remarks>
    /// A key whose record has left the in-memory log goes pending (FASTER reads it from disk on another thread). The
    /// pending updates are left outstanding, up to <see cref="MaxPending"/> at once, and completed together: waiting
    /// for each read in turn made the writer thread's cost per update a disk read's latency (issue 16's full-scale run:
    /// 72 % of the writer's time in <c>CompletePending</c>). Every update is complete when this returns, so the state
    /// never runs ahead of what the caller applies (FASTER retries a pending update whose key changed meanwhile).
    /// </remarks>
    public void AddAll(IReadOnlyList<(TKey Key, long Delta)> changes)
    {
        var context = _writer.UnsafeContext;
        context.BeginUnsafe();
        try
        {
            var pending = 0;
            for (var i = 0; i < changes.Count; i++)
            {
                var (key, delta) = changes[i];
                if (context.RMW(ref key, ref delta).IsPending && ++pending == MaxPending)
                {
                    context.CompletePending(wait: true);
                    pending = 0;
                }
            }

            if (pending > 0)
            {
                context.CompletePending(wait: true);
            }
        }
        finally
        {
            context.EndUnsafe();
        }
    }

    /// <summary>Sets the value. Writer thread only.</summary>
    public void Set(TKey key, long value)
    {
        if (_writer.Upsert(ref key, ref value).IsPending)
        {
            _writer.CompletePending(wait: true);
        }
    }

    /// <summary>Reads a value on the writer session. Writer thread only.</summary>
    public bool TryGet(TKey key, out long value) => TryRead(_writer, key, out value);

    /// <summary>Reads a value from any thread.</summary>
    public bool TryGetShared(TKey key, out long value)
    {
        lock (_readerLock)
        {
            return TryRead(_reader, key, out value);
        }
    }

    /// <summary>Every live key and its value, at the time of the call. Writer thread only.</summary>
    public List<(TKey Key, long Value)> Snapshot()
    {
        var items = new List<(TKey, long)>();
        using var iterator = _writer.Iterate();
        while (iterator.GetNext(out var info))
        {
            if (!info.Tombstone)
            {
                items.Add((iterator.GetKey(), iterator.GetValue()));
            }
        }

        return items;
    }

    /// <summary>Takes a full checkpoint and waits until it is on disk. Writer thread only, between updates.</summary>
    public void Checkpoint()
    {
        var (success, _) = _store.TakeFullCheckpointAsync(CheckpointType.FoldOver).AsTask().GetAwaiter().GetResult();
        if (!success)
        {
            throw new IOException("the FASTER checkpoint did not complete");
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _reader.Dispose();
        _store.Dispose();
        _device.Dispose();
    }

    private static bool TryRead(ClientSession<TKey, long, long, long, Empty, SimpleFunctions<TKey, long>> session, TKey key, out long value)
    {
        value = 0;
        var status = session.Read(ref key, ref value);
        if (status.IsPending)
        {
            session.CompletePendingWithOutputs(out var outputs, wait: true);
            using (outputs)
            {
                while (outputs.Next())
                {
                    status = outputs.Current.Status;
                    value = outputs.Current.Output;
                }
            }
        }

        return status.Found;
    }
}
