using Centrex.Portal.Security;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Shared;

/// <summary>Middleware that answers a <see cref="SortRefusedException"/> with 400 and its reason, on pages and the API alike.</summary>
public static class SortRefusal
{
    /// <summary>Runs <paramref name="next"/>; a refused sort that escapes it becomes a 400.</summary>
    public static async Task Handle(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (SortRefusedException e) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            if (context.Request.Path.StartsWithSegments(PortalPaths.Api))
            {
                await context.Response.WriteAsJsonAsync(new ApiError("invalid", e.Message, e.Field));
            }
            else
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"Bad request: {e.Message}.\n");
            }
        }
    }
}
