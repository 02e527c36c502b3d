namespace Centrex.Switch.CallFlows.Async;

/// <summary>
/// What asynchronous nodes reach the network with, given by the host (<c>serve</c>): one pooled HTTP client, the SMTP
/// mailer when email is configured, the CDR store's history; and how much work a partition may have in flight.
/// </summary>
public sealed class FlowServices
{
    /// <summary>Work a partition may have in flight before it refuses more (the node takes its error branch), so a slow web
    /// server cannot pile up requests, sockets and memory behind the calls that keep arriving.</summary>
    public const int DefaultMaxInFlight = 256;

    private static readonly HttpClient SharedHttp = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2), // DNS changes are seen (a long-lived client's known pitfall)
        ConnectTimeout = TimeSpan.FromSeconds(AsyncFlowNode.MaxTimeoutSeconds),
        AllowAutoRedirect = false,
    })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan, // each request has its node's deadline instead
    };

    /// <summary>Services with the shared HTTP client and neither mail nor history.</summary>
    public static FlowServices Default { get; } = new();

    /// <summary>The HTTP client (connections pooled across calls and partitions).</summary>
    public HttpClient Http { get; init; } = SharedHttp;

    /// <summary>The mailer; null when the operator configured no SMTP server (email nodes then take their error branch).</summary>
    public IFlowMailer? Mail { get; init; }

    /// <summary>The call history; null when the switch keeps no CDR store (history nodes then take their else branch).</summary>
    public ICallHistory? History { get; init; }

    /// <summary>Work in flight per partition before more is refused.</summary>
    public int MaxInFlight { get; init; } = DefaultMaxInFlight;
}
