namespace Centrex.Cli;

/// <summary>Turns Ctrl+C into a cancellation while it lives; disposing it restores the default behaviour.</summary>
internal sealed class InterruptScope : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly bool _listening;

    public InterruptScope(bool listen)
    {
        _listening = listen;
        if (listen)
        {
            Console.CancelKeyPress += OnCancelKeyPress;
        }
    }

    /// <summary>Cancelled when Ctrl+C is pressed.</summary>
    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        if (_listening)
        {
            Console.CancelKeyPress -= OnCancelKeyPress;
        }

        _source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        _source.Cancel();
    }
}
