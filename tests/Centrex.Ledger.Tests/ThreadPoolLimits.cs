namespace Centrex.Ledger.Tests;

/// <summary>
/// Tests that change the process's thread-pool limits run alone (the limits are process-wide: a test running beside
/// them would find its pool shrunk).
/// </summary>
[CollectionDefinition(nameof(ThreadPoolLimits), DisableParallelization = true)]
public sealed class ThreadPoolLimits;
