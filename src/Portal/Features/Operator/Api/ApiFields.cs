using System.Globalization;
using System.Text.Json;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Operator.Api;

/// <summary>
/// The operator API's record bodies: one JSON object whose members are the fields of the operator's form, named as the
/// provisioning JSON names them; strings, booleans (<c>requires_911</c>) and numbers are taken as their text, so the
/// form's checks and messages apply unchanged. Anything else is refused naming the member.
/// </summary>
internal static class ApiFields
{
    /// <summary>The fields of the request's JSON object, or a 400 saying what is wrong with it.</summary>
    public static async Task<(Dictionary<string, string?>? Fields, IResult? Error)> Read(HttpContext context, IReadOnlyCollection<string> allowed)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException e)
        {
            return (null, Invalid($"the body is not JSON: {e.Message.Split('.')[0]}", null));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Invalid("the body is a JSON object of the record's fields", null));
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (!allowed.Contains(member.Name))
                {
                    return (null, Invalid($"unknown field \"{member.Name}\" (known: {string.Join(", ", allowed)})", member.Name));
                }

                fields[member.Name] = member.Value.ValueKind switch
                {
                    JsonValueKind.String => member.Value.GetString(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => member.Value.GetRawText(),
                    JsonValueKind.Null => null,
                    _ => "\u0000", // refused below: a record's field is a single value
                };
                if (fields[member.Name] == "\u0000")
                {
                    return (null, Invalid($"field \"{member.Name}\" is a string, a number or a boolean", member.Name));
                }
            }

            return (fields, null);
        }
    }

    /// <summary>A 400 for the first of <paramref name="errors"/> (the field a form would show it beside).</summary>
    public static IResult Refused(Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var (field, message) = errors.First();
        return Invalid(field.Length == 0 ? message : string.Create(CultureInfo.InvariantCulture, $"{field}: {message}"), field.Length == 0 ? null : field);
    }

    /// <summary>A 400 with <paramref name="message"/>, about <paramref name="field"/>, with the refusal's stable <paramref name="kind"/> when it has one.</summary>
    public static IResult Invalid(string message, string? field, string? kind = null) =>
        Results.Json(new ApiError("invalid", message, field, kind), statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Fields over the record's current ones: what a PUT does not name stays as it is.</summary>
    public static Dictionary<string, string?> Over(Dictionary<string, string?> current, IReadOnlyDictionary<string, string?> given, string id)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(given);
        foreach (var (k, v) in given)
        {
            current[k] = v;
        }

        current["id"] = id; // the path names the record
        return current;
    }
}
