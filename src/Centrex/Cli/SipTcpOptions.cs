using System.CommandLine;
using Centrex.Switch.Transport;

namespace Centrex.Cli;

/// <summary>The options of <c>serve</c> that bound SIP over TCP and TLS (<see cref="TcpLimits"/>), each checked when parsed.</summary>
internal sealed class SipTcpOptions
{
    private readonly Option<int> _maxConnections = AtLeast(new Option<int>("--sip-tcp-max-connections")
    {
        Description = "Open SIP TCP connections in total; more are reset as they are accepted",
        DefaultValueFactory = _ => TcpLimits.Default.MaxConnections,
    }, 1);

    private readonly Option<int> _maxPerAddress = AtLeast(new Option<int>("--sip-tcp-max-per-address")
    {
        Description = "Open SIP TCP connections from one IP address",
        DefaultValueFactory = _ => TcpLimits.Default.MaxPerAddress,
    }, 1);

    private readonly Option<int> _firstMessage = AtLeast(new Option<int>("--sip-tcp-first-message-timeout")
    {
        Description = "Seconds a new SIP TCP connection may stay silent before it is closed",
        DefaultValueFactory = _ => (int)TcpLimits.Default.FirstMessage.TotalSeconds,
    }, 1);

    private readonly Option<int> _idle = AtLeast(new Option<int>("--sip-tcp-idle-timeout")
    {
        Description = "Seconds a SIP TCP connection may stay silent after its first message (CRLF keepalives count)",
        DefaultValueFactory = _ => (int)TcpLimits.Default.Idle.TotalSeconds,
    }, 1);

    private readonly Option<int> _message = AtLeast(new Option<int>("--sip-tcp-message-timeout")
    {
        Description = "Seconds one SIP message may take to arrive over TCP once its first byte has",
        DefaultValueFactory = _ => (int)TcpLimits.Default.PartialMessage.TotalSeconds,
    }, 1);

    private readonly Option<int> _handshake = AtLeast(new Option<int>("--sip-tls-handshake-timeout")
    {
        Description = "Seconds a SIP TLS client may take to finish its handshake before its connection is closed",
        DefaultValueFactory = _ => (int)TcpLimits.Default.Handshake.TotalSeconds,
    }, 1);

    /// <summary>The options, to add to the command.</summary>
    public IEnumerable<Option> All => [_maxConnections, _maxPerAddress, _firstMessage, _idle, _message, _handshake];

    /// <summary>The limits the command line asked for.</summary>
    public TcpLimits Read(ParseResult parse) => new(
        parse.GetValue(_maxConnections), parse.GetValue(_maxPerAddress),
        TimeSpan.FromSeconds(parse.GetValue(_firstMessage)), TimeSpan.FromSeconds(parse.GetValue(_idle)), TimeSpan.FromSeconds(parse.GetValue(_message)),
        TimeSpan.FromSeconds(parse.GetValue(_handshake)));

    private static Option<int> AtLeast(Option<int> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < minimum)
            {
                result.AddError($"{option.Name} is at least {minimum}");
            }
        });
        return option;
    }
}
