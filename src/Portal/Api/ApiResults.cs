using Centrex.Portal.Security;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Api;

/// <summary>The API's answers to a refused change, shaped as the pages show them: the message and the field it is about.</summary>
internal static class ApiResults
{
    /// <summary>A 400 naming the first field of <paramref name="errors"/> (the form's order: the one a person fixes first).</summary>
    public static IResult Invalid(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var (field, message) = errors.First();
        return Results.Json(new ApiError("invalid", message, field.Length == 0 ? null : field), statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// A 409 for a key refused because its owner holds the most working keys allowed (<see cref="Centrex.Provisioning.Access.ApiKeyStore.MaxActivePerCustomer"/>):
    /// nothing is wrong with the request itself; it fits once a key is revoked.
    /// </summary>
    public static IResult TooManyKeys(string message, string field) =>
        Results.Json(new ApiError("too-many-keys", message, field), statusCode: StatusCodes.Status409Conflict);

    /// <summary>An amount as the API writes it beside its mills: an exact decimal string ("12.340"), never a float.</summary>
    public static string Decimal(Centrex.Rating.Money.Mills amount) =>
        (amount.Value / 1000m).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A 403 for what only a login may do (a customer's API key has no web login: no password, no language).</summary>
    public static IResult LoginOnly(string what) =>
        Results.Json(new ApiError("login-only", $"{what} belongs to a web login: sign in (POST /api/v1/session) rather than use an API key"),
            statusCode: StatusCodes.Status403Forbidden);
}
