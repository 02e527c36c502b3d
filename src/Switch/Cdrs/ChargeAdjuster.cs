namespace Centrex.Switch.Cdrs;

/// <summary>
/// Adjusts a rated call's journal entry on the ledger's writer thread just before it is charged (volume discounts at
/// rating time: the host applies the provisioned plans, in charging order, so a balance is right in real time).
/// </summary>
/// <param name="entry">The encoded call (RatedCdrCodec), writable.</param>
public delegate void ChargeAdjuster(Span<byte> entry);
