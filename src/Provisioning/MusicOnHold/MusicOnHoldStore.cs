using System.Text;
using System.Text.Json;

namespace Centrex.Provisioning.MusicOnHold;

/// <summary>
/// Customers' music-on-hold files (seed 004, Music on Hold: "To upload your own music, select a file ... The uploaded
/// music will replace the previous entry"): <c>DATA/music-on-hold/CUSTOMER/ID.wav</c> beside an <c>index.json</c> of
/// their names and the one chosen. Files and folders are the owner's only (0600, 0700), like the rest of the data
/// directory, since a customer's recordings may be private. Each customer's folder is reached only through its id, so
/// a file of another customer is simply not found. The portal checks uploads (WAV, size) before they come here; the
/// media engine will play <see cref="ChosenPath"/> (nothing plays it yet: the switch only passes RTP between phones). One writer at a time in a process (the portal); readers see whole files
/// (each written beside and moved into place).
/// </summary>
public sealed class MusicOnHoldStore(string dataDirectory)
{
    /// <summary>The folder under the data directory.</summary>
    public const string FolderName = "music-on-hold";

    /// <summary>Largest file accepted (about 10 minutes of 8 kHz 16-bit mono; G.711 is half that per minute).</summary>
    public const long MaxFileBytes = 10L << 20;

    /// <summary>Most files a customer keeps.</summary>
    public const int MaxFiles = 20;

    private const UnixFileMode FileMode600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode FolderMode700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
    private readonly object _gate = new();

    /// <summary>The customer's files and choice.</summary>
    public MusicOnHoldIndex Read(string customerId)
    {
        var index = IndexPath(customerId);
        return File.Exists(index) ? JsonSerializer.Deserialize<MusicOnHoldIndex>(File.ReadAllBytes(index), Json) ?? MusicOnHoldIndex.Empty : MusicOnHoldIndex.Empty;
    }

    /// <summary>Where the customer's file <paramref name="id"/> is, when it has one by that id; else null.</summary>
    public string? PathOf(string customerId, string id) =>
        Read(customerId).Files.Any(f => f.Id == id) ? Path.Combine(Folder(customerId), id + ".wav") : null;

    /// <summary>The file the customer's calls on hold hear, or null (none chosen).</summary>
    public string? ChosenPath(string customerId) => Read(customerId).Chosen is { } id ? PathOf(customerId, id) : null;

    /// <summary>
    /// Stores a checked WAV file; the first one a customer uploads is chosen at once (it asked for music). Null when the
    /// customer has <see cref="MaxFiles"/> files already: counted under the lock, so uploads sent at once stop at the
    /// cap with an answer, not an exception (a count made before the lock let 24 at once reach here: one was a 500).
    /// </summary>
    public MusicFile? Add(string customerId, string name, ReadOnlySpan<byte> wav, string uploaded, long durationMs, string format)
    {
        lock (_gate)
        {
            var index = Read(customerId);
            if (index.Files.Count >= MaxFiles)
            {
                return null;
            }

            var folder = Folder(customerId);
            CreateFolder(folder);
            var file = new MusicFile("moh-" + Guid.NewGuid().ToString("N")[..12], name, uploaded, wav.Length, durationMs, format);
            WriteWhole(Path.Combine(folder, file.Id + ".wav"), wav);
            Write(customerId, new MusicOnHoldIndex(index.Chosen ?? file.Id, [.. index.Files, file]));
            return file;
        }
    }

    /// <summary>Chooses the file (null: none); false when the customer has no such file.</summary>
    public bool Choose(string customerId, string? id)
    {
        lock (_gate)
        {
            var index = Read(customerId);
            if (id is not null && index.Files.All(f => f.Id != id))
            {
                return false;
            }

            Write(customerId, index with { Chosen = id });
            return true;
        }
    }

    /// <summary>Deletes the file (the chosen one: then none is); false when the customer has no such file.</summary>
    public bool Delete(string customerId, string id)
    {
        lock (_gate)
        {
            var index = Read(customerId);
            if (index.Files.All(f => f.Id != id))
            {
                return false;
            }

            Write(customerId, new MusicOnHoldIndex(index.Chosen == id ? null : index.Chosen, [.. index.Files.Where(f => f.Id != id)]));
            File.Delete(Path.Combine(Folder(customerId), id + ".wav"));
            return true;
        }
    }

    /// <summary>
    /// The customer's folder. A customer id is a provisioning id (letters, digits, '-', '_', '.'); one with anything else,
    /// or one a path could misread ('.', '..'), is written in hex so it can never name a folder outside.
    /// </summary>
    public string Folder(string customerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var plain = customerId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && customerId.Trim('.').Length > 0;
        return Path.Combine(dataDirectory, FolderName, plain ? customerId : "x-" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(customerId)));
    }

    private string IndexPath(string customerId) => Path.Combine(Folder(customerId), "index.json");

    private void Write(string customerId, MusicOnHoldIndex index)
    {
        CreateFolder(Folder(customerId));
        WriteWhole(IndexPath(customerId), JsonSerializer.SerializeToUtf8Bytes(index, Json));
    }

    // Written beside, 0600 from the start, then moved into place: a reader never sees half a file.
    private static void WriteWhole(string path, ReadOnlySpan<byte> bytes)
    {
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode600;
        }

        using (var stream = new FileStream(temp, options))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    private static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, FolderMode700);
        }
    }
}
