namespace Centrex.Ledger.Journal;

/// <summary>A balance movement that is not a call. Persisted in the journal: values may only ever be added.</summary>
public enum MovementKind : byte
{
    /// <summary>A customer's payment (raises the balance).</summary>
    Payment = 1,

    /// <summary>Prepaid credit bought (raises the balance).</summary>
    TopUp = 2,

    /// <summary>Money given back (lowers the balance).</summary>
    Refund = 3,

    /// <summary>A correction by an operator, either way.</summary>
    Adjustment = 4,
}
