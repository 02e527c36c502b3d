namespace Centrex.Provisioning.Access;

/// <summary>
/// What a login name may be: 1 to 64 ASCII letters, digits, <c>.</c>, <c>_</c>, <c>-</c>, <c>@</c> and <c>+</c>, beginning
/// with a letter or a digit (an e-mail address fits). Review 16, item 14: a login <c>../x</c> could be created, and its
/// URL (<c>/api/v1/operator/logins/..%2Fx/disable</c>) then answered 404: a name must be usable as one path segment,
/// in a shell and in a log line.
/// </summary>
public static class LoginNames
{
    /// <summary>The rule, as refusals say it.</summary>
    public const string Rule = "1 to 64 characters: letters, digits, '.', '_', '-', '@' or '+', beginning with a letter or a digit";

    /// <summary>Whether <paramref name="login"/> follows <see cref="Rule"/>.</summary>
    public static bool IsValid([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? login) =>
        login is { Length: >= 1 and <= 64 } && char.IsAsciiLetterOrDigit(login[0])
        && login.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@' or '+');
}
