using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Centrex.Invoicing.Tests.Support;

/// <summary>
/// A real SMTP server for a test: Debian's aiosmtpd (<c>python3-aiosmtpd</c>, installed by ./test.sh) on a free loopback
/// port, storing every message it accepts in a Maildir in a temp folder; stopped when disposed.
/// </summary>
internal sealed class SmtpSink : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "centrex-smtp-" + Guid.NewGuid().ToString("N"));
    private readonly Process _process;

    public SmtpSink()
    {
        Directory.CreateDirectory(_folder);
        Port = FreePort();
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("aiosmtpd did not start");
        var deadline = Stopwatch.StartNew();
        while (!Accepts(Port))
        {
            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new InvalidOperationException($"aiosmtpd is not listening on 127.0.0.1:{Port}: {_process.StandardError.ReadToEnd()}");
            }

            Thread.Sleep(50);
        }
    }

    public int Port { get; }

    public string Maildir => Path.Combine(_folder, "maildir");

    /// <summary>Every message received so far, parsed (in no particular order: Maildir names do not keep arrival order).</summary>
    public List<MimeMessage> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))] : [];
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
