using System.CommandLine.Parsing;

namespace Centrex.Cli;

/// <summary>
/// Turns the value readers of <see cref="OptionValues"/> into System.CommandLine custom parsers. Issue 13: value checks
/// belong in the parser, so a bad value is a parse error naming the option (<c>centrex: --period '2026-13' is not a
/// month written YYYY-MM</c>, exit 2 through <see cref="CentrexCli"/>) before any command body runs, instead of a check
/// per command body that one command forgot (balance printed the counters of month 13, then crashed).
/// </summary>
internal static class OptionParsers
{
    /// <summary>A parser that reads the option's one token with <paramref name="tryParse"/>.</summary>
    /// <param name="tryParse">The reader.</param>
    /// <param name="complaint">What follows <c>--option 'text'</c> in the error, e.g. <c>is not a month written YYYY-MM</c>.</param>
    public static Func<ArgumentResult, T> Of<T>(TryParser<T> tryParse, string complaint) => result =>
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (tryParse(text, out var value))
        {
            return value;
        }

        result.AddError($"{Name(result)} '{text}' {complaint}");
        return default!;
    };

    /// <summary>The same for an optional option of a value type (<c>Option&lt;T?&gt;</c>).</summary>
    public static Func<ArgumentResult, T?> Optional<T>(TryParser<T> tryParse, string complaint)
        where T : struct
    {
        var parse = Of(tryParse, complaint);
        return result => parse(result);
    }

    /// <summary>
    /// The value an option of <paramref name="command"/> was given, read again from its text, for checks between
    /// options (<c>--to</c> after <c>--from</c>). A command's validators run before its options are converted, and
    /// reading an option whose text does not parse would throw: false then (the option's own parser reports it).
    /// </summary>
    public static bool TryGiven<T>(CommandResult command, System.CommandLine.Option option, TryParser<T> tryParse, out T value)
    {
        value = default!;
        return command.GetResult(option) is { Implicit: false, Tokens.Count: > 0 } given && tryParse(given.Tokens[^1].Value, out value);
    }

    private static string Name(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
