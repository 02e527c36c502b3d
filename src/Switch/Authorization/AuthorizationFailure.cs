namespace Centrex.Switch.Authorization;

/// <summary>Why a call was not authorized.</summary>
public enum AuthorizationFailure : byte
{
    /// <summary>Authorized.</summary>
    None = 0,

    /// <summary>The balance (plus credit limit) cannot pay for the first billing increment: answer 402 Payment Required.</summary>
    InsufficientFunds = 1,

    /// <summary>No tariff prefix prices the number: answer 403 Forbidden.</summary>
    NoRate = 2,

    /// <summary>The number does not normalize to E.164: answer 484 Address Incomplete (RFC 3261 §21.4.22).</summary>
    BadNumber = 3,
}
