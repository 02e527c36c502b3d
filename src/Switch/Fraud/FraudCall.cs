namespace Centrex.Switch.Fraud;

/// <summary>A checked call up: its account's state, whether it takes an international slot, what it holds, and its tariff row (-1: unpriced).</summary>
internal sealed record FraudCall(AccountFraudState State, bool International, long Held, int TariffRow);
