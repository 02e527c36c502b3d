namespace Centrex.Pipeline;

/// <summary>
/// Thrown by <see cref="SequenceBarrier.WaitFor"/> (through <see cref="SequenceBarrier.CheckAlert"/>) when the barrier
/// has been alerted: the Disruptor's way to wake a consumer that is waiting for events so it can notice it has been
/// halted. Only thrown while stopping, never on the per-event path.
/// </summary>
public sealed class AlertException : Exception
{
    /// <summary>Creates the exception with a fixed message.</summary>
    public AlertException()
        : base("The sequence barrier was alerted.")
    {
    }
}
