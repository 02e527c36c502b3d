using Centrex.Portal.Localization;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Shared;

/// <summary>Middleware that answers a <see cref="SortRefusedException"/> with 400 and its reason, on pages and the API alike.</summary>
public static class SortRefusal
{
    /// <summary>The refusal's reason in the request's language: its code's text when it has one there, else as worded.</summary>
    public static string Reason(SortRefusedException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var culture = PortalCultures.Current;
        return e.Code is { } code && !PortalCultures.IsEnglish && PortalText.Resources.GetString("refusal." + code, culture) is { } text
            ? string.Format(culture, text, [.. e.Arguments])
            : e.Message;
    }

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
                // A page's refusal is read by a person: in the login's language (the API's stays English, with its field).
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(Translation.Of(context, "Bad request: {0}.", Reason(e)) + "\n");
            }
        }
    }
}
