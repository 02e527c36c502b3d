using System.CommandLine.Parsing;

namespace Centrex.Cli;

/// <summary>
/// Validators for options that name a file a command writes (<c>rate --out/--rejects</c>, <c>report xdr --out</c>,
/// <c>cdr export --out</c>, <c>provision export --out</c>). Issue 13: <c>rate --out</c> naming a folder failed only
/// after all the rating, at the final rename, with exit 1 and no option named. Checked while parsing instead, before
/// any input is read: exit 2 and the option named.
/// </summary>
internal static class OutputFile
{
    /// <summary>Refuses a folder, a file in a folder that does not exist, or a place the process cannot write.</summary>
    public static void MustBeWritable(OptionResult result)
    {
        if (result.Implicit || result.GetValueOrDefault<string?>() is not { } path || Problem(path) is not { } problem)
        {
            return;
        }

        result.AddError($"{result.Option.Name} '{path}' {problem}");
    }

    private static string? Problem(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (ArgumentException)
        {
            return "is not a file name";
        }

        if (path.Length == 0 || Directory.Exists(full))
        {
            return "is a folder: give the file to write";
        }

        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            return $"cannot be written: the folder {folder} does not exist";
        }

        try
        {
            if (File.Exists(full))
            {
                // Opened for writing without truncating: the file is left exactly as it is.
                using var existing = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            }

            // Commands write a temporary file beside the output and rename it, so the folder must take a new file. Only
            // writing one tells (permission bits do not tell for root, ACLs or a read-only mount); it is deleted on close.
            using var probe = new FileStream(Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.probe"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot be written ({e.Message})";
        }
    }
}
