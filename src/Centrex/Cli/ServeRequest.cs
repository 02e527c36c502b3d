using System.Net;
using Centrex.Ingestion;
using Centrex.Switch.Media;

namespace Centrex.Cli;

/// <summary>The options of <c>centrex serve</c>.</summary>
internal sealed record ServeRequest(
    string Data, string? Tariff, string? TollFree, string? NanpInternational, IPEndPoint Http, IngestionLimits Limits, long CheckpointEntries,
    IPEndPoint Sip, string? Directory, MediaMode Media = MediaMode.Relay, IPAddress? MediaAddress = null, PortRange MediaPorts = default)
{
    /// <summary>The tariff's sanity cap on a rate per minute (issue 13); null when the operator lifted it.</summary>
    public Rating.Money.MicroDollars? MaxRatePerMinute { get; init; } = Rating.Tariffs.TariffLoader.DefaultMaxRatePerMinute;
}
