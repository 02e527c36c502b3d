using System.CommandLine;

namespace Centrex.Cli;

/// <summary>The <c>--data DIR</c> option every command that uses the store takes (default <c>./data</c>).</summary>
internal static class DataOption
{
    /// <summary>The option's name.</summary>
    public const string Name = "--data";

    /// <summary>
    /// The option, its value made absolute when the command line is read: every path built from it is then absolute too,
    /// whatever a library does with a relative one (review 16, item 3: <c>serve --data ./data</c> answered invoice
    /// downloads 500, ASP.NET Core's file result reading a relative path as a web-root file).
    /// </summary>
    public static Option<string> Create() => new(Name)
    {
        Description = "Data directory",
        DefaultValueFactory = _ => Path.GetFullPath("data"),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "data";
            if (string.IsNullOrWhiteSpace(text) || text.Contains('\0', StringComparison.Ordinal))
            {
                result.AddError($"{Name} '{text}' is not a directory");
                return string.Empty;
            }

            return Path.GetFullPath(text);
        },
    };
}
