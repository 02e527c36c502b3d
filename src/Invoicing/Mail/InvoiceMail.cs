using System.Globalization;
using System.Text;
using Centrex.Invoicing.Invoices;
using Centrex.Invoicing.Rendering;
using NodaTime.Text;

namespace Centrex.Invoicing.Mail;

/// <summary>
/// The email that carries an invoice (seed 001, "How do you send me the invoices?": "Invoices are also automatically
/// emailed"): the PDF attached, and the xDR statistics the customer asked for (<see cref="StatisticsFile"/>).
/// </summary>
public static class InvoiceMail
{
    /// <summary>The message for an issued invoice whose files are <paramref name="attachments"/> (relative to the data directory).</summary>
    public static NewMail For(Invoice invoice, ProviderInfo provider, IReadOnlyList<string> attachments)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(provider);
        var number = PdfInvoiceRenderer.InvoiceNumber(invoice.Number);
        var c = CultureInfo.InvariantCulture;
        var currency = invoice.Customer.Currency;
        var body = new StringBuilder()
            .AppendLine(c, $"Hello {invoice.Customer.Contact},")
            .AppendLine()
            .AppendLine(c, $"Your invoice {number} for {YearMonthPattern.Iso.Format(invoice.Period)} from {provider.Name} is attached.")
            .AppendLine()
            .AppendLine(c, $"  Total this period: {currency} {Amounts.Exact(invoice.Total, currency)}")
            .AppendLine(c, $"  Balance:           {currency} {Amounts.Money(invoice.ClosingBalance, currency)}")
            .AppendLine(invoice.Prepaid
                ? "  Prepaid statement: the charges were paid from your balance."
                : string.Create(c, $"  Amount due:        {currency} {Amounts.Money(invoice.AmountDue, currency)} by {LocalDatePattern.Iso.Format(invoice.DueOn)}"))
            .AppendLine()
            .AppendLine(attachments.Count > 1 ? "The call statistics you asked for are attached as CSV." : "No call statistics are attached (Send Statistic: none).")
            .AppendLine(c, $"Questions: {provider.Contact}");
        return new NewMail("invoice:" + number, invoice.Customer.Id, invoice.Customer.Email,
            $"Invoice {number} from {provider.Name}: {YearMonthPattern.Iso.Format(invoice.Period)}", body.ToString(), attachments);
    }
}
