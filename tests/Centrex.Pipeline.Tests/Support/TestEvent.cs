namespace Centrex.Pipeline.Tests.Support;

/// <summary>A ring entry with room for a producer's payload and for marks written by pipeline stages.</summary>
public struct TestEvent
{
    public long Value;
    public int Producer;
    public long MarkA;
    public long MarkA2;
    public long MarkB;
}
