using System.Globalization;
using System.Text;
using Centrex.Invoicing.Invoices;
using Centrex.Invoicing.Xdr;
using Centrex.Provisioning.Model;
using Centrex.Rating.Csv;
using Centrex.Rating.Numbering;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Invoicing.Rendering;

/// <summary>
/// The xDR statistics that go with an invoice, by the customer's Send Statistic (seed 004, General: "Full Statistics –
/// Send a CSV file with a complete list of xDRs. Summary Only – Do not send a full list of xDRs, only a brief summary.
/// Do Not Send – This option prevents the delivery of event statistics"): <c>full</c> writes <c>STEM.xdr.csv</c> (the
/// period's calls in the xDR CSV format), <c>summary</c> writes <c>STEM.summary.csv</c> (calls, minutes and money by class
/// and destination, then the total), <c>none</c> writes nothing. The file is emailed with the invoice.
/// </summary>
public static class StatisticsFile
{
    /// <summary>Columns of the summary file (a contract).</summary>
    public const string SummaryHeader = "invoice,customer,period,class,destination,calls,billed_seconds,charge,discount,net";

    /// <summary>The file name the statistics of <paramref name="invoice"/> take, or null when none are sent.</summary>
    public static string? NameFor(Invoice invoice, string stem)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return invoice.Customer.SendStatistic switch
        {
            SendStatistic.Full => stem + ".xdr.csv",
            SendStatistic.Summary => stem + ".summary.csv",
            _ => null,
        };
    }

    /// <summary>Writes the statistics file of <paramref name="invoice"/> into <paramref name="folder"/>; returns its name, or null for <c>none</c>.</summary>
    public static string? Write(Invoice invoice, string folder, string stem)
    {
        var name = NameFor(invoice, stem);
        if (name is null)
        {
            return null;
        }

        using var stream = new FileStream(Path.Combine(folder, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        if (invoice.Customer.SendStatistic == SendStatistic.Full)
        {
            using var xdr = new XdrCsvWriter(stream, DateTimeZoneProviders.Tzdb[invoice.Customer.TimeZone]);
            foreach (var call in invoice.Calls)
            {
                xdr.Write(call);
            }

            return name;
        }

        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        writer.WriteLine(SummaryHeader);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{PdfInvoiceRenderer.InvoiceNumber(invoice.Number)},{CsvText.Escape(invoice.Customer.Id)},{YearMonthPattern.Iso.Format(invoice.Period)},");
        foreach (var u in invoice.Usage)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}{u.Class.ToWireName()},{CsvText.Escape(u.Destination)},{u.Calls},{u.BilledSeconds},{u.Charge},{u.Discount},{u.Charge - u.Discount}"));
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}total,,{invoice.Usage.Sum(u => u.Calls)},{invoice.Usage.Sum(u => u.BilledSeconds)},{invoice.UsageCharges},{invoice.VolumeDiscounts},{invoice.UsageCharges - invoice.VolumeDiscounts}"));
        return name;
    }
}
