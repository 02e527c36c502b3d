namespace Centrex.Pipeline;

/// <summary>
/// Thrown to a producer that would have to wait for ring capacity after the pipeline was halted (by
/// <see cref="Disruptor{T}.Halt"/>, a completed <see cref="Disruptor{T}.Shutdown"/>, or a handler fault): no consumer
/// will free a slot again, so waiting would hang the producer forever. A claim that fits in the free capacity still
/// succeeds.
/// </summary>
public sealed class PipelineHaltedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The consumer fault that halted the pipeline, if any.</param>
    public PipelineHaltedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
