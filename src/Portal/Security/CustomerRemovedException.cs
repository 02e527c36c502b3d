namespace Centrex.Portal.Security;

/// <summary>
/// The session's customer is no longer provisioned (<see cref="CustomerScope.Customer"/>): its record was removed while
/// the request was on its way, after the session scheme had found it (which ends such sessions itself). Answered as any
/// missing resource is, 404 (<see cref="ServerErrors"/>), never as a fault of the server.
/// </summary>
public sealed class CustomerRemovedException : Exception
{
    public CustomerRemovedException()
    {
    }

    public CustomerRemovedException(string message)
        : base(message)
    {
    }

    public CustomerRemovedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
