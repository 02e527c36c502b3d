using NodaTime;

namespace Centrex.Provisioning.Access;

/// <summary>
/// An API key as stored: its public id, a label, its scopes and dates. The secret itself is never stored, only its
/// SHA-256 (<see cref="ApiKeySecret"/>), and never shown again after <c>apikey create</c>.
/// </summary>
/// <param name="Id">The public part of the key (shown by <c>apikey list</c>, given to <c>apikey revoke</c>).</param>
/// <param name="Name">The operator's label for it ("switch-east", "finance-export").</param>
/// <param name="Scopes">What it may do (<see cref="ApiScope"/>).</param>
/// <param name="Created">When it was created.</param>
/// <param name="Revoked">When it was revoked, or null while it works.</param>
/// <param name="CustomerId">
/// The customer a customer key acts for (its <c>/api/v1/me</c> and nothing else; scopes <see cref="ApiScope.MeRead"/>,
/// <see cref="ApiScope.MeWrite"/>), or null for the operator's and machines' keys.
/// </param>
public sealed record ApiKey(string Id, string Name, IReadOnlyList<string> Scopes, Instant Created, Instant? Revoked, string? CustomerId = null)
{
    /// <summary>Whether the key carries <paramref name="scope"/>.</summary>
    public bool Allows(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);
}
