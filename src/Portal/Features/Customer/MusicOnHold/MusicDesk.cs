using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Centrex.Provisioning.MusicOnHold;
using Microsoft.AspNetCore.Http;
using NodaTime.Text;

namespace Centrex.Portal.Features.Customer.MusicOnHold;

/// <summary>
/// The session's customer's music on hold (seed 004): its files listed, one uploaded (checked by <see cref="WavCheck"/>,
/// at most <see cref="MusicOnHoldStore.MaxFileBytes"/>), chosen or deleted. Always the customer of
/// <see cref="CustomerScope"/>: a file id of another customer is not found in this customer's folder (false, 404).
/// </summary>
public sealed class MusicDesk(CustomerScope scope, MusicOnHoldStore store, PortalData data)
{
    /// <summary>The customer's files and choice.</summary>
    public MusicOnHoldIndex Index => store.Read(scope.CustomerId);

    /// <summary>Stores an upload; the error (for the file or name field) when refused.</summary>
    public async Task<(MusicFile? File, string? Field, string? Error)> Upload(IFormFile? upload, string? name, CancellationToken cancel)
    {
        if (upload is null || upload.Length == 0)
        {
            return (null, "file", "choose a WAV file to upload");
        }

        var fileName = Path.GetFileName(upload.FileName);
        if (upload.Length > MusicOnHoldStore.MaxFileBytes)
        {
            return (null, "file", $"'{fileName}' is {Megabytes(upload.Length)}: music on hold files are at most {Megabytes(MusicOnHoldStore.MaxFileBytes)}");
        }

        // Seed 004: "enter the desired name in the Music Name field; otherwise the local file name will be used".
        var shown = string.IsNullOrWhiteSpace(name) ? Path.GetFileNameWithoutExtension(fileName) : name.Trim();
        if (shown.Length is < 1 or > 60 || shown.Any(char.IsControl))
        {
            return (null, "name", "a name of 1 to 60 characters");
        }

        if (Index.Files.Count >= MusicOnHoldStore.MaxFiles)
        {
            return Full;
        }

        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer, cancel);
        var bytes = buffer.ToArray();
        var check = WavCheck.Check(bytes, fileName);
        if (check.Error is { } error)
        {
            return (null, "file", error);
        }

        var uploaded = InstantPattern.ExtendedIso.Format(data.Clock.GetCurrentInstant());
        // Counted again where the file is added, under the store's lock: uploads sent at once all passed the count above.
        return store.Add(scope.CustomerId, shown, bytes, uploaded, check.DurationMs, check.Format) is { } added ? (added, null, null) : Full;
    }

    private static (MusicFile?, string?, string?) Full => (null, "file", $"you have {MusicOnHoldStore.MaxFiles} files, the most kept: delete one first");

    /// <summary>Chooses the file its calls on hold hear (null: none); false when it is not the customer's.</summary>
    public bool Choose(string? id) => store.Choose(scope.CustomerId, string.IsNullOrEmpty(id) ? null : id);

    /// <summary>Deletes the file; false when it is not the customer's.</summary>
    public bool Delete(string id) => store.Delete(scope.CustomerId, id);

    /// <summary>A size in MB with two decimals, cut not rounded, from bytes (integers only): 10.07 MB is over 10.00 MB.</summary>
    public static string Megabytes(long bytes) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1L << 20)}.{bytes % (1L << 20) * 100 / (1L << 20):00} MB");
}
