namespace Centrex.Provisioning.Access;

/// <summary>
/// A key refused because its owner already holds the most working keys allowed (<see cref="ApiKeyStore.MaxActivePerCustomer"/>,
/// <see cref="ApiKeyStore.MaxActiveOthers"/>). The message says how many and what to do: revoke one first.
/// </summary>
public sealed class ApiKeyLimitException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ApiKeyLimitException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ApiKeyLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ApiKeyLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The most working keys the owner may hold.</summary>
    public int Limit { get; init; }
}
