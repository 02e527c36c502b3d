using Centrex.Portal.Localization;
using Centrex.Portal.Features.Shared;
using Centrex.Provisioning.MusicOnHold;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.MusicOnHold;

/// <summary>
/// Music on Hold (seed 004: "define which music will be used for calls on hold ... To upload your own music, select a
/// file ... enter the desired name in the Music Name field"; the treble clef turns it on and off): the customer's WAV
/// files, one uploaded (refused beside the field when not WAV or too large), chosen, or deleted.
/// </summary>
public sealed class IndexModel(MusicDesk desk) : PageModel
{
    public MusicOnHoldIndex Music => desk.Index;

    /// <summary>The table's sortable columns.</summary>
    public static TableSort<MusicFile> Sorting { get; } = new("uploaded", defaultDescending: false,
    [
        ("name", f => f.Name), ("length", f => f.DurationMs), ("format", f => f.Format), ("size", f => f.Bytes), ("uploaded", f => f.Uploaded),
    ]);

    /// <summary>The page of files shown, in the URL's order.</summary>
    public Paged<MusicFile> Result => field ??= Sorting.Page(Request.Query, Music.Files);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Name { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? name, CancellationToken cancel)
    {
        Name = name;
        var (saved, field, error) = await desk.Upload(file, name, cancel);
        if (saved is null)
        {
            Errors[field!] = error!;
            return Page();
        }

        TempData["Saved"] = desk.Index.Chosen == saved.Id
            ? Translation.Of(HttpContext, "{0} uploaded and chosen for your calls on hold.", saved.Name)
            : Translation.Of(HttpContext, "{0} uploaded.", saved.Name);
        return RedirectToPage();
    }

    public IActionResult OnPostChoose(string? id)
    {
        if (!desk.Choose(id))
        {
            return NotFound();
        }

        TempData["Saved"] = string.IsNullOrEmpty(id) ? "Music on hold is off." : Translation.Of(HttpContext, "{0} is your music on hold.", desk.Index.Files.First(f => f.Id == id).Name);
        return RedirectToPage();
    }

    public IActionResult OnPostDelete(string? id)
    {
        var file = desk.Index.Files.FirstOrDefault(f => f.Id == id);
        if (file is null || !desk.Delete(file.Id))
        {
            return NotFound();
        }

        TempData["Saved"] = Translation.Of(HttpContext, "{0} deleted.", file.Name);
        return RedirectToPage();
    }

    /// <summary>m:ss from milliseconds.</summary>
    public static string Length(long ms) => $"{ms / 60_000}:{ms / 1000 % 60:00}";
}
