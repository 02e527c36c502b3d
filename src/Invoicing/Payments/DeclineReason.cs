namespace Centrex.Invoicing.Payments;

/// <summary>
/// Why a card payment was declined: provider FAQ, "Why would my credit card be declined?": "incorrect credit card number,
/// incorrect expiration date, incorrect card holder name, incorrect security code, insufficient funds, declined by the
/// credit card company, and because of address verification failure".
/// </summary>
public enum DeclineReason
{
    /// <summary>Incorrect credit card number.</summary>
    IncorrectCardNumber,

    /// <summary>Incorrect expiration date.</summary>
    IncorrectExpirationDate,

    /// <summary>Incorrect card holder name.</summary>
    IncorrectCardholderName,

    /// <summary>Incorrect security code.</summary>
    IncorrectSecurityCode,

    /// <summary>Insufficient funds.</summary>
    InsufficientFunds,

    /// <summary>Declined by the credit card company.</summary>
    DeclinedByIssuer,

    /// <summary>Address verification failure.</summary>
    AddressVerificationFailed,
}
