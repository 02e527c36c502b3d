using Centrex.Portal.Api;
using Centrex.Portal.Features.Customer.Lines;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.Extensions;

/// <summary>
/// <c>PUT /api/v1/me/lines/{id}/extension</c>: what the Extensions page posts (line, extension, name; seed 004, IP Centrex ›
/// Extensions), so the page can be scripted (issue 16). Validated like <c>provision import</c> through the page's own
/// <see cref="LineChanges.SetExtension"/> (400 naming <c>extension</c>); another customer's line is 404. GET
/// <c>/api/v1/me/lines</c> lists the lines with their extensions.
/// </summary>
internal static class ExtensionsApi
{
    /// <summary>The line's extension number and name; an empty or missing number removes the extension.</summary>
    public sealed record ExtensionRequest(string? Extension, string? Name);

    public static void Map(RouteGroupBuilder me)
    {
        me.MapPut("/lines/{id}/extension", (string id, ExtensionRequest body, LineChanges changes) =>
        {
            var number = string.IsNullOrWhiteSpace(body.Extension) ? null : body.Extension.Trim();
            var result = changes.SetExtension(id, number, string.IsNullOrWhiteSpace(body.Name) ? null : body.Name.Trim());
            return result == LineChanges.NotFound ? ApiRoutes.NotFound("line")
                : result.Done ? Results.NoContent()
                : Results.Json(new ApiError("invalid", result.Message!, FieldOf(result)), statusCode: StatusCodes.Status400BadRequest);
        }).WithName("SetExtension").WithSummary("Sets the line's extension number and name, or removes the extension (validated like provision import)");
    }

    /// <summary>The form's and the body's field a refusal is about: <c>name</c> for provisioning's <c>extension_name</c>, else <c>extension</c>.</summary>
    public static string FieldOf(Data.ProvisioningChanges.Result result) =>
        result.Field == "extension_name" ? "name" : "extension";
}
