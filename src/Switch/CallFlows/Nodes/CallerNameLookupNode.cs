using System.Text.Json;
using Centrex.Switch.CallFlows.Async;

namespace Centrex.Switch.CallFlows.Nodes;

/// <summary>
/// "Caller name lookup" (seed 003): GETs <see cref="UrlTemplate"/> with the caller's number in it (<c>{caller}</c>); a
/// 2xx answer gives the name: the string field <see cref="JsonField"/> of a JSON object when the answer is
/// <c>application/json</c>, otherwise the first line of the text. The name (sanitized, <see cref="CallerNames"/>)
/// becomes the From display name of what the flow rings next. Found or not, the flow goes on to <c>next</c>: a lookup
/// never stops a call.
/// </summary>
public sealed class CallerNameLookupNode : AsyncFlowNode
{
    private const int MaxAnswerBytes = 4096;

    /// <summary>The URL, with <c>{caller}</c> (and the other <see cref="FlowTemplate"/> placeholders).</summary>
    public required string UrlTemplate { get; init; }

    /// <summary>The JSON field holding the name.</summary>
    public string JsonField { get; init; } = "name";

    /// <inheritdoc/>
    public override async Task<FlowResult> RunAsync(FlowCall call, FlowServices services, CancellationToken cancellation)
    {
        using var response = await services.Http.GetAsync(FlowTemplate.Expand(UrlTemplate, call, url: true), HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return FlowResult.Failed($"lookup answered {(int)response.StatusCode}");
        }

        var buffer = new byte[MaxAnswerBytes];
        await using var stream = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
        var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellation).ConfigureAwait(false);
        string? name;
        if (response.Content.Headers.ContentType?.MediaType is { } type && type.EndsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
                name = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(JsonField, out var field)
                    && field.ValueKind == JsonValueKind.String ? field.GetString() : null;
            }
            catch (JsonException e)
            {
                return FlowResult.Failed("lookup answered bad JSON: " + e.Message);
            }
        }
        else
        {
            var text = System.Text.Encoding.UTF8.GetString(buffer, 0, length);
            var end = text.IndexOfAny(['\r', '\n']);
            name = end < 0 ? text : text[..end];
        }

        return new FlowResult(FlowResultKind.Done, CallerName: CallerNames.Sanitize(name));
    }
}
