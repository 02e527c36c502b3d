using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Centrex.Portal.Api;

/// <summary>
/// A JSON body the API cannot take, answered as every other refusal is: <c>400</c> with an <see cref="ApiError"/> naming the
/// field. The JSON options refuse members a route does not know (<see cref="PortalHost"/>:
/// <c>UnmappedMemberHandling.Disallow</c>), so <c>{"number": "ACC-1001"}</c> sent for <c>{"dial": ...}</c> is refused
/// like an unknown field of forwarding, never stored as an empty value (issue 16 review, item 7); a body that does not
/// parse is refused with the place it fails. Minimal APIs throw these as <see cref="BadHttpRequestException"/> (with
/// <c>RouteHandlerOptions.ThrowOnBadRequest</c>), caught here: JSON under <c>/api</c>, text elsewhere.
/// </summary>
internal static partial class JsonBodyRefusal
{
    public static async Task Handle(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        // A body over its route's limit (413, Kestrel's) goes on to ServerErrors, which names the limit (Security/BodyLimits).
        catch (BadHttpRequestException e) when (!context.Response.HasStarted && e.StatusCode != StatusCodes.Status413PayloadTooLarge)
        {
            context.Response.StatusCode = e.StatusCode;
            var refusal = Refusal(context, e);
            if (context.Request.Path.StartsWithSegments(PortalPaths.Api))
            {
                await context.Response.WriteAsJsonAsync(refusal);
            }
            else
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"Bad request: {refusal.Message}\n");
            }
        }
    }

    private static ApiError Refusal(HttpContext context, BadHttpRequestException e)
    {
        if (e.InnerException is not JsonException json)
        {
            return new ApiError("invalid", e.Message);
        }

        var known = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } type
            ? string.Join(", ", type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)))
            : null;
        if (Unmapped().Match(json.Message) is { Success: true } m)
        {
            var name = m.Groups[1].Value;
            var shown = name.Length <= 40 ? name : name[..40] + "…";
            return new ApiError("invalid", $"unknown field \"{shown}\"{(known is null ? string.Empty : $" (known: {known})")}", shown);
        }

        // "$.dial" names the member whose value is of the wrong kind; "$" the body itself.
        var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        if (field is not null && Control().IsMatch(json.Message))
        {
            // A string with a control character in it (RFC 8259 §7: they must be escaped) is a string, not a value of
            // the wrong kind: said so, the field named.
            return new ApiError("invalid", $"field \"{field}\": control characters are not allowed", field);
        }

        return new ApiError("invalid", field is null
            ? "the body is not the JSON object this route takes" + (known is null ? string.Empty : $" (fields: {known})")
            : $"field \"{field}\" is not of the kind this route takes (a string where text is asked, a number where a number is)", field);
    }

    [GeneratedRegex("^'0x[0-9A-Fa-f]{2}' is invalid within a JSON string")]
    private static partial Regex Control();

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex Unmapped();
}
