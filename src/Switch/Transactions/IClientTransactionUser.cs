using Centrex.Switch.Sip;

namespace Centrex.Switch.Transactions;

/// <summary>Who learns what happens to a request the switch sent.</summary>
internal interface IClientTransactionUser
{
    /// <summary>A response (provisional or final; for INVITE, every 2xx retransmission too, RFC 6026).</summary>
    void OnResponse(ClientTransaction transaction, SipMessage response);

    /// <summary>No final response in time (Timer B or F) or the transport failed: treat as 408 (§8.1.3.1).</summary>
    void OnTimeout(ClientTransaction transaction);
}
