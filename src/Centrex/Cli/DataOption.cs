using System.CommandLine;

namespace Centrex.Cli;

/// <summary>The <c>--data DIR</c> option every command that uses the store takes (default <c>./data</c>).</summary>
internal static class DataOption
{
    public static Option<string> Create() => new("--data") { Description = "Data directory", DefaultValueFactory = _ => "data" };
}
