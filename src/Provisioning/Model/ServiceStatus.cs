namespace Centrex.Provisioning.Model;

/// <summary>
/// Whether a customer or an account is in service (issue 16, operator pages: "Customers and accounts (create, edit,
/// suspend)"). Persisted by name (<c>active</c>, <c>suspended</c>). A suspended account, or every account of a suspended
/// customer, neither makes nor receives calls except emergency calls (issue 14: 911 and 933 always go out), and a
/// suspended customer's logins are refused by the portal; nothing is deleted, so resuming is setting it back.
/// </summary>
public enum ServiceStatus
{
    /// <summary>In service.</summary>
    Active,

    /// <summary>Suspended by the operator (unpaid bills, fraud, the customer's request).</summary>
    Suspended,
}
