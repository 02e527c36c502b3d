namespace Centrex.Switch.Fraud;

/// <summary>
/// A checked call up: its account's state, whether it takes an international slot, what it holds, and its tariff row
/// (null: unpriced), kept whole because the tariff in force may change while the call is up (issue 16).
/// </summary>
internal sealed record FraudCall(AccountFraudState State, bool International, long Held, Rating.Tariffs.TariffRow? Terms);
