namespace Centrex.Provisioning.Model;

/// <summary>A SIP gateway to the public network: where customers' outbound calls go and whose inbound calls reach DIDs.</summary>
/// <param name="Id">Unique id; customers name it in <c>trunk</c>.</param>
/// <param name="Address">IP address with an optional port (5060 when left out), as written.</param>
/// <param name="Sources">
/// Addresses (any port) or address:port pairs whose INVITEs come from this trunk and need no digest credentials; empty
/// means the <see cref="Address"/> alone.
/// </param>
public sealed record Trunk(string Id, string Address, IReadOnlyList<string> Sources);
