using System.Diagnostics.CodeAnalysis;

namespace Centrex.Switch.Transactions;

/// <summary>
/// Ordinal equality of client transaction keys, and of a key to one read from a response
/// (<see cref="ClientTransactionKeyText"/>), with the same hash for both: the string hash of the branch (randomized per
/// process, so a peer cannot choose branches that collide) combined with the method.
/// </summary>
internal sealed class ClientTransactionKeyComparer : IEqualityComparer<ClientTransactionKey>, IAlternateEqualityComparer<ClientTransactionKeyText, ClientTransactionKey>
{
    public static ClientTransactionKeyComparer Instance { get; } = new();

    public bool Equals(ClientTransactionKey x, ClientTransactionKey y) => x.Method == y.Method && string.Equals(x.Branch, y.Branch, StringComparison.Ordinal);

    public int GetHashCode([DisallowNull] ClientTransactionKey key) => Hash(key.Branch, key.Method);

    public bool Equals(ClientTransactionKeyText alternate, ClientTransactionKey other) =>
        alternate.Method == other.Method && alternate.Branch.SequenceEqual(other.Branch);

    public int GetHashCode(ClientTransactionKeyText alternate) => Hash(alternate.Branch, alternate.Method);

    public ClientTransactionKey Create(ClientTransactionKeyText alternate) => new(new string(alternate.Branch), alternate.Method);

    private static int Hash(ReadOnlySpan<char> branch, Sip.SipMethod method) => HashCode.Combine(string.GetHashCode(branch, StringComparison.Ordinal), method);
}
