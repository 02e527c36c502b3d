using System.Net;
using Centrex.Invoicing.Tests.Support;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The Reports page's PDF (seed 004, Reports: "xDR in CSV, PDF and XLSX for any period") arrives whole over HTTP: the
/// download is a PDF that <c>pdftotext</c> reads back, with the customer and its calls. The PDF library writes its
/// cross-reference table by seeking, which a response body cannot do: the download used to stop after the header.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class XdrPdfDownloadTests(PortalServer server) : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "centrex-xdr-" + Guid.NewGuid().ToString("N")[..10] + ".pdf");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task TheXdrPdf_DownloadsWhole_AndReadsBack()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        await Sessions.WaitForCalls(qc);

        using var response = await qc.Http.GetAsync("/api/v1/me/reports/xdr?from=2026-10-01&to=2026-10-31&format=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("xdr-CUST-QC-2026-10-01-2026-10-31.pdf", response.Content.Headers.ContentDisposition?.FileName);
        await File.WriteAllBytesAsync(_file, await response.Content.ReadAsByteArrayAsync());

        var text = Pdf.ToText(_file);
        Assert.Contains("CUST-QC", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of", text, StringComparison.Ordinal);
    }
}
