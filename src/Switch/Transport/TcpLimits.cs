namespace Centrex.Switch.Transport;

/// <summary>
/// What SIP over TCP may take from the switch (issue 13, item 3: twenty thousand idle connections exhausted serve's
/// descriptors and it died). Connections past <see cref="MaxConnections"/> in total or <see cref="MaxPerAddress"/> from
/// one IP address are closed as soon as they are accepted; a connection that sends no message within
/// <see cref="FirstMessageTimeout"/>, none for <see cref="IdleTimeout"/> after that, or takes longer than
/// <see cref="PartialMessageTimeout"/> to complete a message it started (a slow sender holding its buffer) is closed.
/// CRLF keepalives (RFC 5626 §3.5.1) count as activity. UDP is not affected by any of this. SIP over TLS is bound by
/// the same limits, counted together with TCP (both hold a descriptor), and a TLS connection whose handshake is not
/// done within <see cref="HandshakeTimeout"/> is closed (a client that opens connections and never finishes the
/// handshake would otherwise hold them until the first-message timeout, and its half-done handshakes cost CPU).
/// </summary>
/// <param name="MaxConnections">Open TCP connections in total (accepted and opened by the switch).</param>
/// <param name="MaxPerAddress">Accepted connections from one IP address (a NAT hides an office behind one).</param>
/// <param name="FirstMessageTimeout">How long a new connection may stay silent.</param>
/// <param name="IdleTimeout">How long an established connection may stay silent (phones on TCP send keepalives).</param>
/// <param name="PartialMessageTimeout">How long one message may take to arrive once its first byte has.</param>
/// <param name="HandshakeTimeout">How long the TLS handshake of an accepted connection may take.</param>
public sealed record TcpLimits(
    int MaxConnections = 4_096,
    int MaxPerAddress = 256,
    TimeSpan? FirstMessageTimeout = null,
    TimeSpan? IdleTimeout = null,
    TimeSpan? PartialMessageTimeout = null,
    TimeSpan? HandshakeTimeout = null)
{
    /// <summary>The defaults.</summary>
    public static TcpLimits Default { get; } = new();

    /// <summary>The first-message timeout in effect (default 10 s).</summary>
    public TimeSpan FirstMessage => FirstMessageTimeout ?? TimeSpan.FromSeconds(10);

    /// <summary>The idle timeout in effect (default 300 s).</summary>
    public TimeSpan Idle => IdleTimeout ?? TimeSpan.FromSeconds(300);

    /// <summary>The partial-message timeout in effect (default 10 s).</summary>
    public TimeSpan PartialMessage => PartialMessageTimeout ?? TimeSpan.FromSeconds(10);

    /// <summary>The TLS handshake timeout in effect (default 5 s: a handshake is a few round trips).</summary>
    public TimeSpan Handshake => HandshakeTimeout ?? TimeSpan.FromSeconds(5);
}
