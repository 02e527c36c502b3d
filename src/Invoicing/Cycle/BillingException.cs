namespace Centrex.Invoicing.Cycle;

/// <summary>
/// A billing request that cannot be carried out as asked (a period not over yet, periods out of order); nothing was
/// changed. A refusal the operator can meet in the portal carries a stable <see cref="Code"/> (<see cref="BillingErrors"/>)
/// with the <see cref="Arguments"/> its message is made of, so the portal can say it in the login's language (issue 16)
/// while the command line and the API keep the English <see cref="Exception.Message"/>.
/// </summary>
public sealed class BillingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BillingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public BillingException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public BillingException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>A refusal with a stable code: <paramref name="message"/> is the English text of <paramref name="code"/> with <paramref name="arguments"/>.</summary>
    public BillingException(string code, string message, params object[] arguments)
        : base(message)
    {
        Code = code;
        Arguments = arguments;
    }

    /// <summary>What kind of refusal this is (<see cref="BillingErrors"/>), or null for one without a code.</summary>
    public string? Code { get; }

    /// <summary>The values the message is made of, in the order of its composite-format placeholders.</summary>
    public IReadOnlyList<object> Arguments { get; } = [];
}
