using System.Globalization;
using Centrex.Rating.Csv;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Switch.Cdrs;

/// <summary>
/// The switch's CDRs in the data directory: append-only CSV files, one per UTC day of the calls' start,
/// <c>DATA/cdrs/YYYY-MM-DD.csv</c> (format: <see cref="SwitchCdrCsv"/>). One writer; <see cref="Flush"/> makes what
/// was appended durable. A line torn by a crash is sealed with a line break when the file is next opened, so it stays a
/// single damaged line that readers skip and count.
/// </summary>
public sealed class CdrStore : IDisposable
{
    /// <summary>The folder under the data directory.</summary>
    public const string FolderName = "cdrs";

    private readonly string _folder;
    private readonly ByteBuffer _pending = new(64 * 1024);
    private FileStream? _file;
    private LocalDate _fileDay;
    private LocalDate _pendingDay;

    /// <summary>Opens the store of a data directory for appending, creating its folder.</summary>
    public CdrStore(string dataDirectory)
    {
        _folder = FolderOf(dataDirectory);
        Directory.CreateDirectory(_folder);
    }

    /// <summary>The CDR folder of a data directory.</summary>
    public static string FolderOf(string dataDirectory) => Path.Combine(dataDirectory, FolderName);

    /// <summary>Buffers a CDR (durable at the next <see cref="Flush"/>).</summary>
    public void Append(SwitchCdr cdr)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        var day = cdr.Start.InUtc().Date;
        if (_pending.Length > 0 && day != _pendingDay)
        {
            Flush(); // a call that started before midnight ended after it: its day's file, in order
        }

        _pendingDay = day;
        SwitchCdrCsv.Write(cdr, _pending);
    }

    /// <summary>Writes what was appended to its day file and forces it to disk.</summary>
    public void Flush()
    {
        if (_pending.Length == 0)
        {
            return;
        }

        if (_file is null || _fileDay != _pendingDay)
        {
            _file?.Dispose();
            _file = OpenDay(_pendingDay);
            _fileDay = _pendingDay;
        }

        _file.Write(_pending.Written);
        _file.Flush(flushToDisk: true);
        _pending.Clear();
    }

    /// <summary>Flushes and closes.</summary>
    public void Dispose()
    {
        Flush();
        _file?.Dispose();
        _file = null;
    }

    /// <summary>
    /// The stored CDRs whose start is in [<paramref name="from"/>, <paramref name="to"/>), day file by day file, each
    /// in the order written. Damaged lines are skipped and reported through <paramref name="damaged"/> (file, line, reason).
    /// </summary>
    public static IEnumerable<SwitchCdr> Read(string dataDirectory, Instant from, Instant to, Action<string, long, string>? damaged = null)
    {
        var folder = FolderOf(dataDirectory);
        if (!Directory.Exists(folder) || to <= from)
        {
            yield break;
        }

        var fields = new List<string>(SwitchCdrCsv.Header.Count);
        var first = from.InUtc().Date;
        var last = (to - Duration.Epsilon).InUtc().Date;
        foreach (var (day, path) in DayFiles(folder))
        {
            if (day < first || day > last)
            {
                continue;
            }

            long number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                if (number == 1 || line.Length == 0)
                {
                    continue; // the header
                }

                string? error;
                var cdr = SwitchCdrCsv.TrySplit(line, fields) ? SwitchCdrCsv.Parse(fields, out error) : Broken(out error);
                if (cdr is null)
                {
                    damaged?.Invoke(path, number, error ?? "damaged");
                    continue;
                }

                if (cdr.Start >= from && cdr.Start < to)
                {
                    yield return cdr;
                }
            }
        }
    }

    /// <summary>The day files present, oldest first.</summary>
    private static IEnumerable<(LocalDate Day, string Path)> DayFiles(string folder) =>
        Directory.EnumerateFiles(folder, "????-??-??.csv")
            .Select(path => (Parsed: LocalDatePattern.Iso.Parse(Path.GetFileNameWithoutExtension(path)), Path: path))
            .Where(file => file.Parsed.Success)
            .Select(file => (file.Parsed.Value, file.Path))
            .OrderBy(file => file.Value);

    /// <summary>The file name of a day: <c>YYYY-MM-DD.csv</c>.</summary>
    public static string DayFileName(LocalDate day) =>
        string.Create(CultureInfo.InvariantCulture, $"{day.Year:D4}-{day.Month:D2}-{day.Day:D2}.csv");

    private static SwitchCdr? Broken(out string? error)
    {
        error = "broken quoting";
        return null;
    }

    private FileStream OpenDay(LocalDate day)
    {
        var path = Path.Combine(_folder, DayFileName(day));
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        if (file.Length == 0)
        {
            file.Write(SwitchCdrCsv.HeaderLine);
        }
        else
        {
            file.Seek(-1, SeekOrigin.End);
            if (file.ReadByte() != '\n')
            {
                file.WriteByte((byte)'\n'); // seal a line torn by a crash
            }
        }

        file.Seek(0, SeekOrigin.End);
        return file;
    }
}
