using Centrex.Portal.Api;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.MusicOnHold;

/// <summary>
/// <c>/api/v1/me/music-on-hold</c>: the customer's files and the chosen one (GET); a WAV uploaded (POST, multipart
/// <c>file</c> and optional <c>name</c>; 400 naming the field when refused); the one played chosen (PUT <c>.../chosen</c>,
/// <c>{"id": null}</c> turns it off); one deleted. Another customer's file id is 404.
/// </summary>
internal static class MusicOnHoldApi
{
    /// <summary>The file to play on hold, or null for none.</summary>
    public sealed record ChooseRequest(string? Id);

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/music-on-hold", (MusicDesk desk) => Results.Ok(desk.Index))
            .WithName("GetMusicOnHold").WithSummary("The customer's music-on-hold files and the chosen one");

        me.MapPost("/music-on-hold", async (HttpRequest request, MusicDesk desk, CancellationToken cancel) =>
        {
            if (!request.HasFormContentType)
            {
                return Results.Json(new ApiError("invalid", "send the file as multipart/form-data (field file)", "file"), statusCode: StatusCodes.Status400BadRequest);
            }

            var form = await request.ReadFormAsync(cancel);
            var (file, field, error) = await desk.Upload(form.Files["file"], form["name"].FirstOrDefault(), cancel);
            return file is null ? Results.Json(new ApiError("invalid", error!, field), statusCode: StatusCodes.Status400BadRequest)
                : Results.Created($"/api/v1/me/music-on-hold/{file.Id}", file);
        }).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(BodyLimits.MusicBytes)).WithName("UploadMusicOnHold").WithSummary("Uploads a WAV file (checked: WAV, size, length)");

        me.MapPut("/music-on-hold/chosen", (ChooseRequest body, MusicDesk desk) =>
            desk.Choose(body.Id) ? Results.NoContent() : ApiRoutes.NotFound("music file"))
            .WithName("ChooseMusicOnHold").WithSummary("Chooses the file calls on hold hear (null: none)");

        me.MapDelete("/music-on-hold/{id}", (string id, MusicDesk desk) => desk.Delete(id) ? Results.NoContent() : ApiRoutes.NotFound("music file"))
            .WithName("DeleteMusicOnHold").WithSummary("Deletes a music-on-hold file");
    }
}
