namespace Centrex.Switch.Calls;

/// <summary>The re-INVITE that points a parked party at the phone that took it from its slot (its 2xx answers that phone).</summary>
/// <param name="Call">The retrieving phone's call, whose B side is now the parked party.</param>
/// <param name="CSeq">The re-INVITE's CSeq number.</param>
internal sealed record ParkRetrieval(Call Call, int CSeq)
{
    public byte[]? Ack { get; set; }
}
