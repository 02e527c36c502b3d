namespace Centrex.Portal.Tests.Support;

/// <summary>The tests that share one demo data directory and one running serve (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalServer>
{
    public const string Name = "portal";
}
