using System.Globalization;
using System.Text;
using Centrex.Invoicing.Invoices;
using Centrex.Rating.Csv;
using NodaTime.Text;

namespace Centrex.Invoicing.Rendering;

/// <summary>
/// The CSV invoice (README, "CSV invoice"): the invoice's lines, machine-readable, with the columns
/// <c>invoice,customer,period,section,account,description,from,to,calls,billed_seconds,amount</c>. Amounts in currency
/// units with three decimals, signed: positive raises what is owed.
/// </summary>
public sealed class CsvInvoiceRenderer : IInvoiceRenderer
{
    /// <summary>The header.</summary>
    public const string Header = "invoice,customer,period,section,account,description,from,to,calls,billed_seconds,amount";

    /// <inheritdoc />
    public string Extension => "csv";

    /// <inheritdoc />
    public void Render(Invoice invoice, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 14, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(Header);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{PdfInvoiceRenderer.InvoiceNumber(invoice.Number)},{CsvText.Escape(invoice.Customer.Id)},{YearMonthPattern.Iso.Format(invoice.Period)},");
        foreach (var line in InvoiceLines.For(invoice))
        {
            writer.Write(prefix);
            writer.Write(line.Section);
            writer.Write(',');
            writer.Write(CsvText.Escape(line.Account ?? string.Empty));
            writer.Write(',');
            writer.Write(CsvText.Escape(line.Description));
            writer.Write(',');
            writer.Write(line.From is { } from ? LocalDatePattern.Iso.Format(from) : string.Empty);
            writer.Write(',');
            writer.Write(line.To is { } to ? LocalDatePattern.Iso.Format(to) : string.Empty);
            writer.Write(',');
            writer.Write(line.Calls?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            writer.Write(',');
            writer.Write(line.BilledSeconds?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            writer.Write(',');
            writer.WriteLine(line.Amount.ToString());
        }
    }
}
