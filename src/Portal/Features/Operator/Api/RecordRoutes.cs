using Centrex.Portal.Api;
using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Operator.Api;

/// <summary>
/// The read, create, edit and status routes of one kind of operator record under <c>/api/v1/operator</c> (customers,
/// accounts). Every kind takes the same steps: the body's members read as the form's fields (<see cref="ApiFields"/>),
/// a PUT's laid over the record's current fields, saved through the page's own editor (import's validation), a refusal
/// 400 naming the field, else the record as it now is; so the kinds differ only in what this record names, and a fix
/// to one route is a fix to both kinds.
/// </summary>
/// <typeparam name="TEditor">The page's editor, taken from the request's services.</typeparam>
/// <param name="Kind">The record's word, <c>customer</c> or <c>account</c>: its routes are under the plural, its 404 names it.</param>
/// <param name="Fields">The fields a body may carry.</param>
/// <param name="Current">The record's current fields, or null when no record has the id.</param>
/// <param name="Body">What the routes answer with for an existing record.</param>
internal sealed record RecordRoutes<TEditor>(string Kind, IReadOnlyCollection<string> Fields,
    Func<PortalData, string, Dictionary<string, string?>?> Current, Func<PortalData, string, object> Body)
    where TEditor : IRecordEditor
{
    private string Path => $"/{Kind}s";

    /// <summary>The record, or 404.</summary>
    public IResult Read(PortalData data, string id) => Current(data, id) is null ? ApiRoutes.NotFound(Kind) : Results.Ok(Body(data, id));

    /// <summary><c>POST /KINDs</c>: creates one; 201 with its location and body.</summary>
    public RouteHandlerBuilder MapCreate(RouteGroupBuilder group) => group.MapPost(Path, async (HttpContext context, TEditor editor, PortalData data) =>
    {
        var (fields, error) = await ApiFields.Read(context, Fields);
        if (error is not null)
        {
            return error;
        }

        var errors = editor.Save(OperatorApi.Actor(context), fields!, creating: true);
        if (errors.Count > 0)
        {
            return ApiFields.Refused(errors);
        }

        var id = fields!["id"]!.Trim();
        return Results.Created($"{PortalPaths.Api}/operator{Path}/{Uri.EscapeDataString(id)}", Body(data, id));
    });

    /// <summary>
    /// <c>PUT /KINDs/{id}</c>: changes the fields given, the others stay: the editor lays them over the record as stored
    /// when its change runs (laid over the record as read here, a field changed meanwhile was written back as it was).
    /// </summary>
    public RouteHandlerBuilder MapEdit(RouteGroupBuilder group) => group.MapPut(Path + "/{id}", async (string id, HttpContext context, TEditor editor, PortalData data) =>
    {
        if (Current(data, id) is null)
        {
            return ApiRoutes.NotFound(Kind);
        }

        var (fields, error) = await ApiFields.Read(context, Fields);
        if (error is not null)
        {
            return error;
        }

        fields!["id"] = id; // the path names the record
        return Saved(data, id, editor.Save(OperatorApi.Actor(context), fields, creating: false));
    });

    /// <summary><c>PUT /KINDs/{id}/status</c>: suspends or resumes it.</summary>
    public RouteHandlerBuilder MapStatus(RouteGroupBuilder group) => group.MapPut(Path + "/{id}/status", (string id, StatusRequest body, HttpContext context, TEditor editor, PortalData data) =>
    {
        if (Current(data, id) is null)
        {
            return ApiRoutes.NotFound(Kind);
        }

        if (body.Status is not ("active" or "suspended"))
        {
            return ApiFields.Invalid("status: active or suspended", "status");
        }

        // The status alone: the editor keeps every other field as stored when the change runs.
        return Saved(data, id, editor.Save(OperatorApi.Actor(context), new Dictionary<string, string?>(StringComparer.Ordinal) { ["id"] = id, ["status"] = body.Status }, creating: false));
    });

    private IResult Saved(PortalData data, string id, Dictionary<string, string> errors) => errors.Count > 0 ? ApiFields.Refused(errors) : Read(data, id);
}
