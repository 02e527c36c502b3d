using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Centrex.Cli.Tests;

/// <summary>
/// A SIP gateway at the far end of the switch's trunk, written out by hand over a loopback UDP socket, for tests that
/// must act at exact points of a call (sipp runs a scenario to its end): it answers the switch's INVITE, waits for the
/// ACK (so the test knows the call is up), and later hangs up with a BYE. Every wait is bounded (a broken switch fails
/// the test instead of hanging it).
/// </summary>
internal sealed class TrunkGateway : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private string _invite = string.Empty;
    private IPEndPoint _switch = null!;
    private int _calls;

    public int Port => ((IPEndPoint)_udp.Client.LocalEndPoint!).Port;

    /// <summary>Answers the next INVITE with 200 and SDP, and returns once the switch's ACK came.</summary>
    public async Task AnswerAsync()
    {
        var (invite, from) = await ReceiveAsync(m => m.StartsWith("INVITE ", StringComparison.Ordinal));
        (_invite, _switch) = (invite, from);
        _calls++;
        const string Sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40002 RTP/AVP 0\r\n";
        var ok = $"SIP/2.0 200 OK\r\n{Header(invite, "Via")}\r\n{Header(invite, "From")}\r\n{Header(invite, "To")};tag=gw1\r\n" +
            $"{Header(invite, "Call-ID")}\r\n{Header(invite, "CSeq")}\r\nContact: <sip:gw@127.0.0.1:{Port}>\r\n" +
            $"Content-Type: application/sdp\r\nContent-Length: {Sdp.Length}\r\n\r\n{Sdp}";
        await SendAsync(ok);
        await ReceiveAsync(m => m.StartsWith("ACK ", StringComparison.Ordinal));
    }

    /// <summary>Hangs up the answered call and returns the status of the switch's answer to the BYE.</summary>
    public async Task<int> HangUpAsync()
    {
        var contact = Value(Header(_invite, "Contact"));
        var target = contact[(contact.IndexOf('<', StringComparison.Ordinal) + 1)..contact.IndexOf('>', StringComparison.Ordinal)];
        var bye = $"BYE {target} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{Port};branch=z9hG4bKgwbye{Port}c{_calls};rport\r\nMax-Forwards: 70\r\n" +
            $"From: {Value(Header(_invite, "To"))};tag=gw1\r\nTo: {Value(Header(_invite, "From"))}\r\n{Header(_invite, "Call-ID")}\r\n" +
            "CSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n";
        await SendAsync(bye);
        var (response, _) = await ReceiveAsync(m => m.StartsWith("SIP/2.0 ", StringComparison.Ordinal) && Value(Header(m, "CSeq")).EndsWith("BYE", StringComparison.Ordinal));
        return int.Parse(response.AsSpan(8, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _udp.Dispose();

    private async Task SendAsync(string message)
    {
        var bytes = Encoding.ASCII.GetBytes(message);
        await _udp.SendAsync(bytes, _switch ?? throw new InvalidOperationException("no call yet"));
    }

    private async Task<(string Message, IPEndPoint From)> ReceiveAsync(Func<string, bool> match)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            var result = await _udp.ReceiveAsync(patience.Token);
            var text = Encoding.ASCII.GetString(result.Buffer);
            if (match(text))
            {
                return (text, result.RemoteEndPoint);
            }
        }
    }

    /// <summary>The whole first header line named <paramref name="name"/> (compact forms are not used by the switch).</summary>
    private static string Header(string message, string name)
    {
        foreach (var line in message.Split("\r\n"))
        {
            if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"no {name} header in: {message}");
    }

    private static string Value(string header) => header[(header.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
}
