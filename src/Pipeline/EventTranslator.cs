namespace Centrex.Pipeline;

/// <summary>Fills a claimed slot from an argument. Pass a <see langword="static"/> lambda: it captures nothing, so
/// the compiler caches one delegate instance and publishing allocates nothing.</summary>
/// <typeparam name="T">The ring entry.</typeparam>
/// <typeparam name="TArg">What the event is made from; may be a ref struct such as <c>ReadOnlySpan&lt;byte&gt;</c>, so
/// a raw record can be parsed straight into the slot without copying it first.</typeparam>
/// <param name="entry">The slot, by reference.</param>
/// <param name="sequence">The slot's sequence.</param>
/// <param name="arg">The argument given to the publish call.</param>
public delegate void EventTranslator<T, in TArg>(ref T entry, long sequence, TArg arg)
    where T : struct
    where TArg : allows ref struct;
