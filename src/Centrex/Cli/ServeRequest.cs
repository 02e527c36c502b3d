using Centrex.Ingestion;
using Centrex.Switch;
using Centrex.Switch.Media;
using Centrex.Switch.Transport;

namespace Centrex.Cli;

/// <summary>The options of <c>centrex serve</c>.</summary>
internal sealed record ServeRequest(
    string Data, string? Tariff, string? TollFree, string? NanpInternational, string Http, IngestionLimits Limits, long CheckpointEntries,
    string Sip, string? Directory, MediaMode Media = MediaMode.Relay, string? MediaAddress = null, string MediaPorts = "20000-29999")
{
    /// <summary>The bounds on SIP over TCP.</summary>
    public TcpLimits SipTcp { get; init; } = TcpLimits.Default;

    /// <summary>When a source that keeps failing SIP authentication is slowed and blocked.</summary>
    public SipAuthLimits SipAuth { get; init; } = new();
}
