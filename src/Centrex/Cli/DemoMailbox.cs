using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Centrex.Invoicing.Mail;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Centrex.Cli;

/// <summary>
/// The demo's own SMTP server: a mail sink on a free loopback port (the SmtpServer library) that stores every message
/// it accepts as an <c>.eml</c> file in a folder, so <c>centrex demo</c> shows the invoices as they are emailed, through
/// a real SMTP exchange, on a machine with no mail server installed. It delivers nothing onward. A real deployment
/// configures its own server with <c>centrex mail configure</c>.
/// </summary>
internal sealed class DemoMailbox : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public DemoMailbox(string folder)
    {
        Folder = folder;
        Directory.CreateDirectory(folder);
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("centrex-demo-mailbox").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new FolderStore(folder));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    /// <summary>Where the received messages are.</summary>
    public string Folder { get; }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>Settings that send billing's email to this mailbox.</summary>
    public MailSettings Settings => new("127.0.0.1", Port, MailSecurity.None, "billing@centrex.example", null);

    /// <summary>The messages received, in arrival order.</summary>
    public IReadOnlyList<string> Messages => [.. Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _running.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            // Stopped, as asked.
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Writes each accepted message, as received, to <c>NNN-RECIPIENT.eml</c>.</summary>
    private sealed class FolderStore(string folder) : MessageStore
    {
        private int _count;

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var to = transaction.To.FirstOrDefault() is { } first ? $"{first.User}@{first.Host}" : "unknown";
            var name = $"{Interlocked.Increment(ref _count):D3}-{string.Concat(to.Select(c => char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '-' ? c : '_'))}.eml";
            await using var file = new FileStream(Path.Combine(folder, name), FileMode.CreateNew, FileAccess.Write);
            foreach (var segment in buffer)
            {
                await file.WriteAsync(segment, cancellationToken);
            }

            return SmtpResponse.Ok;
        }
    }
}
