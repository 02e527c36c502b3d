namespace Centrex.Rating.Numbering;

/// <summary>The wire names of <see cref="NumberClass"/> used in rated CSV files (a file contract: never change them).</summary>
public static class NumberClassNames
{
    private static readonly string[] Names = ["domestic", "nanp-international", "toll-free", "international", "local", "toll-free-inbound"];

    private static readonly byte[][] Utf8Names = [.. Names.Select(n => System.Text.Encoding.ASCII.GetBytes(n))];

    /// <summary>The wire name, e.g. <c>nanp-international</c>.</summary>
    public static string ToWireName(this NumberClass value) => Names[(int)value];

    /// <summary>The wire name as UTF-8 bytes.</summary>
    public static ReadOnlySpan<byte> ToUtf8WireName(this NumberClass value) => Utf8Names[(int)value];

    /// <summary>Parses a wire name.</summary>
    public static bool TryParse(string name, out NumberClass value)
    {
        var index = Array.IndexOf(Names, name);
        value = index < 0 ? default : (NumberClass)index;
        return index >= 0;
    }
}
