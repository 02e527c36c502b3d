namespace Centrex.Provisioning.Model;

/// <summary>How a phone line pays. Persisted by name (<c>credit</c>, <c>debit</c>).</summary>
public enum AccountType
{
    /// <summary>Postpaid: usage accrues up to the credit limit and is invoiced.</summary>
    Credit,

    /// <summary>Prepaid: usage is taken from the balance; invoices are statements.</summary>
    Debit,
}
