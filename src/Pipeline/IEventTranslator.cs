namespace Centrex.Pipeline;

/// <summary>Fills a claimed slot from an argument, as a struct: the publish call is generic over the translator, so
/// the JIT specialises it for a struct translator and inlines <see cref="Translate"/> (no delegate call).</summary>
/// <typeparam name="T">The ring entry.</typeparam>
/// <typeparam name="TArg">What the event is made from; may be a ref struct.</typeparam>
public interface IEventTranslator<T, in TArg>
    where T : struct
    where TArg : allows ref struct
{
    /// <summary>Writes <paramref name="arg"/> into <paramref name="entry"/>.</summary>
    /// <param name="entry">The slot, by reference.</param>
    /// <param name="sequence">The slot's sequence.</param>
    /// <param name="arg">The argument given to the publish call.</param>
    void Translate(ref T entry, long sequence, TArg arg);
}
