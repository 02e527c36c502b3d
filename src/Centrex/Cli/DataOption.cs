using System.CommandLine;

namespace Centrex.Cli;

/// <summary>The <c>--data DIR</c> option every command that uses the store takes (default <c>./data</c>).</summary>
internal static class DataOption
{
    /// <summary>The option's name.</summary>
    public const string Name = "--data";

    public static Option<string> Create() => new(Name) { Description = "Data directory", DefaultValueFactory = _ => "data" };
}
