namespace Centrex.Cli;

/// <summary>Process exit codes of every command.</summary>
internal static class ExitCodes
{
    /// <summary>The command did its job (rejected rows are data, not failure).</summary>
    public const int Success = 0;

    /// <summary>Something failed while running: an I/O error, a full disk.</summary>
    public const int Failure = 1;

    /// <summary>Bad usage or bad input as a whole: unknown option, unreadable or mis-headed file, invalid tariff.</summary>
    public const int BadInput = 2;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
