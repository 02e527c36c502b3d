namespace Centrex.Portal.Tests.Support;

/// <summary>
/// The demo's <see cref="PortalServer"/>, but serve started in the data directory's parent with <c>--data NAME</c>, a
/// relative path, as the README's own <c>serve --data ./data</c> (review 16, item 3). A serve of its own also gives the
/// tests of <see cref="ServeLimitsTests"/> a process whose memory and standard error no other test touches.
/// </summary>
public sealed class RelativeDataServer : PortalServer
{
    /// <inheritdoc/>
    protected override string DataArgument => Path.GetFileName(Data);

    /// <inheritdoc/>
    protected override string? ServeDirectory => Path.GetDirectoryName(Data);
}
