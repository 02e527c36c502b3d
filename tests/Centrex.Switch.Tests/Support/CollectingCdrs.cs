using System.Collections.Concurrent;
using Centrex.Switch.Calls;

namespace Centrex.Switch.Tests.Support;

/// <summary>Keeps every call end the switch emits.</summary>
public sealed class CollectingCdrs : ICdrSink
{
    public ConcurrentQueue<CallEnd> Ends { get; } = new();

    public void Emit(CallEnd end) => Ends.Enqueue(end);
}
