using System.Globalization;

namespace Centrex.Pipeline;

/// <summary>
/// An event handler threw. The processor that ran it records this fault and stops; the <see cref="Disruptor{T}"/>
/// then halts every other processor (nothing is silently skipped) and rethrows the first fault from
/// <see cref="Disruptor{T}.Shutdown"/>. The handler's exception is the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class PipelineFaultException : Exception
{
    /// <summary>Creates the fault record.</summary>
    /// <param name="handlerName">The handler's type name.</param>
    /// <param name="sequence">The sequence being processed when the handler threw.</param>
    /// <param name="innerException">What the handler threw.</param>
    public PipelineFaultException(string handlerName, long sequence, Exception innerException)
        : base(
            string.Create(CultureInfo.InvariantCulture, $"Event handler {handlerName} failed at sequence {sequence}: {innerException.Message}"),
            innerException)
    {
        HandlerName = handlerName;
        Sequence = sequence;
    }

    /// <summary>The type name of the handler that threw.</summary>
    public string HandlerName { get; }

    /// <summary>The sequence the handler was processing; earlier sequences were processed by it, this one and later
    /// ones were not (or, for a lifecycle hook, the last sequence processed).</summary>
    public long Sequence { get; }
}
