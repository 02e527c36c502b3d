using Centrex.Switch.Transactions;

namespace Centrex.Switch.Calls;

/// <summary>
/// A request one party sent inside its dialog that the B2BUA passes to the other party in the other dialog (a
/// re-INVITE or UPDATE: hold, resume, codec change, session refresh; a PRACK for a reliable provisional), with the
/// transaction it came on, so the other party's answer goes back on it.
/// </summary>
/// <param name="Call">The call.</param>
/// <param name="Origin">The transaction the request came on.</param>
/// <param name="FromCaller">Whether it came from the caller (then it goes to the callee), or the other way.</param>
internal sealed record RelayedRequest(Call Call, ServerTransaction Origin, bool FromCaller)
{
    /// <summary>The ACK sent for the other party's 2xx to a relayed re-INVITE (sent again for each retransmitted 2xx).</summary>
    public byte[]? Ack { get; set; }

    /// <summary>The request carried no SDP (a late offer): its ACK carries the answer, so the other party's ACK waits for it.</summary>
    public bool LateOffer { get; init; }
}
