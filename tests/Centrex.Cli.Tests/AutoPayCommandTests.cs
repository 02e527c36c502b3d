namespace Centrex.Cli.Tests;

/// <summary>Issue 17: <c>centrex autopay</c> and auto-pay inside <c>bill</c>, with the test gateway.</summary>
public sealed class AutoPayCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Data => _folder.File("data");

    [Fact]
    public void Bill_WithAGateway_ChargesAutoPayInvoices_ARunWithoutOneChargesNothing()
    {
        var provisioning = File.ReadAllText(SampleProvisioning.Path).Replace(
            "\"tax_id\": \"QST 1234567890 TQ0001\", \"send_statistic\": \"full\" }",
            "\"tax_id\": \"QST 1234567890 TQ0001\", \"send_statistic\": \"full\", \"auto_pay\": { \"card_token\": \"tok_visa\", \"card_label\": \"VISA ****4242\", \"pay_invoices\": true } }",
            StringComparison.Ordinal);
        var file = _folder.File("p.json");
        File.WriteAllText(file, provisioning);
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", Data, file).ExitCode);

        var none = CliRun.Invoke("autopay", "run", "--data", Data);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("no payment gateway is configured", none.Error, StringComparison.Ordinal);

        Assert.Equal(0, CliRun.Invoke("autopay", "configure", "--data", Data, "--gateway", "test").ExitCode);
        var bill = CliRun.Invoke("bill", "--data", Data, "--period", "2026-10");
        Assert.Equal(0, bill.ExitCode);
        Assert.Matches(@"auto-pay\s+1 charged, 0 declined\n\s+auto-pay charged\s+[\d,.]+ CAD\n", bill.Error);
        Assert.Contains("AP-000005", CliRun.Invoke("provision", "export", "--data", Data).Out, StringComparison.Ordinal); // CUST-QC's invoice
        Assert.Matches(@"000005\s+CUST-QC.*Paid", CliRun.Invoke("invoice", "list", "--data", Data, "--as-of", "2026-11-10").Out);
        Assert.Matches(@"auto-pay\s+0 charged", CliRun.Invoke("autopay", "run", "--data", Data).Error);
    }
}
