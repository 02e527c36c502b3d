namespace Centrex.Portal.Tests.Support;

/// <summary>
/// The tests that drive real clients, Chromium or sipp phones through the running switch, over a demo and a serve of
/// their own (a second <see cref="PortalServer"/>). On the one serve of <see cref="PortalCollection"/> they ran one after
/// another with every other test there, the longest chain of the suite (over half of it theirs); apart, the two
/// collections run side by side (each one test after another).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClientsCollection : ICollectionFixture<PortalServer>
{
    public const string Name = "portal-clients";
}
