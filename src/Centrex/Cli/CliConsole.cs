using Spectre.Console;

namespace Centrex.Cli;

/// <summary>
/// Where a command writes: results to <see cref="Out"/>, messages and summaries to <see cref="Error"/>, and, when
/// standard error is a terminal, live progress through Spectre.Console.
/// </summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, bool errorIsTerminal, bool ownsProcessConsole = false)
{
    /// <summary>The process's own console.</summary>
    public static CliConsole System => new(Console.Out, Console.Error, !Console.IsErrorRedirected, ownsProcessConsole: true);

    /// <summary>Results.</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Messages, summaries, errors.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Whether progress bars should be drawn.</summary>
    public bool ShowsProgress { get; } = errorIsTerminal;

    /// <summary>
    /// This is the process's own console, so Ctrl+C and SIGTERM are this command line's to handle (tests get a console
    /// whose commands' tokens never fire).
    /// </summary>
    public bool OwnsProcessConsole { get; } = ownsProcessConsole;

    /// <summary>A Spectre console over standard error, for progress bars.</summary>
    public IAnsiConsole ProgressConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Error),
        Interactive = InteractionSupport.Yes,
        Ansi = AnsiSupport.Detect,
    });

    /// <summary>Runs <paramref name="work"/> on a worker thread and shows a byte-progress bar until it finishes.</summary>
    public T WithProgress<T>(string description, Func<(long Done, long Total)> poll, Func<T> work)
    {
        if (!ShowsProgress)
        {
            return work();
        }

        return ProgressConsole().Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var bar = context.AddTask(description, maxValue: 1);
                var running = Task.Run(work);
                while (!running.Wait(TimeSpan.FromMilliseconds(100)))
                {
                    var (done, total) = poll();
                    bar.MaxValue = Math.Max(1, total);
                    bar.Value = done;
                }

                bar.Value = bar.MaxValue;
                return running.GetAwaiter().GetResult();
            });
    }
}
