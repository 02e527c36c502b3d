using System.Buffers.Binary;
using Centrex.Ledger.Journal;

namespace Centrex.Ledger.State;

/// <summary>
/// The registry's persistent form in <c>ledger/ids</c>: <c>ids.log</c>, one 24-byte record (fingerprint, address) per
/// registered name in journal order, and <c>ids.meta</c>, written atomically at each checkpoint, saying how many
/// records are durable and up to which journal address they cover. Records after that count (written by a process
/// that died before its next checkpoint) are cut off by <see cref="CutUncheckpointed"/> once the ledger's open is known
/// to succeed; the journal's tail after the covered address is replayed to register them again.
/// </summary>
internal sealed class IdLog : IDisposable
{
    private const int RecordSize = 24;
    private const int MetaSize = 24;
    private const int PrefetchDistance = 8;
    private readonly string _meta;
    private readonly FileStream _file;
    private readonly BufferedStream _writer;

    /// <summary>Opens the registry in <paramref name="folder"/> without changing a byte of it.</summary>
    /// <exception cref="IOException"><c>ids.meta</c> is damaged, or <c>ids.log</c> holds fewer records than it says.</exception>
    public IdLog(string folder)
    {
        Directory.CreateDirectory(folder);
        _meta = Path.Combine(folder, "ids.meta");
        (CoveredUntil, Durable) = ReadMeta(_meta);
        var path = Path.Combine(folder, "ids.log");
        if (Durable > 0 && !File.Exists(path))
        {
            throw new IOException($"{path} is missing but its checkpoint says it holds {Durable:N0} records: the file lost data");
        }

        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
        if (_file.Length < Durable * RecordSize)
        {
            var length = _file.Length;
            _file.Dispose();
            throw new IOException($"{path} holds {length / RecordSize:N0} records but its checkpoint says {Durable:N0}: the file lost data");
        }

        // Not cut here: an open refused after this (the runs or the journal disagree) must leave every record in place.
        _file.Position = Durable * RecordSize;
        _writer = new BufferedStream(_file, 1 << 20);
        Written = Durable;
    }

    /// <summary>The journal address the durable records cover (registered names of every entry before it), or -1.</summary>
    public long CoveredUntil { get; private set; }

    /// <summary>Records made durable by the last checkpoint.</summary>
    public long Durable { get; private set; }

    /// <summary>Records written so far.</summary>
    public long Written { get; private set; }

    /// <summary>
    /// Reads the durable records from record <paramref name="from"/> on (the ones before it are sealed in runs) into
    /// <paramref name="calls"/> (a call's id: a reference into a block) and <paramref name="names"/> (whole entries).
    /// </summary>
    public void LoadInto(long from, IdIndex calls, IdIndex names)
    {
        ThrowIfRunsCoverMore(from);

        ReadRecords(from, Durable, (name, reference, prefetch) =>
        {
            // The inserts land all over a table far larger than the cache: start loading a later record's slot first.
            calls.Prefetch(prefetch);
            (EntryReference.IsInBlock(reference) ? calls : names).Add(name, reference);
        });
    }

    /// <summary>Refuses a registry whose sealed runs end past its durable records (an older <c>ids.meta</c> than the runs).</summary>
    /// <exception cref="IOException">The runs cover more records than <c>ids.meta</c> says are durable.</exception>
    public void ThrowIfRunsCoverMore(long sealedUntil)
    {
        if (sealedUntil > Durable)
        {
            throw new IOException($"{_file.Name} holds {Durable:N0} durable records but the sealed runs cover {sealedUntil:N0}: the id log lost data");
        }
    }

    /// <summary>
    /// Visits records [<paramref name="from"/>, <paramref name="until"/>) in order, with the name of a record a few
    /// places ahead (to prefetch); records written but not flushed are flushed first.
    /// </summary>
    public void ReadRecords(long from, long until, Action<NameFingerprint, long, NameFingerprint> visit)
    {
        _writer.Flush();
        ReadDurable(from, until, visit);
    }

    /// <summary>
    /// The same for records made durable by a checkpoint, from any thread (the writer goes on appending meanwhile):
    /// positioned reads of a part of the file nobody writes again.
    /// </summary>
    public void ReadDurable(long from, long until, Action<NameFingerprint, long, NameFingerprint> visit)
    {
        const int RecordsPerRead = 8192;
        var buffer = new byte[RecordSize * RecordsPerRead];
        for (var at = from; at < until;)
        {
            var records = (int)Math.Min(RecordsPerRead, until - at);
            var bytes = buffer.AsSpan(0, records * RecordSize);
            for (var read = 0; read < bytes.Length;)
            {
                var got = RandomAccess.Read(_file.SafeFileHandle, bytes[read..], (at * RecordSize) + read);
                if (got == 0)
                {
                    throw new IOException($"{_file.Name} ends before record {at + ((read + got) / RecordSize)}");
                }

                read += got;
            }

            for (var i = 0; i < records; i++)
            {
                var record = bytes.Slice(i * RecordSize, RecordSize);
                var ahead = Math.Min(i + PrefetchDistance, records - 1);
                visit(Fingerprint(record), BinaryPrimitives.ReadInt64LittleEndian(record[16..]), Fingerprint(bytes.Slice(ahead * RecordSize, RecordSize)));
            }

            at += records;
        }
    }

    /// <summary>
    /// Cuts off the records after the durable ones (a process died before checkpointing them; replaying the journal's
    /// tail registers them again). Called once the ledger's open is known to succeed, before anything is appended.
    /// </summary>
    public void CutUncheckpointed()
    {
        if (Written != Durable)
        {
            throw new InvalidOperationException("the id log's uncheckpointed records are cut before anything is appended");
        }

        _file.SetLength(Durable * RecordSize);
    }

    /// <summary>Appends a record (durable at the next <see cref="Checkpoint(long)"/>).</summary>
    public void Append(NameFingerprint name, long address)
    {
        Span<byte> record = stackalloc byte[RecordSize];
        BinaryPrimitives.WriteUInt64LittleEndian(record, name.High);
        BinaryPrimitives.WriteUInt64LittleEndian(record[8..], name.Low);
        BinaryPrimitives.WriteInt64LittleEndian(record[16..], address);
        _writer.Write(record);
        Written++;
    }

    /// <summary>Makes every record written durable, covering the journal up to <paramref name="coveredUntil"/>.</summary>
    public void Checkpoint(long coveredUntil) => Checkpoint(coveredUntil, Written);

    /// <summary>
    /// Makes the first <paramref name="records"/> records durable, covering the journal up to <paramref name="coveredUntil"/>
    /// (records after them belong to entries not yet committed and are cut off if the process dies).
    /// </summary>
    public void Checkpoint(long coveredUntil, long records)
    {
        _writer.Flush();
        _file.Flush(flushToDisk: true);
        var meta = new byte[MetaSize];
        BinaryPrimitives.WriteInt64LittleEndian(meta, coveredUntil);
        BinaryPrimitives.WriteInt64LittleEndian(meta.AsSpan(8), records);
        BinaryPrimitives.WriteInt64LittleEndian(meta.AsSpan(16), Check(coveredUntil, records));
        var temporary = _meta + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1))
        {
            file.Write(meta);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, _meta, overwrite: true);
        CoveredUntil = coveredUntil;
        Durable = records;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }

    private static (long CoveredUntil, long Durable) ReadMeta(string path)
    {
        if (!File.Exists(path))
        {
            return (-1, 0);
        }

        var meta = File.ReadAllBytes(path);
        var covered = meta.Length == MetaSize ? BinaryPrimitives.ReadInt64LittleEndian(meta) : 0;
        var durable = meta.Length == MetaSize ? BinaryPrimitives.ReadInt64LittleEndian(meta.AsSpan(8)) : 0;
        if (meta.Length != MetaSize || BinaryPrimitives.ReadInt64LittleEndian(meta.AsSpan(16)) != Check(covered, durable))
        {
            throw new IOException($"{path} is damaged");
        }

        return (covered, durable);
    }

    private static NameFingerprint Fingerprint(ReadOnlySpan<byte> record) =>
        new(BinaryPrimitives.ReadUInt64LittleEndian(record), BinaryPrimitives.ReadUInt64LittleEndian(record[8..]));

    private static long Check(long covered, long durable) => (long)(((ulong)covered * 0x9E3779B97F4A7C15UL) ^ ((ulong)durable * 0xC2B2AE3D27D4EB4FUL) ^ 0x5EED);
}
