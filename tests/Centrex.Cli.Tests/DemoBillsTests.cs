using Centrex.Invoicing.Tests.Support;

namespace Centrex.Cli.Tests;

public sealed class DemoBillsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Demo_BillsItsMonth_PointsAtThePdfs_AndARerunSaysItIsDone()
    {
        var run = CliRun.Invoke("demo", "--data", _folder.Path, "--rows", "4000");
        Assert.Equal(0, run.ExitCode);
        var invoices = Path.Combine(_folder.Path, "invoices", "2026-10");
        Assert.Contains($"invoices: {invoices}", run.Out, StringComparison.Ordinal);
        var pdfs = Directory.GetFiles(invoices, "*.pdf");
        Assert.Equal(6, pdfs.Length);
        foreach (var pdf in pdfs)
        {
            Assert.Contains(pdf, run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("Amount due", Pdf.ToText(pdfs[0]), StringComparison.Ordinal);
        Assert.Contains("centrex bill: 2026-10 billed", run.Error, StringComparison.Ordinal);

        var again = CliRun.Invoke("demo", "--data", _folder.Path, "--rows", "4000");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already rated and billed", again.Error, StringComparison.Ordinal);
        Assert.Contains("nothing changed", again.Error, StringComparison.Ordinal);
        Assert.Equal(6, Directory.GetFiles(invoices, "*.pdf").Length);
    }
}
