using System.Net;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Transactions;

/// <summary>Where a partition's messages leave: the send stage, which owns the sockets.</summary>
internal interface ISipSender
{
    /// <summary>The address this switch puts in its Via and Contact headers.</summary>
    IPEndPoint LocalEndpoint { get; }

    /// <summary>
    /// The address for Via and Contact in messages over <paramref name="kind"/>: the TLS listener's for TLS (its own
    /// port, 5061 by convention), <see cref="LocalEndpoint"/> for the rest.
    /// </summary>
    IPEndPoint LocalEndpointFor(SipTransportKind kind);

    /// <summary>
    /// Queues <paramref name="bytes"/> for sending. For a request of a client transaction, <paramref name="transaction"/>
    /// is it: when the bytes cannot be sent, <paramref name="partition"/> hears of it and the transaction ends as on a
    /// timeout (RFC 3261 §8.1.3.1). (It was the transaction's key, a string made per transaction for this alone.)
    /// </summary>
    void Send(SipTransportKind kind, IPEndPoint to, byte[] bytes, SipConnection? connection, ClientTransaction? transaction, int partition);
}
