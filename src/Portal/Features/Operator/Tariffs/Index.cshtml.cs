using Centrex.Portal.Localization;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Shared;
using Centrex.Rating.Csv;
using Centrex.Rating.Tariffs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Centrex.Portal.Features.Operator.Tariffs;

/// <summary>Tariffs: upload (checked as <c>rate</c> checks it, the line and field of an error shown by the file input), preview, activate on a day.</summary>
public sealed class IndexModel(TariffStore tariffs, PortalData data) : PageModel
{
    /// <summary>What the preview shows: the upload's rows, a page of them in the URL's order.</summary>
    public sealed record TariffPreview(string Token, string Name, int Rows, Paged<TariffRow> Shown);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public TariffPreview? Preview { get; private set; }

    public IReadOnlyList<TariffStore.Scheduled> Scheduled { get; private set; } = [];

    public TariffStore.Scheduled? Active { get; private set; }

    /// <summary>The scheduled tariffs table's sortable columns.</summary>
    public static TableSort<TariffStore.Scheduled> Sorting { get; } = new("from", defaultDescending: false,
        [("from", s => s.From), ("file", s => Path.GetFileName(s.Path)), ("size", s => s.Bytes)]);

    /// <summary>
    /// The preview's sortable columns (<c>preview_sort</c>, beside the scheduled tariffs' <c>sort</c>); the file's order
    /// (its line numbers) by default.
    /// </summary>
    public static TableSort<TariffRow> PreviewSorting { get; } = new("line", defaultDescending: false,
    [
        ("line", r => r.Line), ("prefix", r => r.Prefix), ("destination", r => r.Destination), ("rate", r => r.RatePerMinute.Value),
        ("connect_fee", r => r.ConnectFee.Value), ("first", r => r.FirstIncrement), ("next", r => r.NextIncrement),
    ], "preview_");

    /// <summary>The page of scheduled tariffs shown, in the URL's order.</summary>
    public Paged<TariffStore.Scheduled> Result => field ??= Sorting.Page(Request.Query, Scheduled);

    /// <summary>Whether the running serve rates with these tariffs.</summary>
    public bool Rating => tariffs.Rating;

    public string Tomorrow => Display.Show.IsoDate(Today.PlusDays(1));

    private LocalDate Today => data.Clock.GetCurrentInstant().InUtc().Date;

    /// <summary>
    /// The page, and the preview of the pending upload named by <c>preview</c> (where a successful upload redirects, so
    /// the preview's sort and page links are plain links of its URL).
    /// </summary>
    public void OnGet()
    {
        if (Request.Query["preview"].ToString() is { Length: > 0 } token)
        {
            ShowPreview(token, Request.Query["name"]);
        }

        List();
    }

    public async Task<IActionResult> OnPostUpload(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            Errors["file"] = "choose a tariff CSV file";
        }
        else
        {
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            var name = Path.GetFileName(file.FileName);
            try
            {
                var (token, _) = tariffs.Upload(copy.ToArray(), name);
                return RedirectToPage(new { preview = token, name });
            }
            catch (CsvFormatException e)
            {
                Errors["file"] = e.Message;
            }
        }

        List();
        return Page();
    }

    public IActionResult OnPostActivate(string? token, string? from, string? name)
    {
        var day = FormValues.Date(from, "from", Errors);
        if (day is null && !Errors.ContainsKey("from"))
        {
            Errors["from"] = "enter the day it takes effect";
        }
        else if (day is { } d && d < Today)
        {
            Errors["from"] = "a tariff takes effect today or later (calls already rated keep their prices)";
        }

        if (Errors.Count == 0)
        {
            var now = data.Clock.GetCurrentInstant();
            if (!tariffs.Activate(token ?? string.Empty, day!.Value, now, out var problem))
            {
                Errors["file"] = "that upload is gone: upload the file again";
            }
            else
            {
                TempData["Saved"] = problem is null
                    ? day.Value == now.InUtc().Date
                        ? "Tariff in force from now: calls starting from now are rated with it (calls already up keep their tariff)."
                        : Translation.Of(HttpContext, "Tariff scheduled from {0} (00:00 UTC): calls starting from then are rated with it.", Display.Show.Date(day.Value))
                    : Translation.Of(HttpContext, "Tariff scheduled from {0}, but {1}.", Display.Show.Date(day.Value), problem);
                return RedirectToPage();
            }
        }
        else if (token is { Length: > 0 })
        {
            ShowPreview(token, name); // the date's error shows beside the date, under the preview it activates
        }

        List();
        return Page();
    }

    // The pending upload's preview, in the URL's order; the error by the file input when it is gone.
    private void ShowPreview(string token, string? name)
    {
        var paging = PreviewSorting.Read(Request.Query);
        name = Path.GetFileName(name ?? string.Empty);
        if (tariffs.PendingTariff(token, name) is { } tariff)
        {
            Preview = new TariffPreview(token, name, tariff.Rows.Count, paging.Of(PreviewSorting.Sort(tariff.Rows, paging)));
        }
        else
        {
            Errors["file"] = "that upload is gone (activated, or never made): upload the file again";
        }
    }

    private void List()
    {
        Scheduled = tariffs.List();
        Active = tariffs.ActiveOn(Today);
    }
}
