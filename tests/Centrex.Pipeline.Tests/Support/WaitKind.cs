namespace Centrex.Pipeline.Tests.Support;

/// <summary>The wait strategies, as a serialisable theory parameter.</summary>
public enum WaitKind
{
    BusySpin,
    Yielding,
    Blocking,
    Sleeping,
}

internal static class WaitKinds
{
    public static IWaitStrategy Create(this WaitKind kind) => kind switch
    {
        WaitKind.BusySpin => new BusySpinWaitStrategy(),
        WaitKind.Yielding => new YieldingWaitStrategy(),
        WaitKind.Blocking => new BlockingWaitStrategy(),
        WaitKind.Sleeping => new SleepingWaitStrategy(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
