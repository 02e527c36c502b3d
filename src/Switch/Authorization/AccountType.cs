namespace Centrex.Switch.Authorization;

/// <summary>How an account pays (seed 004, Phone Lines page: "Debit" is usually associated with prepaid cards; "Credit"
/// is a phone line that will be invoiced for costs incurred).</summary>
public enum AccountType : byte
{
    /// <summary>Prepaid: calls may spend the balance down to zero, no further.</summary>
    Debit = 1,

    /// <summary>Postpaid: calls may spend the balance down to minus the credit limit.</summary>
    Credit = 2,
}
