namespace Centrex.Provisioning.Model;

/// <summary>Whether money came in or went back out. Persisted by name: <c>payment</c>, <c>refund</c>.</summary>
public enum PaymentKind
{
    /// <summary>Money received from the customer: lowers the balance owed.</summary>
    Payment,

    /// <summary>Money returned to the customer (provider FAQ: "your balance can be refunded"): raises the balance owed.</summary>
    Refund,
}
