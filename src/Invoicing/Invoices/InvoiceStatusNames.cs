namespace Centrex.Invoicing.Invoices;

/// <summary>The manual's names of <see cref="InvoiceStatus"/>, as printed.</summary>
public static class InvoiceStatusNames
{
    private static readonly string[] Names = ["Do Not Pay", "Unpaid", "Partially Paid", "Paid", "Overdue", "N/A"];

    /// <summary>The printed name.</summary>
    public static string ToDisplayName(this InvoiceStatus status) => Names[(int)status];
}
