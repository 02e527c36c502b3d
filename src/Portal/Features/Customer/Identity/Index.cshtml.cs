using Centrex.Portal.Localization;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Identity;

/// <summary>
/// Identity (seed 004: "Hide CLI" never, always or automatic, "Hide CLI Prefix", "Show CLI Prefix"; the number shown
/// chosen among the line's DIDs): one form per line, saved through import's reading and validation, its message beside
/// the field it is about.
/// </summary>
public sealed class IndexModel(IdentityChanges changes) : PageModel
{
    public IReadOnlyList<Account> Lines => changes.Lines;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The line whose form was refused, and what was typed in it.</summary>
    public string? Editing { get; private set; }

    public LineIdentity? Typed { get; private set; }

    /// <summary>What the line's form shows: what was typed when it was refused, else the line's identity.</summary>
    public LineIdentity Shown(Account line) => Editing == line.Id && Typed is { } typed ? typed : line.Identity;

    public void OnGet()
    {
    }

    public IActionResult OnPost(string? line, [FromForm(Name = "caller_id")] string? callerId, [FromForm(Name = "hide_cli")] string? hideCli,
        [FromForm(Name = "hide_cli_prefix")] string? hidePrefix, [FromForm(Name = "show_cli_prefix")] string? showPrefix)
    {
        if (changes.Lines.All(l => l.Id != line))
        {
            return NotFound();
        }

        Editing = line;
        if (hideCli is null || !WireNames.HideCliModes.TryGetValue(hideCli, out var mode))
        {
            Typed = new LineIdentity(Empty(callerId), HideCli.Automatic, Empty(hidePrefix), Empty(showPrefix));
            Errors["hide_cli"] = "choose never, always or automatic";
            return Page();
        }

        Typed = new LineIdentity(Empty(callerId), mode, Empty(hidePrefix), Empty(showPrefix));
        var result = changes.Set(line!, Typed);
        if (result.Done)
        {
            TempData["Saved"] = Translation.Of(HttpContext, "Identity of line {0} saved.", line);
            return RedirectToPage();
        }

        Errors[result.Field ?? string.Empty] = result.Message!;
        return Page();
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
