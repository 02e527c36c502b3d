using System.Globalization;

namespace Centrex.Ledger.State;

/// <summary>
/// How an account-state store was created, kept in a file beside its checkpoints (<c>ledger/state2/format</c>) and read
/// before FASTER opens it: every opener (serve, rate, bill, balance, journal verify) uses the kept sizes, never its own.
/// FASTER recovers a checkpoint wrongly into a log of another memory or page size (a test reopening one store
/// alternately with 2^22 and 2^16 bytes of log read a garbage balance, bench/README "Ingestion at full scale"), so the
/// sizes are chosen once, when the store is created, and a store is only ever given other sizes by rebuilding its state
/// from the journal into a new store (<see cref="StateFolder"/>).
/// </summary>
/// <param name="Version">The record layout: 2 is one record per account and month (<see cref="StateValue"/>).</param>
/// <param name="MemoryBits">In-memory part of FASTER's log, 2^bits bytes.</param>
/// <param name="PageBits">FASTER's log page, 2^bits bytes.</param>
/// <param name="IndexBuckets">FASTER's hash index buckets.</param>
internal sealed record StateFormat(int Version, int MemoryBits, int PageBits, long IndexBuckets)
{
    /// <summary>The record layout this code writes.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The file's name in the state folder.</summary>
    public const string FileName = "format";

    /// <summary>The format of a new store with an in-memory log of 2^<paramref name="memoryBits"/> bytes.</summary>
    public static StateFormat New(int memoryBits, long indexBuckets) =>
        new(CurrentVersion, memoryBits, Math.Min(22, memoryBits - 2), indexBuckets);

    /// <summary>The kept format of the store in <paramref name="folder"/>, or null when none was kept (a store from before formats were kept, or none).</summary>
    /// <exception cref="IOException">The file exists but is not a format this code wrote.</exception>
    public static StateFormat? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var fields = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split(' ', 2);
            if (parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                fields[parts[0]] = value;
            }
        }

        long Field(string name) => fields.TryGetValue(name, out var value)
            ? value
            : throw new IOException($"{path} names no '{name}': the account state's format file is damaged (move the state folder away to rebuild it from the journal)");

        var memory = (int)Field("memory-bits");
        var page = (int)Field("page-bits");
        if (memory is < 12 or > 40 || page < 9 || page > memory)
        {
            throw new IOException($"{path}: memory-bits {memory} and page-bits {page} are not sizes this code writes");
        }

        return new StateFormat((int)Field("version"), memory, page, Field("index-buckets"));
    }

    /// <summary>
    /// Writes the format into <paramref name="folder"/> atomically (a whole file renamed over, after its bytes are on
    /// disk). It is written before FASTER creates anything in the folder: a crash that loses it leaves a store without a
    /// kept format, which the next opener rebuilds from the journal.
    /// </summary>
    public void Write(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"version {Version}\nmemory-bits {MemoryBits}\npage-bits {PageBits}\nindex-buckets {IndexBuckets}\n"));
            writer.Flush();
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The in-memory log's size for an operator.</summary>
    public string MemoryText => MemoryBits switch
    {
        >= 30 => string.Create(CultureInfo.InvariantCulture, $"{1L << (MemoryBits - 30)} GiB"),
        >= 20 => string.Create(CultureInfo.InvariantCulture, $"{1L << (MemoryBits - 20)} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{1L << (MemoryBits - 10)} KiB"),
    };
}
