using System.Buffers;
using FASTER.core;

namespace Centrex.Ledger.Journal;

/// <summary>
/// The append-only journal of everything that moves money (FasterLog in the data directory). Entries become durable
/// only at <see cref="Commit"/> (group commit: one commit covers every entry enqueued before it); on start-up FasterLog
/// recovers to the last commit, and bytes written after it (a torn tail) are cut off by <see cref="CutTornTail"/> and
/// reported.
/// </summary>
internal sealed class CdrJournal : IDisposable
{
    /// <summary>log2 of a journal page's size (4 MiB): no entry may be larger than a page.</summary>
    public const int PageSizeBits = 22;

    /// <summary>The largest entry the journal takes (a page, less FasterLog's per-entry header and checksum).</summary>
    public const int MaxEntryBytes = (1 << PageSizeBits) - 64;

    /// <summary>Bits of a segment file's size (1 GiB): addresses map to <c>journal.log.N</c> at offset address mod 2^bits.</summary>
    private const int SegmentSizeBits = 30;

    private readonly string _folder;
    private readonly string _path;
    private IDevice _device;
    private FasterLog _log;

    /// <summary>Opens (or creates) the journal in <paramref name="folder"/>; a torn tail stays until <see cref="CutTornTail"/>.</summary>
    public CdrJournal(string folder)
    {
        Directory.CreateDirectory(folder);
        _folder = folder;
        _path = Path.Combine(folder, "journal.log");
        (_device, _log) = OpenLog(folder);
    }

    /// <summary>Bytes found after the last commit when the journal was opened, removed by <see cref="CutTornTail"/>.</summary>
    public long TornBytesDiscarded { get; private set; }

    /// <summary>
    /// Cuts off the bytes past the committed tail: written by a process that died before committing them, FasterLog
    /// ignores them, but they would confuse anyone reading the files. Called only once the ledger's open is known to
    /// succeed, before anything is appended: an open refused for any reason leaves them where they were.
    /// </summary>
    public void CutTornTail()
    {
        TornBytesDiscarded = CutAfter(_log.TailAddress);
        if (TornBytesDiscarded > 0)
        {
            _log.Dispose();
            _device.Dispose();
            (_device, _log) = OpenLog(_folder);
        }
    }

    /// <summary>Address of the first entry.</summary>
    public long BeginAddress => _log.BeginAddress;

    /// <summary>Address after the last durable entry.</summary>
    public long CommittedUntil => _log.CommittedUntilAddress;

    /// <summary>Address after the last entry enqueued (durable or not).</summary>
    public long Tail => _log.TailAddress;

    /// <summary>Enqueues an entry; returns its address. Durable only after the next <see cref="Commit"/>.</summary>
    public long Append(ReadOnlySpan<byte> entry) => _log.Enqueue(entry);

    /// <summary>Makes every entry enqueued so far durable (written and flushed), waiting until it is.</summary>
    public void Commit() => _log.Commit(spinWait: true);

    /// <summary>Starts making every entry enqueued so far durable; <see cref="CommittedUntil"/> moves when it is.</summary>
    public void RequestCommit() => _log.Commit(spinWait: false);

    /// <summary>
    /// Waits until the journal is committed at least up to <paramref name="address"/>, blocked rather than spinning:
    /// FasterLog.WaitForCommit loops on Thread.Yield for the whole flush, which on a two-core host took CPU from the
    /// switch's threads at every group commit (perf: 3.6 % of serve's samples in sched_yield under 2,500 calls/s). A
    /// commit that fails throws here as it does there.
    /// </summary>
    public void WaitForCommit(long address)
    {
        var wait = _log.WaitForCommitAsync(address);
        if (wait.IsCompletedSuccessfully)
        {
            return;
        }

        wait.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Reads the entry at <paramref name="address"/> (durable or still in memory).</summary>
    public byte[] Read(long address)
    {
        var (entry, length) = _log.ReadAsync(address).AsTask().GetAwaiter().GetResult();
        return entry is null ? [] : entry.AsSpan(0, length).ToArray();
    }

    /// <summary>Visits the committed entries from <paramref name="from"/> to <paramref name="until"/>, in order.</summary>
    /// <param name="from">First address to visit (an entry's address, or <see cref="BeginAddress"/>).</param>
    /// <param name="until">Address to stop before (usually <see cref="CommittedUntil"/>).</param>
    /// <param name="visit">Gets each entry's address and bytes; the bytes are only valid during the call.</param>
    public void Scan(long from, long until, EntryVisitor visit)
    {
        using var iterator = _log.Scan(Math.Max(from, _log.BeginAddress), until, recover: false, scanUncommitted: false);
        while (iterator.GetNext(MemoryPool<byte>.Shared, out var entry, out var length, out var address))
        {
            using (entry)
            {
                visit(address, entry.Memory.Span[..length]);
            }
        }
    }

    public void Dispose()
    {
        _log.Dispose();
        _device.Dispose();
    }

    private (IDevice Device, FasterLog Log) OpenLog(string folder)
    {
        var device = Devices.CreateLogDevice(_path, recoverDevice: true);
        var log = new FasterLog(new FasterLogSettings
        {
            LogDevice = device,
            LogCommitDir = Path.Combine(folder, "commits"),
            LogChecksum = LogChecksumType.PerEntry,
            TryRecoverLatest = true,
            MemorySizeBits = 26,
            PageSizeBits = PageSizeBits,
            SegmentSizeBits = SegmentSizeBits,
            RemoveOutdatedCommits = true,
        });
        return (device, log);
    }

    /// <summary>
    /// Truncates the segment file holding <paramref name="committedTail"/> to the end of the tail's sector (FasterLog
    /// writes whole 512-byte sectors, so the rest of that sector is its padding), and deletes later segments.
    /// </summary>
    private long CutAfter(long committedTail)
    {
        const long SectorSize = 512;
        var segment = committedTail >> SegmentSizeBits;
        var offset = ((committedTail & ((1L << SegmentSizeBits) - 1)) + SectorSize - 1) / SectorSize * SectorSize;
        long discarded = 0;
        var current = new FileInfo($"{_path}.{segment}");
        if (current.Exists && current.Length > offset)
        {
            discarded += current.Length - offset;
            using var file = new FileStream(current.FullName, FileMode.Open, FileAccess.Write);
            file.SetLength(offset);
            file.Flush(flushToDisk: true);
        }

        for (var later = segment + 1; File.Exists($"{_path}.{later}"); later++)
        {
            discarded += new FileInfo($"{_path}.{later}").Length;
            File.Delete($"{_path}.{later}");
        }

        return discarded;
    }
}
