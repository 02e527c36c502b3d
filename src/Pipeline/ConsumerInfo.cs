namespace Centrex.Pipeline;

/// <summary>What a <see cref="Disruptor{T}"/> knows about one consumer it wired.</summary>
internal sealed class ConsumerInfo(IEventProcessor processor, object? handlerIdentity, string handlerName)
{
    public IEventProcessor Processor { get; } = processor;

    /// <summary>The handler instance for look-up by <see cref="Disruptor{T}.After"/>; null for struct handlers,
    /// which have no identity.</summary>
    public object? HandlerIdentity { get; } = handlerIdentity;

    public string HandlerName { get; } = handlerName;

    public Thread? Thread { get; set; }
}
