namespace Centrex.Invoicing.Store;

/// <summary>Where an invoice's files are (for the portal's downloads).</summary>
public sealed partial class BillingStore
{
    /// <summary>
    /// The PDF and CSV files of invoice <paramref name="number"/>, relative to the data directory
    /// (<c>invoices/YYYY-MM/000042-CUST.pdf</c>: a reissue is rendered into its voided invoice's month), or null when
    /// there is no such invoice.
    /// </summary>
    public (string Pdf, string Csv)? InvoiceFiles(long number) => Query(
        "SELECT period, pdf_file, csv_file FROM invoices WHERE number = $n",
        r => (Path.Combine("invoices", r.GetString(0), r.GetString(1)), Path.Combine("invoices", r.GetString(0), r.GetString(2))),
        ("$n", number)) is [var files] ? files : null;
}
