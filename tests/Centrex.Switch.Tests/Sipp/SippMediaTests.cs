using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Centrex.Switch.Clock;
using Centrex.Switch.Media;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// The relay media core end to end: a sipp phone calls out through the switch to a sipp gateway that echoes RTP
/// (<c>-rtp_echo</c>); both are told the relay's ports in SDP, and RTP sent to the phone's relay port comes back from
/// it after crossing the relay to the gateway and back.
/// </summary>
public sealed partial class SippMediaTests : IDisposable
{
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2)); // a hang fails the test, never times it
    private readonly TempFolder _logs = new();

    public void Dispose()
    {
        _guard.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task Sipp_CallThroughTheRelay_SdpPointsBothPartiesAtTheRelay_AndRtpCrossesIt()
    {
        var relayPorts = UdpParty.FreeRange(8);
        var gatewayMedia = UdpParty.FreeRange(4); // sipp's audio port and the video port two above it
        var callerMedia = UdpParty.FreeRange(4);
        var gatewayPort = Sipp.FreeUdpPort();
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 11, 22, 9, 0));
        var relay = new MediaOptions(MediaMode.Relay, IPAddress.Loopback, relayPorts, relayPorts + 7);
        await using var fixture = new HookedSwitch(clock, new IPEndPoint(IPAddress.Loopback, gatewayPort), relay);
        var callerLog = Path.Combine(_logs.Path, "caller.log");
        var gatewayLog = Path.Combine(_logs.Path, "gateway.log");

        using var gateway = Sipp.Listen("uas-answer", fixture.Endpoint, gatewayPort,
            "-mp", Port(gatewayMedia), "-rtp_echo", "-trace_msg", "-message_file", gatewayLog);
        using var caller = Sipp.Start("uac-call-until-bye", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", "2125551234", "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password, "-mp", Port(callerMedia),
            "-trace_msg", "-message_file", callerLog);
        while (fixture.Switch.ConfirmedCalls == 0 && !caller.HasExited && !gateway.HasExited)
        {
            _guard.Token.ThrowIfCancellationRequested();
            Thread.Yield();
        }

        Assert.Equal(1, fixture.Switch.ConfirmedCalls);

        // The phone was answered with the relay's port, the gateway offered the relay's other port: neither sees the
        // other's own address.
        var phoneSide = await MediaPortIn(callerLog, "SIP/2.0 200 OK");
        var gatewaySide = await MediaPortIn(gatewayLog, "INVITE sip:");
        Assert.InRange(phoneSide, relayPorts, relayPorts + 7);
        Assert.InRange(gatewaySide, relayPorts, relayPorts + 7);
        Assert.NotEqual(phoneSide, gatewaySide);

        // RTP from "the phone" (latched on its first packet: RFC 3550 §8.2 symmetric use of ports) crosses to the
        // gateway, is echoed, and comes back from the relay port the phone was given.
        using var phone = new UdpParty();
        var packet = RtpPacket(sequence: 7);
        phone.SendTo(phoneSide, packet);
        var (echo, fromPort) = await phone.ReceiveAsync(_guard.Token);
        Assert.Equal(packet, echo);
        Assert.Equal(phoneSide, fromPort);
        Assert.Equal(0, fixture.Hooks.Media.Unrelayed);

        clock.Advance(Duration.FromMinutes(120)); // the cap ends the call: both legs get BYE, the relay closes
        var callerResult = Sipp.Finish(caller);
        var gatewayResult = Sipp.Finish(gateway);
        Assert.True(callerResult.ExitCode == 0, "caller: " + callerResult.Output);
        Assert.True(gatewayResult.ExitCode == 0, "gateway: " + gatewayResult.Output);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The audio port in the SDP of the first message in sipp's message log that starts with <paramref name="startLine"/>
    /// (sipp writes its log as it goes; waits, bounded, until the message is there).</summary>
    private async Task<int> MediaPortIn(string log, string startLine)
    {
        while (true)
        {
            var text = File.Exists(log) ? await File.ReadAllTextAsync(log, _guard.Token) : "";
            var at = text.IndexOf("\n" + startLine, StringComparison.Ordinal);
            if (at >= 0 && AudioLine().Match(text, at) is { Success: true } match)
            {
                return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }

            await Task.Delay(20, _guard.Token);
        }
    }

    /// <summary>An RTP packet (RFC 3550 §5.1): version 2, PCMU, 160 bytes of silence.</summary>
    private static byte[] RtpPacket(ushort sequence)
    {
        var packet = new byte[12 + 160];
        packet[0] = 0x80;
        packet[1] = 0; // payload type 0: PCMU
        packet[2] = (byte)(sequence >> 8);
        packet[3] = (byte)sequence;
        packet.AsSpan(12).Fill(0xFF); // μ-law silence
        return packet;
    }

    [GeneratedRegex(@"m=audio (\d+) ")]
    private static partial Regex AudioLine();
}
