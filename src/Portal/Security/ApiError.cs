namespace Centrex.Portal.Security;

/// <summary>An API error body: a stable code, a message for people, and the field it is about when there is one.</summary>
/// <param name="Error">Stable code (<c>not-found</c>, <c>invalid</c>, ...).</param>
/// <param name="Message">What went wrong, for a person.</param>
/// <param name="Field">The request field it is about, or null.</param>
public sealed record ApiError(string Error, string Message, [property: System.Text.Json.Serialization.JsonPropertyOrder(2)] string? Field = null)
{
    /// <summary>What went wrong, a long one with its values cut short: an answer never echoes a whole request body (review 16, item 2).</summary>
    /// <remarks>Serialized second, where it was before this property was declared: error, message, field (clients compare whole bodies).</remarks>
    [System.Text.Json.Serialization.JsonPropertyOrder(1)]
    public string Message { get; init; } = Rating.Csv.EchoedValue.CutLong(Message);
}
