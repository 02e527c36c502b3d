using System.Globalization;

namespace Centrex.Ledger;

/// <summary>
/// Who holds a ledger folder's lock: the process, what it runs and since when, as its holder wrote them to
/// <c>lock.holder</c> beside the lock, so a refused opener can name it to the operator.
/// </summary>
/// <param name="ProcessId">The holder's process id.</param>
/// <param name="Command">What the holder runs, e.g. <c>centrex serve</c>.</param>
/// <param name="Since">When it took the lock (UTC).</param>
public sealed record LedgerHolder(int ProcessId, string Command, DateTimeOffset Since)
{
    // Longer commands are cut: the file is read back into an error message.
    private const int LongestCommand = 200;

    /// <summary>The current process, as it describes itself on its command line (<c>centrex serve</c>), from now on.</summary>
    /// <remarks>The time is a label shown to an operator, not a business time, so it is read from the system clock.</remarks>
    internal static LedgerHolder Current() => new(Environment.ProcessId, CommandOfThisProcess(), DateTimeOffset.UtcNow);

    /// <summary>E.g. <c>process 1234 (centrex serve, since 2026-12-06T02:40:12Z)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"process {ProcessId} ({Command}, since {Since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})");

    /// <summary>The three lines of <c>lock.holder</c>: process id, command, time.</summary>
    internal string ToFileText() =>
        string.Create(CultureInfo.InvariantCulture, $"{ProcessId}\n{Command}\n{Since.UtcDateTime:O}\n");

    /// <summary>The holder a <c>lock.holder</c> text names, or null when it is not one (cut short, or not written yet).</summary>
    internal static LedgerHolder? Parse(string text)
    {
        var lines = text.Split('\n');
        return lines.Length >= 3
            && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && lines[1].Length is > 0 and <= LongestCommand
            && DateTimeOffset.TryParse(lines[2], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
                ? new LedgerHolder(pid, lines[1], since)
                : null;
    }

    /// <summary>
    /// The program's name and the words of its command line before the first option (at most three): <c>centrex
    /// serve</c>, <c>centrex journal verify</c>, <c>testhost</c>.
    /// </summary>
    private static string CommandOfThisProcess()
    {
        var args = Environment.GetCommandLineArgs();
        var words = new List<string> { args.Length == 0 ? "unknown" : Path.GetFileNameWithoutExtension(args[0]) };
        for (var i = 1; i < args.Length && words.Count < 4 && !args[i].StartsWith('-'); i++)
        {
            words.Add(args[i]);
        }

        var command = string.Join(' ', words).ReplaceLineEndings(" ");
        return command.Length <= LongestCommand ? command : command[..LongestCommand];
    }
}
