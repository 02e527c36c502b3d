namespace Centrex.Portal.Tests.Support;

/// <summary>
/// The tests that drive Chromium, over a demo and a serve of their own (a second <see cref="PortalServer"/>): they are a
/// third of the portal's tests' time, and on the one serve of <see cref="PortalCollection"/> they ran one after another
/// with every other test there. Apart, the two collections run side by side (they run one after another within each).
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<PortalServer>
{
    public const string Name = "portal-browser";
}
