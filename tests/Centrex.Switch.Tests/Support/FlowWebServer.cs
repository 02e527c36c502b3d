using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Centrex.Switch.Tests.Support;

/// <summary>
/// A real web server (ASP.NET Core Kestrel on 127.0.0.1, a free port) for the call flows' HTTP nodes: <c>/answer/D</c>
/// answers D, <c>/fail</c> answers 500, <c>/slow</c> answers only when the client gives up, <c>/name/{caller}</c> answers
/// the name <see cref="Names"/> holds for the caller (text, or JSON under <c>/json-name/</c>). Every request is
/// recorded with its body; <see cref="WaitForAbort"/> waits for a request whose client hung up.
/// </summary>
internal sealed class FlowWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly SemaphoreSlim _abortedSignal = new(0);

    private FlowWebServer(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, string Body)> Requests { get; } = new();

    public ConcurrentDictionary<string, string> Names { get; } = new();

    public string Url { get; private set; } = string.Empty;

    public static async Task<FlowWebServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FlowWebServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return server;
    }

    /// <summary>Waits until a request has arrived (readiness, not sleep).</summary>
    public void WaitForRequest() => Assert.True(_arrived.Wait(TimeSpan.FromSeconds(20)), "no request reached the web server");

    /// <summary>Waits until the client gave up a request (the switch cancelled its work).</summary>
    public void WaitForAbort() => Assert.True(_abortedSignal.Wait(TimeSpan.FromSeconds(20)), "the switch never gave the pending request up");

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        Requests.Enqueue((path, await reader.ReadToEndAsync()));
        _arrived.Release();
        if (path.StartsWith("/answer/", StringComparison.Ordinal))
        {
            await context.Response.WriteAsync(path["/answer/".Length..] + "\n");
        }
        else if (path == "/fail")
        {
            context.Response.StatusCode = 500;
        }
        else if (path == "/slow")
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                _abortedSignal.Release();
            }
        }
        else if (path.StartsWith("/name/", StringComparison.Ordinal))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(Names.GetValueOrDefault(path["/name/".Length..], string.Empty));
        }
        else if (path.StartsWith("/json-name/", StringComparison.Ordinal))
        {
            await context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["name"] = Names.GetValueOrDefault(path["/json-name/".Length..], string.Empty) });
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
