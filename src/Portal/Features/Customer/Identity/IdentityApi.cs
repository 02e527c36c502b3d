using Centrex.Portal.Api;
using Centrex.Portal.Features.Customer.Lines;
using Centrex.Portal.Security;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.Identity;

/// <summary>
/// <c>/api/v1/me/identity</c>: each line's number shown and Hide CLI settings (GET); <c>PUT /api/v1/me/lines/{id}/identity</c>
/// sets one line's, read and validated like <c>provision import</c> (400 naming the field; another customer's line 404).
/// </summary>
internal static class IdentityApi
{
    /// <summary>A line's identity in provisioning's names (<c>caller_id</c> without '+', null: its first DID).</summary>
    public sealed record IdentityBody(string? CallerId, string? HideCli, string? HideCliPrefix, string? ShowCliPrefix);

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/identity", (IdentityChanges changes) => Results.Ok(changes.Lines.Select(l => new
        {
            line = l.Id, extension = l.Extension, dids = l.Dids, caller_id = l.Identity.CallerId,
            hide_cli = WireNames.Name(WireNames.HideCliModes, l.Identity.HideCli), hide_cli_prefix = l.Identity.HidePrefix, show_cli_prefix = l.Identity.ShowPrefix,
        }))).WithName("ListIdentities").WithSummary("Each line's number shown and Hide CLI settings");

        me.MapPut("/lines/{id}/identity", (string id, IdentityBody body, IdentityChanges changes) =>
        {
            if (body.HideCli is not { } name || !WireNames.HideCliModes.TryGetValue(name, out var mode))
            {
                return Results.Json(new ApiError("invalid", "hide_cli is never, always or automatic", "hide_cli"), statusCode: StatusCodes.Status400BadRequest);
            }

            var result = changes.Set(id, new LineIdentity(body.CallerId?.TrimStart('+'), mode, body.HideCliPrefix, body.ShowCliPrefix));
            return result == LineChanges.NotFound ? ApiRoutes.NotFound("line")
                : result.Done ? Results.NoContent()
                : Results.Json(new ApiError("invalid", result.Message!, result.Field, result.Kind), statusCode: StatusCodes.Status400BadRequest);
        }).WithName("SetIdentity").WithSummary("Sets a line's number shown and Hide CLI settings (validated like provision import)");
    }
}
