namespace Centrex.Cli;

/// <summary>Runs a synchronous command body as the asynchronous action that receives System.CommandLine's cancellation token.</summary>
internal static class Interruptible
{
    /// <summary>
    /// Runs <paramref name="body"/> on the thread pool. System.CommandLine starts listening for Ctrl+C and SIGTERM only
    /// once the action has returned its task, so a body run inline would finish before anyone listened.
    /// </summary>
    public static Task<int> Run(Func<int> body) => Task.Run(body, CancellationToken.None);
}
