namespace Centrex.Invoicing.Xdr;

/// <summary>
/// The columns of the XLSX and PDF reports: the xDR CSV's columns (<see cref="XdrCsvFormat.Header"/>), in the same order,
/// with headings a person reads; widths are in Excel character units.
/// </summary>
internal static class XdrColumns
{
    public static readonly (string Heading, double Width)[] All =
    [
        ("Call id", 24), ("Account", 12), ("From", 16), ("To", 16), ("Start", 20), ("Duration (s)", 12), ("Billed (s)", 11),
        ("Class", 18), ("Prefix", 9), ("Destination", 30), ("Charge", 11), ("Discount", 11), ("Net", 11),
    ];
}
