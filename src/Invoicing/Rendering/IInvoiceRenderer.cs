using Centrex.Invoicing.Invoices;

namespace Centrex.Invoicing.Rendering;

/// <summary>Turns an invoice into a file. Implementations are thread-safe: the billing run renders invoices in parallel.</summary>
public interface IInvoiceRenderer
{
    /// <summary>File extension, without the dot.</summary>
    string Extension { get; }

    /// <summary>Writes <paramref name="invoice"/> to <paramref name="output"/>.</summary>
    void Render(Invoice invoice, Stream output);
}
