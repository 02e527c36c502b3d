using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// What one sipp phone received, read from its own message trace (<c>-trace_msg</c>) while it runs, so a test can see
/// which INVITE reached which phone and what it said (its From, its SDP). <see cref="Barrier"/> makes "nothing (more)
/// has reached this phone" a sound check: sipp reads its socket in order, so once a datagram sent now is processed,
/// everything the switch sent before it has been traced.
/// </summary>
internal sealed class SippTrace
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static int _probes;

    public SippTrace(string folder, string name)
    {
        MessageFile = Path.Combine(folder, name + ".msg");
        ErrorFile = Path.Combine(folder, name + ".err");
    }

    public string MessageFile { get; }

    public string ErrorFile { get; }

    /// <summary>sipp's arguments to write this trace: every message, and the warnings (where a barrier's probe shows).</summary>
    public string[] Args => ["-trace_msg", "-message_file", MessageFile, "-trace_err", "-error_file", ErrorFile];

    /// <summary>The messages received so far whose first line starts with <paramref name="startLine"/>, in order.</summary>
    public IReadOnlyList<string> Received(string startLine) =>
        [.. ReceivedMessages().Where(m => m.StartsWith(startLine, StringComparison.Ordinal))];

    /// <summary>Waits (bounded) until <paramref name="count"/> messages starting with <paramref name="startLine"/> were received; returns the last.</summary>
    public string WaitFor(string startLine, int count = 1)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            var found = Received(startLine);
            if (found.Count >= count)
            {
                return found[count - 1];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Path.GetFileName(MessageFile)}: {found.Count} of {count} '{startLine}' received");
            }

            Thread.Sleep(10); // a file read, not a tight loop
        }
    }

    /// <summary>
    /// Sends the phone's port a datagram that is not SIP and waits (bounded) until sipp has logged discarding it: every
    /// datagram queued on its socket before (all the switch sent before a <c>Quiesce</c>) has been read and traced. The
    /// probe touches no call of the scenario (sipp drops a non-SIP datagram with a warning).
    /// </summary>
    public void Barrier(int port)
    {
        var probe = $"centrex-barrier-{Interlocked.Increment(ref _probes)}";
        using (var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            udp.Send(Encoding.ASCII.GetBytes(probe), new IPEndPoint(IPAddress.Loopback, port));
        }

        var deadline = DateTime.UtcNow + Bound;
        while (!(File.Exists(ErrorFile) && Read(ErrorFile).Contains(probe, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"sipp on port {port} never logged {probe}");
            }

            Thread.Sleep(10);
        }
    }

    /// <summary>The header line <paramref name="name"/> (with its name) of a traced message, or null.</summary>
    public static string? Header(string message, string name) =>
        message.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));

    /// <summary>The received messages' texts, each from its start line (sipp writes a banner line and a blank line before each).</summary>
    private IEnumerable<string> ReceivedMessages()
    {
        if (!File.Exists(MessageFile))
        {
            yield break;
        }

        const string Marker = "message received [";
        var text = Read(MessageFile);
        for (var at = text.IndexOf(Marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Marker, at + 1, StringComparison.Ordinal))
        {
            var start = text.IndexOf("\n\n", at, StringComparison.Ordinal);
            if (start < 0)
            {
                yield break; // still being written
            }

            var end = text.IndexOf("\n-----------------------------------------------", start, StringComparison.Ordinal);
            yield return text[(start + 2)..(end < 0 ? text.Length : end)];
        }
    }

    /// <summary>Reads a file sipp is still writing (it holds it open).</summary>
    private static string Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return reader.ReadToEnd();
    }
}
