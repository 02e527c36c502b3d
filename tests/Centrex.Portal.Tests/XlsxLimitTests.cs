using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Centrex.Portal.Features.Customer.Reports;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The XLSX report's limit at its own boundary (issue 16, Reports: "xDR in CSV, PDF and XLSX for any period"): a
/// spreadsheet's sheet has 1,048,576 rows (ECMA-376 Part 1, §18.3.1.73: a row's index <c>r</c> is at most 1,048,576;
/// Excel and LibreOffice cut a longer sheet short), the first of them the header, so an XLSX holds 1,048,575 calls and
/// one more is refused on the format with a message saying so. The decision is tested directly at the boundary (a
/// million calls rated for a test would take minutes on a loaded machine, and serve has no switch to lower the limit);
/// the real serve shows that what it counts against the limit is the sheet's data rows: an XLSX download under the
/// limit has exactly the header and one row per call of its CSV.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class XlsxLimitTests(PortalServer server)
{
    /// <summary>Rows in a sheet (ECMA-376 Part 1, §18.3.1.73), written here rather than taken from the code under test.</summary>
    private const int SheetRows = 1_048_576;

    [Fact]
    public void AnXlsx_OfTheSheetsLastRow_IsTaken_AndOneCallMoreIsRefusedNamingBothCounts()
    {
        Assert.Equal(SheetRows - 1, XdrDownload.MaxXlsxCalls); // the header takes the first row
        Assert.Null(XdrDownload.SizeRefusal("xlsx", SheetRows - 1));
        Assert.Equal(
            "an XLSX sheet holds at most 1,048,575 calls (the spreadsheet's row limit) and these days have 1,048,576: choose CSV (any size), or fewer days",
            XdrDownload.SizeRefusal("xlsx", SheetRows));

        // The other formats keep their own limits: a PDF's is far lower, a CSV has none.
        Assert.Null(XdrDownload.SizeRefusal("pdf", XdrDownload.MaxPdfCalls));
        Assert.StartsWith("a PDF holds at most 5,000 calls and these days have 5,001", XdrDownload.SizeRefusal("pdf", XdrDownload.MaxPdfCalls + 1), StringComparison.Ordinal);
        Assert.Null(XdrDownload.SizeRefusal("csv", long.MaxValue));
    }

    [Fact]
    public async Task AnXlsxUnderTheLimit_ComesThroughServe_WithAHeaderAndOneRowPerCallItCounted()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        await Sessions.WaitForCalls(qc);
        const string Period = "from=2026-10-01&to=2026-10-31";

        var csv = await qc.Http.GetStringAsync($"/api/v1/me/reports/xdr?{Period}&format=csv");
        var calls = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Assert.True(calls > 0, "the demo's October has calls for CUST-QC");

        using var response = await qc.Http.GetAsync($"/api/v1/me/reports/xdr?{Period}&format=xlsx");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(body));
        using var zip = new ZipArchive(new MemoryStream(body));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var rows = Row().Count(await sheet.ReadToEndAsync());

        // The header and one row per call (rows without an index follow one another, §18.3.1.73): what the limit counts
        // is what fills the sheet.
        Assert.Equal(calls + 1, rows);
        Assert.Null(XdrDownload.SizeRefusal("xlsx", calls));
    }

    [GeneratedRegex("<row[ >]")]
    private static partial Regex Row();
}
