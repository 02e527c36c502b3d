namespace Centrex.Switch.Sip;

/// <summary>One header line as parsed: its kind, its name and its value (folded lines included, ends trimmed).</summary>
internal readonly record struct SipHeader(SipHeaderKind Kind, TextRange Name, TextRange Value);
