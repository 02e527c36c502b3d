namespace Centrex.Portal.Tests.Support;

/// <summary>The tests over <see cref="ZonedServer"/>'s data directory and serve (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ZonedCollection : ICollectionFixture<ZonedServer>
{
    public const string Name = "zoned";
}
