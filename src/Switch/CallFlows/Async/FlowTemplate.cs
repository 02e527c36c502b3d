using System.Globalization;
using NodaTime.Text;

namespace Centrex.Switch.CallFlows.Async;

/// <summary>
/// Fills a node's text (a lookup URL, an email subject) with the call's details: <c>{caller}</c>, <c>{called}</c>,
/// <c>{did}</c>, <c>{customer}</c>, <c>{call_id}</c>, <c>{time}</c> (ISO 8601 UTC). In a URL the values are escaped.
/// </summary>
public static class FlowTemplate
{
    /// <summary>The placeholders a template may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["{caller}", "{called}", "{did}", "{customer}", "{call_id}", "{time}"];

    /// <summary><paramref name="template"/> with the call's details in place.</summary>
    public static string Expand(string template, FlowCall call, bool url)
    {
        string Value(string text) => url ? Uri.EscapeDataString(text) : text;
        return template
            .Replace("{caller}", Value(call.Caller), StringComparison.Ordinal)
            .Replace("{called}", Value(call.Called), StringComparison.Ordinal)
            .Replace("{did}", Value(call.Did), StringComparison.Ordinal)
            .Replace("{customer}", Value(call.CustomerId), StringComparison.Ordinal)
            .Replace("{call_id}", Value(call.CallId), StringComparison.Ordinal)
            .Replace("{time}", Value(InstantPattern.ExtendedIso.Format(call.Time)), StringComparison.Ordinal);
    }

    /// <summary>The call's details as text lines (an email's body).</summary>
    public static string Details(FlowCall call) => string.Create(CultureInfo.InvariantCulture,
        $"Caller: {call.Caller}\r\nCalled: {call.Called}\r\nDID: {call.Did}\r\nCustomer: {call.CustomerId}\r\nTime: {InstantPattern.ExtendedIso.Format(call.Time)}\r\nCall id: {call.CallId}\r\n");
}
