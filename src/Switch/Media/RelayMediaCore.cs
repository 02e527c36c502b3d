using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using System.Text;

namespace Centrex.Switch.Media;

/// <summary>
/// The default media core: RTP and RTCP relayed through the switch. Each call takes two port pairs from the configured
/// range on the configured address (one facing each party), the SDP each party receives names the relay's address and
/// the port facing it, each party is latched on its first packet (symmetric RTP), and packets are forwarded both ways
/// once the legs are bridged.
/// </summary>
public sealed class RelayMediaCore : IMediaCore
{
    private readonly PortPool _ports;
    private readonly MediaOptions _options;

    /// <summary>Creates the relay over the options' address and port range.</summary>
    public RelayMediaCore(MediaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _ports = new PortPool(options.RelayAddress, options.PortMin, options.PortMax);
        AddressType = options.RelayAddress.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6"u8.ToArray() : "IP4"u8.ToArray();
        AddressText = Encoding.ASCII.GetBytes(options.RelayAddress.ToString());
    }

    /// <inheritdoc />
    public MediaMode Mode => MediaMode.Relay;

    /// <summary>Port pairs in the range (two per call).</summary>
    public int PairCapacity => _ports.Capacity;

    internal byte[] AddressType { get; }

    internal byte[] AddressText { get; }

    internal MediaOptions Options => _options;

    /// <inheritdoc />
    public bool TryOpen(string callId, [NotNullWhen(true)] out IMediaSession? session, [NotNullWhen(false)] out string? error)
    {
        session = null;
        var callerSide = _ports.TryAllocate();
        var calleeSide = callerSide is null ? null : _ports.TryAllocate();
        if (callerSide is null || calleeSide is null)
        {
            if (callerSide is not null)
            {
                _ports.Release(callerSide);
            }

            error = $"no free media port pair in {_options.RelayAddress}:{_options.PortMin}-{_options.PortMax}";
            return false;
        }

        session = new RelaySession(this, _ports, callId, callerSide, calleeSide);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Sessions own their ports and close with their calls; the core holds nothing else.
    }
}
