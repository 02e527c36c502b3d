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
    /// <summary>What the preview shows.</summary>
    public sealed record TariffPreview(string Token, string Name, int Rows, IReadOnlyList<TariffRow> First);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public TariffPreview? Preview { get; private set; }

    public IReadOnlyList<TariffStore.Scheduled> Scheduled { get; private set; } = [];

    public TariffStore.Scheduled? Active { get; private set; }

    /// <summary>The scheduled tariffs table's sortable columns.</summary>
    public static TableSort<TariffStore.Scheduled> Sorting { get; } = new("from", defaultDescending: false,
        [("from", s => s.From), ("file", s => Path.GetFileName(s.Path)), ("size", s => s.Bytes)]);

    /// <summary>The page of scheduled tariffs shown, in the URL's order.</summary>
    public Paged<TariffStore.Scheduled> Result => field ??= Sorting.Page(Request.Query, Scheduled);

    /// <summary>Whether the running serve rates with these tariffs.</summary>
    public bool Rating => tariffs.Rating;

    public string Tomorrow => Display.Show.IsoDate(Today.PlusDays(1));

    private LocalDate Today => data.Clock.GetCurrentInstant().InUtc().Date;

    public void OnGet() => List();

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
                var (token, tariff) = tariffs.Upload(copy.ToArray(), name);
                Preview = new TariffPreview(token, name, tariff.Rows.Count, [.. tariff.Rows.Take(20)]);
            }
            catch (CsvFormatException e)
            {
                Errors["file"] = e.Message;
            }
        }

        List();
        return Page();
    }

    public IActionResult OnPostActivate(string? token, string? from)
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

        List();
        return Page();
    }

    private void List()
    {
        Scheduled = tariffs.List();
        Active = tariffs.ActiveOn(Today);
    }
}
