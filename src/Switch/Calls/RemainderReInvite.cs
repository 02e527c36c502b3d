namespace Centrex.Switch.Calls;

/// <summary>
/// The re-INVITE a completed transfer sends the party that stays (the transferee): the target's SDP as the offer, so
/// its media goes to the target from now on. Its 2xx is acknowledged by the switch (and again for a retransmission).
/// </summary>
/// <param name="Call">The call after the transfer.</param>
/// <param name="ToCaller">Whether the party is on the call's A side.</param>
/// <param name="CSeq">The re-INVITE's CSeq number (its ACK carries the same).</param>
internal sealed record RemainderReInvite(Call Call, bool ToCaller, int CSeq)
{
    /// <summary>The ACK sent for its 2xx.</summary>
    public byte[]? Ack { get; set; }
}
