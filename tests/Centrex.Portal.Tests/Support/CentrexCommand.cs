using System.Diagnostics;

namespace Centrex.Portal.Tests.Support;

/// <summary>The built `centrex` beside the tests, started with its output (and, when asked, its input) redirected.</summary>
internal static class CentrexCommand
{
    /// <summary>How to start `centrex` with <paramref name="args"/>, each passed as one argument.</summary>
    public static ProcessStartInfo Info(IEnumerable<string> args, bool input = false)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "centrex"))
        {
            RedirectStandardInput = input,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    /// <summary>Starts `centrex` with <paramref name="args"/>.</summary>
    public static Process Start(IEnumerable<string> args, bool input = false) => Process.Start(Info(args, input))!;
}
