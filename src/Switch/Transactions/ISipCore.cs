using Centrex.Switch.Sip;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Transactions;

/// <summary>The transaction user (RFC 3261 §5): what the transaction layer hands requests and dialog-level events to.</summary>
internal interface ISipCore
{
    /// <summary>
    /// A new request (not ACK, not CANCEL) that passed the §8.2 checks, before it gets a server transaction. False:
    /// the core answered it statelessly (<see cref="SipStack.RespondStatelessly"/>, e.g. a digest challenge) or dropped
    /// it, and no transaction is made. True: a transaction is made with <paramref name="userState"/> as its
    /// <see cref="ServerTransaction.UserState"/> and passed to <see cref="OnRequest"/>.
    /// </summary>
    bool TryAdmit(SipMessage request, SipSource source, out object? userState);

    /// <summary>A new request (not ACK, not CANCEL) that passed the §8.2 checks and was admitted. Answer through the transaction.</summary>
    void OnRequest(ServerTransaction transaction);

    /// <summary>A CANCEL matched this INVITE (§9.2); the CANCEL itself has been answered 200.</summary>
    void OnCancel(ServerTransaction invite);

    /// <summary>An ACK outside any transaction: the ACK for a 2xx, handled by the dialog (§13.3.1.4, §17.1.1.3).</summary>
    void OnAck(SipMessage ack, SipSource source);

    /// <summary>A 2xx to an INVITE after its client transaction ended (a retransmission to re-ACK, §13.2.2.4).</summary>
    void OnStrayResponse(SipMessage response, SipSource source);

    /// <summary>An INVITE server transaction ended without the ACK for its final response (Timer H, §17.2.1).</summary>
    void OnAckTimeout(ServerTransaction invite);
}
