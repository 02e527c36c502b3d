using Centrex.Portal.Features.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.Reports;

/// <summary><c>GET /api/v1/me/reports/xdr?from=YYYY-MM-DD&amp;to=YYYY-MM-DD&amp;format=csv|xlsx|pdf</c>: the Reports page's download, any period (a PDF: at most <see cref="XdrDownload.MaxPdfCalls"/> calls).</summary>
internal static class ReportsApi
{
    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/reports/xdr", async (HttpContext context, XdrDownload download) =>
        {
            var q = context.Request.Query;
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var from = FormValues.Date(q["from"], "from", errors);
            var to = FormValues.Date(q["to"], "to", errors);
            var format = q["format"].ToString() is { Length: > 0 } f ? f : "csv";
            if (XdrDownload.Check(from, to, format, errors).Count > 0 || download.CheckSize(from!.Value, to!.Value, format, errors).Count > 0)
            {
                return Api.ApiResults.Invalid(errors);
            }

            await download.Write(context, from!.Value, to!.Value, format);
            return Results.Empty;
        }).WithName("GetXdrReport").WithSummary($"The customer's xDR report for any range of days (its time zone), streamed as CSV or XLSX; a PDF holds at most {XdrDownload.MaxPdfCalls} calls (400 on format beyond)");
    }
}
