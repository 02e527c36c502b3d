namespace Centrex.Switch.Tests.Support;

/// <summary>
/// The tests that make a switch answer at 127.0.0.1:5060, and the one that listens there, kept from running at the
/// same time. Torture messages whose Via names a host without a port are answered at the source address, port 5060
/// (RFC 3261 §18.2.2), so a test sending the corpus from loopback would otherwise drop replies into the socket of
/// <c>TortureAgainstTheSwitchTests</c>, which counts every reply it gets.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RepliesToPort5060
{
    public const string Name = "replies to 127.0.0.1:5060";
}
