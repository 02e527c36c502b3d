using System.CommandLine;
using Centrex.Switch.Transport;

namespace Centrex.Cli;

/// <summary>The options of <c>serve</c> that bound SIP over TCP and TLS (<see cref="TcpLimits"/>), each checked when parsed.</summary>
internal sealed class SipTcpOptions
{
    /// <summary>The longest timeout: a day. Past about 49 days a timer cannot be set at all, and nothing needs that long.</summary>
    private const int MaxSeconds = 86_400;

    private readonly Option<int> _maxConnections = Count("--sip-tcp-max-connections",
        "Open SIP TCP connections in total; more are reset as they are accepted", TcpLimits.Default.MaxConnections);

    private readonly Option<int> _maxPerAddress = Count("--sip-tcp-max-per-address",
        "Open SIP TCP connections from one IP address", TcpLimits.Default.MaxPerAddress);

    private readonly Option<int> _firstMessage = Seconds("--sip-tcp-first-message-timeout",
        "Seconds a new SIP TCP connection may stay silent before it is closed", TcpLimits.Default.FirstMessage);

    private readonly Option<int> _idle = Seconds("--sip-tcp-idle-timeout",
        "Seconds a SIP TCP connection may stay silent after its first message (CRLF keepalives count)", TcpLimits.Default.Idle);

    private readonly Option<int> _message = Seconds("--sip-tcp-message-timeout",
        "Seconds one SIP message may take to arrive over TCP once its first byte has", TcpLimits.Default.PartialMessage);

    private readonly Option<int> _handshake = Seconds("--sip-tls-handshake-timeout",
        "Seconds a SIP TLS client may take to finish its handshake before its connection is closed", TcpLimits.Default.Handshake);

    /// <summary>The options, to add to the command.</summary>
    public IEnumerable<Option> All => [_maxConnections, _maxPerAddress, _firstMessage, _idle, _message, _handshake];

    /// <summary>The total-connections option (checked against the process's descriptor limit at start).</summary>
    public Option<int> MaxConnections => _maxConnections;

    /// <summary>The limits the command line asked for.</summary>
    public TcpLimits Read(ParseResult parse) => new(
        parse.GetValue(_maxConnections), parse.GetValue(_maxPerAddress),
        TimeSpan.FromSeconds(parse.GetValue(_firstMessage)), TimeSpan.FromSeconds(parse.GetValue(_idle)), TimeSpan.FromSeconds(parse.GetValue(_message)),
        TimeSpan.FromSeconds(parse.GetValue(_handshake)));

    private static Option<int> Count(string name, string description, int fallback) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = OptionParsers.Of(OptionValues.IntBetween(1, 1_000_000), "is not a count from 1 to 1000000"),
    };

    private static Option<int> Seconds(string name, string description, TimeSpan fallback) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => (int)fallback.TotalSeconds,
        CustomParser = OptionParsers.Of(OptionValues.IntBetween(1, MaxSeconds), $"is not a number of seconds from 1 to {MaxSeconds}"),
    };
}
