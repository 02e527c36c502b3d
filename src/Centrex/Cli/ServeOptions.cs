using System.CommandLine;
using System.Net;
using Centrex.Ingestion;

namespace Centrex.Cli;

/// <summary>
/// The options of <c>centrex serve</c> that take a value to check (addresses, port ranges, limits), each with its
/// parser, so a bad value is a parse error naming the option (issue 13) rather than a check in the command body.
/// </summary>
internal static class ServeOptions
{
    /// <summary>An <c>address:port</c> option, loopback on <paramref name="port"/> by default.</summary>
    public static Option<IPEndPoint> Endpoint(string name, string description, int port) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => new IPEndPoint(IPAddress.Loopback, port),
        CustomParser = OptionParsers.Of<IPEndPoint>(OptionValues.TryEndpoint, "is not address:port (e.g. 127.0.0.1:5060, [::1]:0)"),
    };

    /// <summary>
    /// <c>--trusted-proxy ADDRESS</c>, repeatable: a reverse proxy in front of the HTTP listener whose X-Forwarded-Proto
    /// and X-Forwarded-For are believed (issue 16: Secure cookies when the browser reached the proxy over TLS). None by
    /// default: from any other address the headers are ignored.
    /// </summary>
    public static Option<IPAddress[]> TrustedProxies() => new("--trusted-proxy")
    {
        HelpName = "ADDRESS",
        Description = "A reverse proxy (its address as this process sees it) whose X-Forwarded-Proto and X-Forwarded-For are believed; repeat for several. None by default: nobody else's are",
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result =>
        {
            var addresses = new List<IPAddress>();
            foreach (var token in result.Tokens)
            {
                if (!IPAddress.TryParse(token.Value, out var address) || OptionValues.IsWildcard(address))
                {
                    result.AddError($"--trusted-proxy '{token.Value}' is not an IP address (one proxy's, not a wildcard)");
                    return [];
                }

                addresses.Add(address);
            }

            return [.. addresses];
        },
    };

    /// <summary>The largest ingestion batch body, 1 KiB to 1 GiB.</summary>
    public static Option<int> MaxBatchBytes() => new("--max-batch-bytes")
    {
        Description = "Largest ingestion batch body; larger ones get 413",
        DefaultValueFactory = _ => new IngestionLimits().MaxBatchBytes,
        CustomParser = OptionParsers.Of(OptionValues.IntBetween(1024, 1 << 30), "is not a byte count from 1024 (1 KiB) to 1073741824 (1 GiB)"),
    };

    /// <summary>The most rows in one ingestion batch, at least 1.</summary>
    public static Option<int> MaxBatchRows() => new("--max-batch-rows")
    {
        Description = "Most rows in one ingestion batch; more get 413",
        DefaultValueFactory = _ => new IngestionLimits().MaxRows,
        CustomParser = OptionParsers.Of(OptionValues.IntBetween(1, Ledger.Journal.BatchCodec.MaxRows),
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"is not a row count from 1 to {Ledger.Journal.BatchCodec.MaxRows:N0} (a batch's record is one journal entry, which must fit in a journal page)")),
    };

    /// <summary>The relay's address: one the phones can be told to send RTP to, so not a wildcard.</summary>
    public static Option<IPAddress?> MediaAddress() => new("--media-address")
    {
        Description = "Address the relay binds and writes into SDP; default the --sip address (127.0.0.1 when that is a wildcard)",
        CustomParser = OptionParsers.Of<IPAddress?>(OptionValues.TryReachableAddress, "must be an IP address, not a wildcard: it goes into SDP for the phones to send to"),
    };

    /// <summary>The relay's port range (see <see cref="OptionValues.TryRelayPorts"/>).</summary>
    public static Option<PortRange> MediaPorts() => new("--media-ports")
    {
        HelpName = "MIN-MAX",
        Description = "The relay's UDP port range, MIN-MAX (an RTP/RTCP pair per party and call)",
        DefaultValueFactory = _ => new PortRange(20_000, 29_999),
        CustomParser = OptionParsers.Of<PortRange>(OptionValues.TryRelayPorts, "must be MIN-MAX within 1024-65535 with room for two RTP/RTCP pairs"),
    };

    /// <summary>Requests a second one source address may send outside a dialog (<see cref="Switch.Partitions.SourceRateLimits"/>).</summary>
    public static Option<int> SourceRate() => new("--sip-source-rate")
    {
        Description = "SIP requests a second one address may send outside a dialog (10x for an address that authenticated lately); more are dropped",
        DefaultValueFactory = _ => new Switch.Partitions.SourceRateLimits().PerSecond,
        CustomParser = OptionParsers.Of(OptionValues.IntBetween(1, 10_000_000), "is not a rate from 1 to 10000000"),
    };

    /// <summary>Requests one source address may send at once after a quiet spell.</summary>
    public static Option<int> SourceBurst() => new("--sip-source-burst")
    {
        Description = "SIP requests one address may send at once after a quiet spell",
        DefaultValueFactory = _ => new Switch.Partitions.SourceRateLimits().Burst,
        CustomParser = OptionParsers.Of(OptionValues.IntBetween(1, 10_000_000), "is not a count from 1 to 10000000"),
    };

    /// <summary>Portal password checks one address may make at once (each is a slow hash).</summary>
    public static Option<int> LoginBurst() => new("--http-login-burst")
    {
        Description = "Portal logins one address may try at once after a quiet spell (each is a slow password hash)",
        DefaultValueFactory = _ => Portal.Security.LoginLimits.Default.Burst,
        CustomParser = OptionParsers.Of(OptionValues.IntBetween(1, 1_000_000), "is not a count from 1 to 1000000"),
    };

    /// <summary>Portal password checks one address may make each second once its burst is spent.</summary>
    public static Option<int> LoginRate() => new("--http-login-rate")
    {
        Description = "Portal logins one address may try each second once its burst is spent",
        DefaultValueFactory = _ => Portal.Security.LoginLimits.Default.PerSecond,
        CustomParser = OptionParsers.Of(OptionValues.IntBetween(1, 1_000_000), "is not a count from 1 to 1000000"),
    };

    /// <summary>Changes one portal customer may send at once (each validates provisioning and reloads the switch).</summary>
    public static Option<int> ChangeBurst() => new("--http-change-burst")
    {
        Description = "Changes one portal customer (its sessions and keys) may send at once after a quiet spell (each validates provisioning and reloads the switch)",
        DefaultValueFactory = _ => Portal.Security.ChangeLimits.Default.Burst,
        CustomParser = OptionParsers.Of(OptionValues.IntBetween(1, 1_000_000), "is not a count from 1 to 1000000"),
    };

    /// <summary>Changes one portal customer may send each second once its burst is spent.</summary>
    public static Option<int> ChangeRate() => new("--http-change-rate")
    {
        Description = "Changes one portal customer may send each second once its burst is spent (past it: 429 with Retry-After)",
        DefaultValueFactory = _ => Portal.Security.ChangeLimits.Default.PerSecond,
        CustomParser = OptionParsers.Of(OptionValues.IntBetween(1, 1_000_000), "is not a count from 1 to 1000000"),
    };

    /// <summary>Reads one portal customer may have in progress at once (a page or export of a month of calls takes a core).</summary>
    public static Option<int> ReadConcurrency() => new("--http-read-concurrency")
    {
        Description = "Reads (GET) one portal customer (its sessions and keys) may have in progress at once (past it: 429 with Retry-After)",
        DefaultValueFactory = _ => Portal.Security.ReadLimits.Default.Concurrent,
        CustomParser = OptionParsers.Of(OptionValues.IntBetween(1, 1_000_000), "is not a count from 1 to 1000000"),
    };

    /// <summary>Call-control partitions: each runs the calls of the customers that map to it on its own thread.</summary>
    public static Option<int> Partitions() => new("--sip-partitions")
    {
        Description = "Call-control partitions, each on its own thread with the calls of the customers that map to it (default: one per core)",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        CustomParser = OptionParsers.Of(OptionValues.IntBetween(1, 256), "is not a count from 1 to 256"),
    };

    /// <summary>UDP sockets on the SIP port (SO_REUSEPORT), each read by its own thread.</summary>
    public static Option<int> UdpReaders() => new("--sip-udp-readers")
    {
        Description = "UDP sockets sharing the SIP port (SO_REUSEPORT), each with its own reader thread; a peer's datagrams stay on one socket, in order (default: one per core; one on port 0)",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        CustomParser = OptionParsers.Of(OptionValues.IntBetween(1, 64), "is not a count from 1 to 64"),
    };
}
