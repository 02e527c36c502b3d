using System.Collections.Concurrent;
using FASTER.core;

namespace Centrex.Ledger.State;

/// <summary>
/// A FASTER key-value store of blittable values that merge by a sum, in its own folder of the data directory, with checkpoints and recovery.
/// One writer session (the ledger's single writing thread) and a pool of reader sessions for queries from other
/// threads: a FASTER session must not be used by two threads at once, so each read takes a session of its own from the
/// pool for as long as it runs. Readers never share a lock: a read whose record is on disk waits for its I/O, and the
/// device completes that I/O on a thread-pool thread; behind one shared lock, 50 portal requests each waiting their turn
/// on pool threads starved the pool of the very threads that complete the I/O, and a customer's first dashboard took
/// 21 s at the median (bench/README.md, issue 16, "the dashboard's cold first visit").
/// </summary>
/// <typeparam name="TKey">A blittable key type.</typeparam>
/// <typeparam name="TValue">A blittable value type.</typeparam>
internal sealed class FasterTable<TKey, TValue> : IDisposable
    where TKey : struct
    where TValue : struct
{
    private readonly IDevice _device;
    private readonly FasterKV<TKey, TValue> _store;
    private readonly IFasterEqualityComparer<TKey> _comparer;
    private readonly SimpleFunctions<TKey, TValue> _functions;
    private readonly ClientSession<TKey, TValue, TValue, TValue, Empty, SimpleFunctions<TKey, TValue>> _writer;
    private readonly ConcurrentBag<ClientSession<TKey, TValue, TValue, TValue, Empty, SimpleFunctions<TKey, TValue>>> _readers = [];
    private long _pendingReads;

    /// <summary>Pending (disk-bound) updates <see cref="AddAll"/> leaves outstanding before it waits for them.</summary>
    private const int MaxPending = 256;

    /// <summary>Opens the table in <paramref name="folder"/>, recovering the latest checkpoint if there is one.</summary>
    /// <param name="folder">The table's own folder.</param>
    /// <param name="comparer">Key equality and hashing.</param>
    /// <param name="indexBuckets">Hash index size (a power of two; each bucket holds several keys).</param>
    /// <param name="memorySizeBits">In-memory part of the log (2^bits bytes); older records live on disk.</param>
    /// <param name="pageSizeBits">The log's page (2^bits bytes).</param>
    /// <param name="merge">How an update's delta merges into a record (a missing key starts at the delta).</param>
    public FasterTable(string folder, IFasterEqualityComparer<TKey> comparer, long indexBuckets, int memorySizeBits, int pageSizeBits, Func<TValue, TValue, TValue> merge)
    {
        Directory.CreateDirectory(folder);
        var checkpoints = Path.Combine(folder, "checkpoints");
        _device = Devices.CreateLogDevice(Path.Combine(folder, "hlog.log"), recoverDevice: true);
        _store = new FasterKV<TKey, TValue>(
            indexBuckets,
            new LogSettings { LogDevice = _device, MemorySizeBits = memorySizeBits, PageSizeBits = pageSizeBits, MutableFraction = 0.9 },
            new CheckpointSettings { CheckpointDir = checkpoints, RemoveOutdated = true },
            comparer: comparer);
        if (Directory.Exists(checkpoints) && Directory.EnumerateFileSystemEntries(checkpoints).Any())
        {
            _store.Recover();
            Recovered = true;
        }

        // Values merge by the caller's sum: an update adds its delta, a new key starts at the delta.
        _comparer = comparer;
        _functions = new SimpleFunctions<TKey, TValue>(merge);
        _writer = _store.For(_functions).NewSession<SimpleFunctions<TKey, TValue>>();
    }

    /// <summary>Reads by other threads that had to wait for a record on disk (tests check the disk path is the one they exercise).</summary>
    internal long PendingReads => Interlocked.Read(ref _pendingReads);

    /// <summary>Whether a checkpoint was recovered when the table was opened.</summary>
    public bool Recovered { get; }

    /// <summary>Adds <paramref name="delta"/> to the value (a missing key counts as 0). Writer thread only.</summary>
    public void Add(TKey key, TValue delta)
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
    public void AddAll(IReadOnlyList<(TKey Key, TValue Delta)> changes)
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
    public void Set(TKey key, TValue value)
    {
        if (_writer.Upsert(ref key, ref value).IsPending)
        {
            _writer.CompletePending(wait: true);
        }
    }

    /// <summary>Reads a value on the writer session. Writer thread only.</summary>
    public bool TryGet(TKey key, out TValue value) => TryRead(_writer, key, out value, out _);

    /// <summary>Reads a value from any thread (blocks while a record on disk is read).</summary>
    public bool TryGetShared(TKey key, out TValue value)
    {
        var session = RentReader();
        try
        {
            var found = TryRead(session, key, out value, out var pending);
            if (pending)
            {
                Interlocked.Increment(ref _pendingReads);
            }

            return found;
        }
        finally
        {
            _readers.Add(session);
        }
    }

    /// <summary>
    /// Reads several values from any thread without blocking it: every read is issued at once on one session, so records
    /// on disk are fetched together (one wait for all of them, not one after another), and the caller's thread is free
    /// while they are. A missing key reads the default value.
    /// </summary>
    public async ValueTask<TValue[]> GetSharedAsync(IReadOnlyList<TKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var values = new TValue[keys.Count];
        var session = RentReader();
        try
        {
            List<int>? pending = null;
            for (var i = 0; i < keys.Count; i++)
            {
                var key = keys[i];
                TValue output = default;
                var status = session.Read(ref key, ref output);
                if (status.IsPending)
                {
                    Interlocked.Increment(ref _pendingReads);
                    (pending ??= []).Add(i);
                }
                else if (status.Found)
                {
                    values[i] = output;
                }
            }

            if (pending is not null)
            {
                using var outputs = await session.CompletePendingWithOutputsAsync().ConfigureAwait(false);
                while (outputs.Next())
                {
                    ref var done = ref outputs.Current;
                    if (!done.Status.Found)
                    {
                        continue;
                    }

                    // Completed reads come back in no set order; each is matched to the keys asked by its key.
                    var doneKey = done.Key;
                    foreach (var i in pending)
                    {
                        var key = keys[i];
                        if (_comparer.Equals(ref key, ref doneKey))
                        {
                            values[i] = done.Output;
                        }
                    }
                }
            }

            return values;
        }
        finally
        {
            _readers.Add(session);
        }
    }

    /// <summary>Every live key and its value, at the time of the call. Writer thread only.</summary>
    public List<(TKey Key, TValue Value)> Snapshot()
    {
        var items = new List<(TKey, TValue)>();
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
        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
        }

        _store.Dispose();
        _device.Dispose();
    }

    // A session per concurrent reader: taken from the pool, or made when every pooled one is in use (as many as
    // readers ever ran at once, each a few hundred bytes).
    private ClientSession<TKey, TValue, TValue, TValue, Empty, SimpleFunctions<TKey, TValue>> RentReader() =>
        _readers.TryTake(out var session) ? session : _store.For(_functions).NewSession<SimpleFunctions<TKey, TValue>>();

    private static bool TryRead(ClientSession<TKey, TValue, TValue, TValue, Empty, SimpleFunctions<TKey, TValue>> session, TKey key, out TValue value, out bool pending)
    {
        value = default;
        var status = session.Read(ref key, ref value);
        pending = status.IsPending;
        if (pending)
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
