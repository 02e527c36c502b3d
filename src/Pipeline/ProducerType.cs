namespace Centrex.Pipeline;

/// <summary>Which claim strategy a ring buffer uses.</summary>
public enum ProducerType
{
    /// <summary>Exactly one thread publishes: claims are plain arithmetic, no compare-and-swap
    /// (<see cref="SingleProducerSequencer"/>).</summary>
    Single = 0,

    /// <summary>Any number of threads publish: claims compare-and-swap the cursor and publication is tracked per slot
    /// (<see cref="MultiProducerSequencer"/>).</summary>
    Multi = 1,
}
