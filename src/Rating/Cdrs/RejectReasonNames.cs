namespace Centrex.Rating.Cdrs;

/// <summary>Wire names of <see cref="RejectReason"/> in rejects files: <c>malformed</c>, <c>duplicate</c>, <c>no-rate</c>.</summary>
public static class RejectReasonNames
{
    private static readonly string[] Names = ["malformed", "duplicate", "no-rate"];
    private static readonly byte[][] Utf8 = [.. Names.Select(System.Text.Encoding.ASCII.GetBytes)];

    /// <summary>All reasons in enum order.</summary>
    public static IReadOnlyList<RejectReason> All { get; } = [RejectReason.Malformed, RejectReason.Duplicate, RejectReason.NoRate];

    /// <summary>The wire name.</summary>
    public static string ToWireName(this RejectReason reason) => Names[(int)reason];

    /// <summary>The wire name as UTF-8.</summary>
    public static ReadOnlySpan<byte> ToUtf8WireName(this RejectReason reason) => Utf8[(int)reason];
}
