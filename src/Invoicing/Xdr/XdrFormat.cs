namespace Centrex.Invoicing.Xdr;

/// <summary>The file formats of <c>centrex report xdr</c>.</summary>
public enum XdrFormat
{
    /// <summary>The xDR CSV contract (README, "xDR CSV"); the summary goes to the command's output.</summary>
    Csv,

    /// <summary>A workbook: a "Calls" sheet with typed cells and a frozen header, and a "Summary" sheet.</summary>
    Xlsx,

    /// <summary>A printable report: a summary page, then the calls.</summary>
    Pdf,
}
