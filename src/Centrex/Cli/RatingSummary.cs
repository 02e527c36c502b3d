using System.Globalization;
using Centrex.Ledger;
using Centrex.Rating.Cdrs;
using Centrex.RatingRun;

namespace Centrex.Cli;

/// <summary>The end-of-run summary of <c>centrex rate</c>, on standard error, one fact per line for people and scripts.</summary>
internal static class RatingSummary
{
    public static void Write(TextWriter error, RatingRunResult result, RateRequest request, LedgerStore? ledger = null, Rating.Money.Mills? discounts = null)
    {
        var t = result.Tally;
        var seconds = Math.Max(result.Elapsed.TotalSeconds, 1e-9);
        var culture = CultureInfo.InvariantCulture;
        error.WriteLine(string.Create(culture, $"centrex rate: {request.Cdrs}"));
        error.WriteLine(string.Create(culture, $"  rows read        {t.Read,14:N0}"));
        error.WriteLine(string.Create(culture, $"  rated            {t.Rated,14:N0}"));
        error.WriteLine(string.Create(culture, $"  rejected         {t.Rejected,14:N0}"));
        foreach (var reason in RejectReasonNames.All)
        {
            error.WriteLine(string.Create(culture, $"    {reason.ToWireName(),-14} {t.RejectedFor(reason),14:N0}"));
        }

        var fields = Enum.GetValues<CdrField>().Where(f => t.MalformedIn(f) > 0).Select(f => $"{f.ToDisplayName()} {t.MalformedIn(f):N0}");
        if (t.RejectedFor(RejectReason.Malformed) > 0)
        {
            error.WriteLine(string.Create(culture, $"    malformed by field: {string.Join(", ", fields)}"));
            error.WriteLine(string.Create(culture, $"    first malformed rows: {string.Join(", ", t.MalformedExamples.Select(e => $"line {e.Line} ({e.Field.ToString().ToLowerInvariant()})"))}"));
        }

        error.WriteLine(string.Create(culture, $"  total charge     {t.TotalCharge,14}"));
        if (discounts is { } given)
        {
            error.WriteLine(string.Create(culture, $"  volume discounts {given,14}"));
        }

        error.WriteLine(string.Create(culture, $"  billed minutes   {t.BilledSeconds / 60,14:N0}"));
        error.WriteLine(string.Create(culture, $"  elapsed          {result.Elapsed.TotalSeconds,14:F3} s"));
        error.WriteLine(string.Create(culture, $"  rows per second  {t.Read / seconds,14:N0}"));
        error.WriteLine(string.Create(culture, $"  rated file       {request.Rated}"));
        error.WriteLine(string.Create(culture, $"  rejects file     {request.Rejects}"));
        if (ledger is not null)
        {
            error.WriteLine(string.Create(culture, $"  ledger           {ledger.Folder} (journal committed to address {ledger.CommittedUntil:N0})"));
        }
    }
}
