using Centrex.Portal.Data;
using Centrex.Portal.Features.Operator.Api;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using Centrex.Rating.Csv;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime.Text;

namespace Centrex.Portal.Features.Operator.Tariffs;

/// <summary>
/// <c>/api/v1/operator/tariffs</c>: the scheduled tariffs (<c>tariffs:read</c>); upload a tariff CSV as the request body,
/// checked as <c>centrex rate</c> checks it (400 with rate's message, line and field), answered with a preview and a
/// token; activate that upload from a day (<c>tariffs:write</c>). The page does the same through <see cref="TariffStore"/>.
/// </summary>
internal static class TariffsApi
{
    /// <summary>An activation: the first day (<c>YYYY-MM-DD</c>) the tariff is in force.</summary>
    public sealed record ActivationRequest(string? From);

    public static void Map(RouteGroupBuilder operatorGroup)
    {
        operatorGroup.MapGet("/tariffs", (TariffStore tariffs, PortalData data) =>
        {
            var today = data.Clock.GetCurrentInstant().InUtc().Date;
            var active = tariffs.ActiveOn(today);
            return Results.Ok(new
            {
                active_from = active is null ? null : LocalDatePattern.Iso.Format(active.From),
                rating = tariffs.Rating,
                scheduled = tariffs.List().Select(s => new { from = LocalDatePattern.Iso.Format(s.From), effective = InstantPattern.ExtendedIso.Format(s.Effective), bytes = s.Bytes }),
            });
        }).Scoped(ApiScope.TariffsRead).WithName("ListTariffs").WithSummary("The scheduled tariffs and the one in force today");

        operatorGroup.MapPost("/tariffs", async (HttpContext context, TariffStore tariffs) =>
        {
            using var copy = new MemoryStream();
            await context.Request.Body.CopyToAsync(copy, context.RequestAborted);
            if (copy.Length == 0)
            {
                return ApiFields.Invalid("the body is the tariff CSV (the format of centrex rate --tariff)", "file");
            }

            var name = Path.GetFileName(context.Request.Query["name"].ToString()) is { Length: > 0 } given ? given : "tariff.csv";
            try
            {
                var (token, tariff) = tariffs.Upload(copy.ToArray(), name);
                return Results.Ok(new
                {
                    token, name, rows = tariff.Rows.Count,
                    preview = tariff.Rows.Take(20).Select(r => new
                    {
                        prefix = r.Prefix, destination = r.Destination, rate_per_minute = r.RatePerMinute.ToString(), connect_fee = r.ConnectFee.ToString(),
                        first_increment = r.FirstIncrement, next_increment = r.NextIncrement,
                    }),
                });
            }
            catch (CsvFormatException e)
            {
                return ApiFields.Invalid(e.Message, "file");
            }
        }).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Security.BodyLimits.TariffBytes)).Scoped(ApiScope.TariffsWrite).WithName("UploadTariff")
            .WithSummary("Checks a tariff CSV (the body; ?name= names it in messages) as centrex rate does; a preview and the token to activate it");

        operatorGroup.MapPost("/tariffs/{token}/activation", (string token, ActivationRequest body, TariffStore tariffs, PortalData data) =>
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var day = FormValues.Date(body.From, "from", errors);
            if (errors.Count > 0 || day is null)
            {
                return ApiFields.Invalid(errors.GetValueOrDefault("from") ?? "from: the day it takes effect, YYYY-MM-DD", "from");
            }

            if (day.Value < data.Clock.GetCurrentInstant().InUtc().Date)
            {
                return ApiFields.Invalid("from: a tariff takes effect today or later (calls already rated keep their prices)", "from");
            }

            return tariffs.Activate(token, day.Value, data.Clock.GetCurrentInstant(), out var problem)
                ? Results.Ok(new { from = LocalDatePattern.Iso.Format(day.Value), rating = problem is null, problem })
                : Results.Json(new ApiError("not-found", "no such upload: upload the file again"), statusCode: StatusCodes.Status404NotFound);
        }).Scoped(ApiScope.TariffsWrite).WithName("ActivateTariff").WithSummary("Schedules an uploaded tariff from a day (today or later)");
    }
}
