namespace Centrex.Provisioning;

/// <summary>
/// Provisioning input that cannot be accepted; the message names the file and the record. A refusal a person can meet
/// in the portal also carries a stable <see cref="Code"/> with the <see cref="Arguments"/> its text is made of, so the
/// portal can say the same thing in the login's language (issue 16) while the command line and the API keep the
/// English <see cref="Exception.Message"/> other tools read.
/// </summary>
public sealed class ProvisioningException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProvisioningException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProvisioningException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProvisioningException()
    {
    }

    /// <summary>
    /// A refusal of the record <paramref name="where"/> (<c>SOURCE: accounts (id "ACC-1")</c>) with a stable code: the
    /// message is <c>WHERE: DETAIL</c>, exactly as without a code.
    /// </summary>
    public ProvisioningException(string where, string code, string detail, params object[] arguments)
        : base($"{where}: {detail}")
    {
        Code = code;
        Detail = detail;
        Arguments = arguments;
    }

    /// <summary>What kind of refusal this is (<see cref="ProvisioningErrors"/>), or null for one without a code yet.</summary>
    public string? Code { get; }

    /// <summary>The message after the record (<c>extension 911 is an emergency number: ...</c>) when there is a code.</summary>
    public string? Detail { get; }

    /// <summary>The values the detail is made of, in the order of its composite-format placeholders.</summary>
    public IReadOnlyList<object> Arguments { get; } = [];
}
