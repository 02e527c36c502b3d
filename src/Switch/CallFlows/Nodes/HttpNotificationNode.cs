using System.Net.Http.Headers;
using System.Text.Json;
using Centrex.Switch.CallFlows.Async;
using NodaTime.Text;

namespace Centrex.Switch.CallFlows.Nodes;

/// <summary>
/// "HTTP notification" (seed 003): POSTs the call's details as JSON to <see cref="Url"/>; a 2xx answer whose body is a
/// digit 1 to 5 takes that branch ("If HTTP server returns value from 1 to 5, then all the necessary conditions are
/// fulfilled"), any other 2xx (or a digit with no branch) takes <c>next</c>; a timeout, an error status or an unreachable
/// server takes <c>error</c> (or <c>next</c> when the node has none).
/// </summary>
public sealed class HttpNotificationNode : AsyncFlowNode
{
    /// <summary>The largest answer read: a digit is all that matters.</summary>
    private const int MaxAnswerBytes = 1024;

    /// <summary>Where the details go.</summary>
    public required Uri Url { get; init; }

    /// <summary>The branches for answers 1 to 5 (index 0 is answer 1); -1: none.</summary>
    public required int[] Choices { get; init; }

    /// <inheritdoc/>
    public override async Task<FlowResult> RunAsync(FlowCall call, FlowServices services, CancellationToken cancellation)
    {
        using var content = new ByteArrayContent(Body(call));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await services.Http.PostAsync(Url, content, cancellation).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return FlowResult.Failed($"{Url} answered {(int)response.StatusCode}");
        }

        var buffer = new byte[MaxAnswerBytes];
        await using var stream = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
        var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellation).ConfigureAwait(false);
        var answer = System.Text.Encoding.UTF8.GetString(buffer, 0, length).Trim();
        return new FlowResult(FlowResultKind.Done, answer.Length == 1 && answer[0] is >= '1' and <= '5' ? answer[0] - '0' : 0);
    }

    /// <inheritdoc/>
    public override FlowStep Completed(in FlowResult result, in FlowContext context) =>
        result.Kind == FlowResultKind.Done && result.Choice is >= 1 and <= 5 && Choices[result.Choice - 1] >= 0 ? FlowStep.Goto(Choices[result.Choice - 1])
        : base.Completed(result, context);

    /// <summary>The JSON posted: the call's details with snake_case names.</summary>
    public static byte[] Body(FlowCall call)
    {
        using var stream = new MemoryStream(256);
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("call_id", call.CallId);
            json.WriteString("sip_call_id", call.SipCallId);
            json.WriteString("caller", call.Caller);
            json.WriteString("called", call.Called);
            json.WriteString("did", call.Did);
            json.WriteString("customer", call.CustomerId);
            json.WriteString("time", InstantPattern.ExtendedIso.Format(call.Time));
            json.WriteEndObject();
        }

        return stream.ToArray();
    }
}
