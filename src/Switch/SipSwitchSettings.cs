using System.Net;
using Centrex.Switch.Calls;
using Centrex.Switch.Clock;
using Centrex.Switch.Metrics;
using Centrex.Switch.Partitions;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Transport;
using NodaTime;

namespace Centrex.Switch;

/// <summary>What a switch needs to start: where to listen, the directory, the clock, the hooks and call settings.</summary>
/// <param name="Endpoint">The address and port for UDP and TCP (port 0 picks a free one).</param>
/// <param name="Directory">Accounts, credentials, dial plans, trunks, sites.</param>
public sealed record SipSwitchSettings(IPEndPoint Endpoint, ISwitchDirectory Directory)
{
    /// <summary>The clock for every timer; the system clock unless a test supplies a manual one.</summary>
    public ISwitchClock Clock { get; init; } = SystemSwitchClock.Instance;

    /// <summary>Admission, balance, media and CDR hooks; pass-through by default.</summary>
    public CallHooks Hooks { get; init; } = CallHooks.PassThrough;

    /// <summary>The 120-minute cap and the no-answer timeout.</summary>
    public SwitchOptions Options { get; init; } = new();

    /// <summary>
    /// Call-control partitions: each owns the calls of the customers that map to it and runs on its own thread (default:
    /// one per core). Between 1 and 256.
    /// </summary>
    public int Partitions { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// UDP sockets sharing a fixed SIP port with SO_REUSEPORT, each read by its own thread (default: one per core); on
    /// port 0 always one (<see cref="Transport.SipTransports"/>).
    /// </summary>
    public int UdpReaders { get; init; } = Environment.ProcessorCount;

    /// <summary>How fast one source address may send requests outside a dialog (trunks are not limited).</summary>
    public SourceRateLimits SourceRates { get; init; } = new();

    /// <summary>The per-source budget of emergency INVITEs, which pass the source's block and rate limit (issue 14).</summary>
    public EmergencyRateLimits EmergencyRates { get; init; } = new();

    /// <summary>
    /// The per-source budget of the in-dialog requests (ACK, BYE, re-INVITE, UPDATE, INFO) and CANCELs of a blocked
    /// source's calls that are no emergency calls: calls admitted before the block (other phones behind the same NAT)
    /// go on, and cannot use up the emergency budget (SipRouter). Sized for a busy office: each call sends a few such
    /// requests, most at its start and end.
    /// </summary>
    public SourceRateLimits BlockedSourceDialogRates { get; init; } = new(PerSecond: 20, Burst: 200, AuthenticatedFactor: 1);

    /// <summary>What SIP over TCP and TLS may take: connections in total and per address, and timeouts.</summary>
    public TcpLimits TcpLimits { get; init; } = TcpLimits.Default;

    /// <summary>SIP over TLS: its listener's address and the certificate; null (the default) for no TLS listener.</summary>
    public SipTlsSettings? Tls { get; init; }

    /// <summary>How long a digest nonce stays fresh before stale=true.</summary>
    public Duration NonceLifetime { get; init; } = Duration.FromMinutes(5);

    /// <summary>Nonce-count tracking, and when a source that keeps failing authentication is slowed and blocked.</summary>
    public SipAuthLimits AuthLimits { get; init; } = new();

    /// <summary>Where authentication failures are written, one line each (standard error unless a test captures them).</summary>
    public TextWriter AuthLog { get; init; } = Console.Error;

    /// <summary>
    /// Where the switch counts what it does (messages, refusals, retransmissions, ended calls) for the host's
    /// <c>/metrics</c>; the host passes its own so that hooks can count into the same one (a new one by default). One
    /// switch per instance: its message counts have one writer each (the switch's router and send stage).
    /// </summary>
    public SwitchMetrics Metrics { get; init; } = new();
}
