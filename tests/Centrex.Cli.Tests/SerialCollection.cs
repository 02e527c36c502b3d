namespace Centrex.Cli.Tests;

/// <summary>
/// Tests that measure the whole process (allocated bytes) run alone, never beside other test classes, so that what
/// they count is theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial";
}
