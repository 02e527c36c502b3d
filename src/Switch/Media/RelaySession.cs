using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Centrex.Switch.Media;

/// <summary>
/// One relayed call: a port pair facing the caller, one facing the callee, and four pumps (RTP and RTCP, each way).
/// A pump receives on one side, latches the sender, and while the legs are bridged sends the packet on from the other
/// side's socket of the same kind, so each party sees media come from the very port it sends to (symmetric RTP).
/// </summary>
internal sealed class RelaySession : IMediaSession
{
    /// <summary>Largest datagram relayed; RTP over Ethernet stays far below it.</summary>
    private const int MaxDatagram = 2048;

    private readonly RelayMediaCore _core;
    private readonly PortPool _pool;
    private readonly PortPair _callerSide;
    private readonly PortPair _calleeSide;
    private readonly RelayTarget _callerRtp = new();
    private readonly RelayTarget _callerRtcp = new();
    private readonly RelayTarget _calleeRtp = new();
    private readonly RelayTarget _calleeRtcp = new();
    private readonly CancellationTokenSource _closing = new();
    private int _bridged;
    private int _closed;
    private long _toCallee;
    private long _toCaller;

    public RelaySession(RelayMediaCore core, PortPool pool, string callId, PortPair callerSide, PortPair calleeSide)
    {
        _core = core;
        _pool = pool;
        CallId = callId;
        _callerSide = callerSide;
        _calleeSide = calleeSide;
        _ = PumpAsync(callerSide.Rtp, _callerRtp, calleeSide.Rtp, _calleeRtp, toCallee: true);
        _ = PumpAsync(callerSide.Rtcp, _callerRtcp, calleeSide.Rtcp, _calleeRtcp, toCallee: true);
        _ = PumpAsync(calleeSide.Rtp, _calleeRtp, callerSide.Rtp, _callerRtp, toCallee: false);
        _ = PumpAsync(calleeSide.Rtcp, _calleeRtcp, callerSide.Rtcp, _callerRtcp, toCallee: false);
    }

    public string CallId { get; }

    /// <summary>The relay's RTP port the caller sends to (written into the answer it receives).</summary>
    public int CallerSidePort => _callerSide.Port;

    /// <summary>The relay's RTP port the callee sends to (written into the offer it receives).</summary>
    public int CalleeSidePort => _calleeSide.Port;

    /// <summary>Packets forwarded to the callee so far.</summary>
    public long PacketsToCallee => Interlocked.Read(ref _toCallee);

    /// <summary>Packets forwarded to the caller so far.</summary>
    public long PacketsToCaller => Interlocked.Read(ref _toCaller);

    public bool TryRewriteOffer(ReadOnlySpan<byte> offer, Span<byte> destination, out int written)
    {
        Advertise(offer, _callerRtp, _callerRtcp);
        return SdpRewriter.TryRewrite(offer, _core.AddressType, _core.AddressText, _calleeSide.Port, destination, out written);
    }

    public bool TryRewriteAnswer(ReadOnlySpan<byte> answer, Span<byte> destination, out int written)
    {
        Advertise(answer, _calleeRtp, _calleeRtcp);
        return SdpRewriter.TryRewrite(answer, _core.AddressType, _core.AddressText, _callerSide.Port, destination, out written);
    }

    public MediaResult Bridge()
    {
        if (Volatile.Read(ref _closed) != 0)
        {
            return MediaResult.Closed;
        }

        Volatile.Write(ref _bridged, 1);
        return MediaResult.Ok;
    }

    public MediaResult PlayPrompt(string prompt, CallLeg leg) => MediaResult.NotSupported;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _closing.Cancel();
        _pool.Release(_callerSide);
        _pool.Release(_calleeSide);

        // _closing is not disposed: pumps still finishing read its token, and it holds no timer or wait handle.
    }

    private void Advertise(ReadOnlySpan<byte> sdp, RelayTarget rtp, RelayTarget rtcp)
    {
        // The party's SDP says where it expects media: RTP on the m= port, RTCP on the port above (RFC 3550 §11; an
        // a=rtcp attribute, RFC 3605, is not read yet). A host name or another address family is left to latching.
        if (!SdpReader.TryReadAudio(sdp, out var audio) || audio.Port == 0
            || !IPAddress.TryParse(Encoding.ASCII.GetString(sdp[audio.ConnectionAddress]), out var address)
            || address.AddressFamily != _core.Options.RelayAddress.AddressFamily)
        {
            return;
        }

        rtp.Advertise(address, audio.Port);
        rtcp.Advertise(address, audio.Port + 1);
    }

    private async Task PumpAsync(Socket from, RelayTarget source, Socket via, RelayTarget destination, bool toCallee)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram);
        var sender = new SocketAddress(from.AddressFamily);
        var closing = _closing.Token;
        while (!closing.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await from.ReceiveFromAsync(buffer, SocketFlags.None, sender, closing).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // e.g. an ICMP error for an earlier send: the socket itself is fine
            }

            source.Latch(sender);
            if (Volatile.Read(ref _bridged) == 0 || destination.Address is not { } target)
            {
                continue; // not bridged yet, or the other party's address is not known yet: dropped
            }

            try
            {
                await via.SendToAsync(buffer.AsMemory(0, received), SocketFlags.None, target, closing).ConfigureAwait(false);
                Interlocked.Increment(ref toCallee ? ref _toCallee : ref _toCaller);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // The peer's network refused this one packet; the next may pass.
            }
        }
    }
}
