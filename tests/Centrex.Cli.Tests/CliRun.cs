namespace Centrex.Cli.Tests;

/// <summary>Runs the real <c>centrex</c> command line in-process with captured output.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CentrexCli.Run(args, new CliConsole(output, error, errorIsTerminal: false));
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>The value printed after a summary label, e.g. <c>rows read</c>.</summary>
    public string Summary(string label)
    {
        var line = Error.Split('\n').Single(l => l.TrimStart().StartsWith(label + "  ", StringComparison.Ordinal));
        return line.Trim()[label.Length..].Trim();
    }

    public long SummaryCount(string label) => long.Parse(Summary(label).Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
