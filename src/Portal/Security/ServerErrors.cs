using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Security;

/// <summary>
/// What an exception that escapes a route becomes (review 16, item 4: a 500 with an empty body, and nothing on standard
/// error, serve having no log provider). A request the client got wrong as HTTP (<see cref="BadHttpRequestException"/>:
/// a body over its route's limit, a malformed form) is answered with its status and reason. Anything else is a fault of
/// the server: one block on <paramref name="log"/> (standard error) with the method, the path (never the query string,
/// the headers or the body: no secret is written) and the exception, and a 500 with a short JSON reason.
/// </summary>
public sealed class ServerErrors(TextWriter log)
{
    /// <summary>Puts the handler first in <paramref name="app"/>'s pipeline (call before any other middleware).</summary>
    public void Use(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = Answer });
    }

    private async Task Answer(HttpContext context)
    {
        var feature = context.Features.Get<IExceptionHandlerFeature>();
        var error = feature?.Error;
        if (error is BadHttpRequestException bad)
        {
            context.Response.StatusCode = bad.StatusCode;
            var reason = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? BodyLimits.Reason(BodyLimits.Of(feature?.Endpoint)) : Rating.Csv.EchoedValue.CutLong(bad.Message);
            await Write(context, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "too-large" : "bad-request", reason);
            return;
        }

        if (error is CustomerRemovedException)
        {
            // Like any missing resource: the session's customer is gone (the session scheme ends the session at the next request).
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await Write(context, "not-found", "no such customer: this login's customer is no longer provisioned");
            return;
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away: nothing to answer, nothing wrong here
        }

        lock (log)
        {
            log.WriteLine($"centrex serve: 500 on {context.Request.Method} {context.Request.Path}: {error}");
            log.Flush();
        }

        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await Write(context, "server-error", "the server failed to answer this request; the operator finds the cause on serve's standard error");
    }

    private static Task Write(HttpContext context, string code, string reason)
    {
        if (PortalPaths.IsApi(context.Request.Path))
        {
            return context.Response.WriteAsJsonAsync(new ApiError(code, reason));
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync($"{reason}.\n");
    }
}
