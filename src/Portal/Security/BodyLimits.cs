using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Centrex.Portal.Security;

/// <summary>
/// How large a request body each route takes (review 16, item 2: every route took 32 MiB, and <c>POST /api/v1/session</c>
/// read a 30 MB login whole before answering 401; eight at once took serve to 1.73 GB). Every route takes
/// <see cref="Default"/> (the login, every JSON and form route); a route that takes files says its own limit with
/// <c>RequestSizeLimit</c> metadata (<see cref="TariffBytes"/>, <see cref="MusicBytes"/>, <see cref="ProvisioningBytes"/>); CDR
/// ingestion keeps the limits it enforces itself (<c>--max-batch-bytes</c>). A body declared larger than its route's limit
/// is answered 413 before any of it is read; a chunked one stops at the limit with 413 (Kestrel's own limit).
/// </summary>
public static class BodyLimits
{
    /// <summary>The login, every JSON and form route: 64 KiB, far above any form or change the portal has.</summary>
    public const long Default = 64L << 10;

    /// <summary>A tariff CSV uploaded by the operator (page and <c>POST /api/v1/operator/tariffs</c>): 32 MiB.</summary>
    public const long TariffBytes = 32L << 20;

    /// <summary>
    /// A music-on-hold upload (page and API): the file's 10 MiB and 1 MiB for the form around it, so that a file a little
    /// over its limit is still read and refused beside the file field with its size, rather than by this limit.
    /// </summary>
    public const long MusicBytes = Provisioning.MusicOnHold.MusicOnHoldStore.MaxFileBytes + (1L << 20);

    /// <summary>A provisioning JSON document imported by the operator (<c>POST /api/v1/operator/provisioning</c>): 32 MiB.</summary>
    public const long ProvisioningBytes = 32L << 20;

    /// <summary>The limit of a route: its <c>RequestSizeLimit</c>, else <see cref="Default"/>.</summary>
    public static long Of(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? Default;

    /// <summary>
    /// Applies the route's limit: true when the request may go on; false when it was answered 413 because its declared
    /// length is over the limit (nothing of the body read by the application; Kestrel reads past what is left of it after
    /// the answer, holding none of it, to keep the connection).
    /// </summary>
    public static async Task<bool> Apply(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = Of(context.GetEndpoint());
        if (context.Request.ContentLength is { } length && length > limit)
        {
            await Refuse(context, limit);
            return false;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        return true;
    }

    /// <summary>The 413's reason (JSON <see cref="ApiError"/> under the API, plain text for a page).</summary>
    public static string Reason(long limit) => $"the request body is larger than this route takes ({Shown(limit)})";

    // Written with its length (not chunked): the simplest answer for a client still busy sending what it declared.
    private static async Task Refuse(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        byte[] answer;
        if (PortalPaths.IsApi(context.Request.Path))
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            answer = JsonSerializer.SerializeToUtf8Bytes(new ApiError("too-large", Reason(limit)), Json);
        }
        else
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            answer = Encoding.UTF8.GetBytes($"Request too large: {Reason(limit)}.\n");
        }

        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer);
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static string Shown(long bytes) => bytes >= 1L << 20 && bytes % (1L << 20) == 0 ? $"{bytes >> 20} MiB"
        : bytes % (1L << 10) == 0 ? $"{bytes >> 10} KiB" : $"{bytes} bytes";
}
