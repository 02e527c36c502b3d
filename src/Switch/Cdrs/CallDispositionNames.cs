using Centrex.Switch.Admission;

namespace Centrex.Switch.Cdrs;

/// <summary>The names dispositions and directions have in the CDR store (frozen: files on disk use them).</summary>
public static class CallDispositionNames
{
    private static readonly string[] Names = ["", "answered", "busy", "no-answer", "cancelled", "failed", "refused-by-limit", "refused-by-balance", "refused-by-fraud"];

    /// <summary>The stored name: <c>answered</c>, <c>busy</c>, <c>no-answer</c>, <c>cancelled</c>, <c>failed</c>,
    /// <c>refused-by-limit</c>, <c>refused-by-balance</c>, <c>refused-by-fraud</c>.</summary>
    public static string ToWireName(this CallDisposition value) => Names[(int)value];

    /// <summary>Parses a stored name.</summary>
    public static bool TryParse(string name, out CallDisposition value)
    {
        var index = Array.IndexOf(Names, name);
        value = (CallDisposition)Math.Max(index, 0);
        return index > 0;
    }

    /// <summary>The stored name of a direction: <c>outgoing</c> or <c>incoming</c>.</summary>
    public static string ToWireName(this CallDirection value) => value == CallDirection.Incoming ? "incoming" : "outgoing";

    /// <summary>Parses a stored direction.</summary>
    public static bool TryParseDirection(string name, out CallDirection value)
    {
        value = name == "incoming" ? CallDirection.Incoming : CallDirection.Outgoing;
        return name is "incoming" or "outgoing";
    }
}
