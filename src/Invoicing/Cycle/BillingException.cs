namespace Centrex.Invoicing.Cycle;

/// <summary>A billing request that cannot be carried out as asked (a period not over yet, periods out of order); nothing was changed.</summary>
public sealed class BillingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BillingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public BillingException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public BillingException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
