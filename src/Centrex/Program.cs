using Centrex.Cli;

namespace Centrex;

internal static class Program
{
    private static int Main(string[] args) => CentrexCli.Run(args, CliConsole.System);
}
