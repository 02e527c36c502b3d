using System.Text.Json.Serialization;

namespace Centrex.Portal.Security;

/// <summary>
/// An API error body: a stable code, a message for people, and the field it is about when there is one. The message is
/// English whatever the login's language (scripts compare it; the pages translate what they show).
/// </summary>
/// <param name="Error">Stable code (<c>not-found</c>, <c>invalid</c>, ...).</param>
/// <param name="Message">What went wrong, for a person.</param>
/// <param name="Field">The request field it is about, or null.</param>
/// <param name="Kind">
/// For a refusal of provisioning's validation that has one, its stable kind (<c>extension-emergency</c>: see
/// <c>Centrex.Provisioning.ProvisioningErrors</c>); left out of the body otherwise.
/// </param>
public sealed record ApiError(string Error, string Message, string? Field = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Kind = null);
