namespace Centrex.Rating.Cdrs;

/// <summary>Names of <see cref="CdrField"/> as the run summary prints them (<c>column-count</c>, <c>callee</c>…).</summary>
public static class CdrFieldNames
{
    private static readonly string[] Names = ["none", "column-count", "quoting", "encoding", "id", "callee", "start", "duration", "account"];

    /// <summary>The printed name.</summary>
    public static string ToDisplayName(this CdrField field) => Names[(int)field];
}
