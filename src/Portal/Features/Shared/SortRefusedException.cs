namespace Centrex.Portal.Features.Shared;

/// <summary>
/// A <c>sort</c> or <c>dir</c> that the table does not have: answered 400 with <see cref="Exception.Message"/> as the
/// reason (JSON <c>ApiError</c> under /api, plain text for a page) by <see cref="SortRefusal"/>.
/// </summary>
public sealed class SortRefusedException : Exception
{
    public SortRefusedException()
    {
    }

    public SortRefusedException(string message)
        : base(message)
    {
    }

    public SortRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public SortRefusedException(string field, string message)
        : base(message) => Field = field;

    /// <summary>The query key refused.</summary>
    public string? Field { get; }

    /// <summary>The refusal's code (resource <c>refusal.CODE</c>), so a page can say it in the login's language.</summary>
    public string? Code { get; init; }

    /// <summary>The values of the code's text, in the order of its placeholders.</summary>
    public IReadOnlyList<object> Arguments { get; init; } = [];
}
