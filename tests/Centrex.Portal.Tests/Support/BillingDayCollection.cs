namespace Centrex.Portal.Tests.Support;

/// <summary>The tests over <see cref="BillingDayServer"/> (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class BillingDayCollection : ICollectionFixture<BillingDayServer>
{
    public const string Name = "billing-day";
}
