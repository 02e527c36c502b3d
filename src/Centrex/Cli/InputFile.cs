using System.CommandLine.Parsing;

namespace Centrex.Cli;

/// <summary>Validators for options that name a file a command reads: it must open for reading.</summary>
internal static class InputFile
{
    /// <summary>Refuses a file that cannot be opened for reading (missing, a folder, no permission).</summary>
    public static void MustBeReadable(OptionResult result)
    {
        if (result.Implicit || result.GetValueOrDefault<string?>() is not { } path)
        {
            return;
        }

        try
        {
            using var probe = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            result.AddError($"{result.Option.Name} '{path}': the file cannot be read ({e.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal)})");
        }
    }
}
