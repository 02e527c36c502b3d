using System.Net;
using Centrex.Ingestion;
using Centrex.Switch;
using Centrex.Switch.Media;
using Centrex.Switch.Partitions;
using Centrex.Switch.Transport;

namespace Centrex.Cli;

/// <summary>The options of <c>centrex serve</c>.</summary>
internal sealed record ServeRequest(
    string Data, string? Tariff, string? TollFree, string? NanpInternational, IPEndPoint Http, IngestionLimits Limits, long CheckpointEntries,
    IPEndPoint Sip, string? Directory, MediaMode Media = MediaMode.Relay, IPAddress? MediaAddress = null, PortRange MediaPorts = default)
{
    /// <summary>The tariff's sanity cap on a rate per minute (issue 13); null when the operator lifted it.</summary>
    public Rating.Money.MicroDollars? MaxRatePerMinute { get; init; } = Rating.Tariffs.TariffLoader.DefaultMaxRatePerMinute;

    /// <summary>The bounds on SIP over TCP and TLS.</summary>
    public TcpLimits SipTcp { get; init; } = TcpLimits.Default;

    /// <summary>
    /// Whether <c>--http</c> was given. With a tariff the HTTP API always runs (on its default address unless told);
    /// without one it runs, for <c>/metrics</c> alone, only when asked: a switch that never served HTTP does not start
    /// taking port 8080 on an upgrade.
    /// </summary>
    public bool HttpGiven { get; init; }

    /// <summary>The SIP over TLS listener and its certificate files; null for none.</summary>
    public TlsListenerFiles? SipTls { get; init; }

    /// <summary>The portal's HTTPS listener and its certificate files; null for none.</summary>
    public TlsListenerFiles? Https { get; init; }

    /// <summary>The reverse proxies whose X-Forwarded-Proto and X-Forwarded-For are believed; none by default.</summary>
    public IReadOnlyList<IPAddress> TrustedProxies { get; init; } = [];

    /// <summary>Portal password checks each source address gets.</summary>
    public Portal.Security.LoginLimits Logins { get; init; } = Portal.Security.LoginLimits.Default;

    /// <summary>Changes each portal customer may send.</summary>
    public Portal.Security.ChangeLimits Changes { get; init; } = Portal.Security.ChangeLimits.Default;

    /// <summary>Reads each portal customer may have in progress.</summary>
    public Portal.Security.ReadLimits Reads { get; init; } = Portal.Security.ReadLimits.Default;

    /// <summary>Call-control partitions (one thread each).</summary>
    public int Partitions { get; init; } = Environment.ProcessorCount;

    /// <summary>Threads reading the SIP UDP socket.</summary>
    public int UdpReaders { get; init; } = Environment.ProcessorCount;

    /// <summary>How fast one source address may send SIP requests outside a dialog.</summary>
    public SourceRateLimits SourceRates { get; init; } = new();

    /// <summary>When a source that keeps failing SIP authentication is slowed and blocked.</summary>
    public SipAuthLimits SipAuth { get; init; } = new();
}
