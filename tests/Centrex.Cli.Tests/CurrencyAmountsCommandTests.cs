using Centrex.Cli.Tests.Support;

namespace Centrex.Cli.Tests;

/// <summary>
/// <c>centrex balance</c> and <c>centrex bill</c> write money as the customer's currency writes it (ISO 4217 minor
/// units) and never hide a mill: a balance in the currency's minor unit with the exact balance beside it, the bill's
/// totals per currency, charges to the mill and the amount due rounded as each invoice rounds it. Both once printed every
/// amount with two decimals whatever the currency (a yen balance of -126.12, a dinar amount due of 1.23 for 1.234), and
/// the bill and autopay summed dollars, yen and dinars into one figure.
/// </summary>
public sealed class CurrencyAmountsCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public CurrencyAmountsCommandTests()
    {
        Data = _folder.File("data");
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", Data, _folder.Write("p.json", ThreeCurrencyFiles.Provisioning)).ExitCode);
        var run = CliRun.Invoke("rate", "--data", Data, "--tariff", _folder.Write("t.csv", ThreeCurrencyFiles.Tariff), "--cdrs", _folder.Write("c.csv", ThreeCurrencyFiles.Cdrs),
            "--out", _folder.File("rated.csv"), "--rejects", _folder.File("rejects.csv"));
        Assert.True(run.ExitCode == 0, run.Error);
    }

    private string Data { get; }

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("A-CA", "balance  -0.12 CAD (exact -0.123)")]
    [InlineData("A-JP", "balance  -126 JPY (exact -126.123)")] // was -126.12: yen have no decimals
    [InlineData("A-KW", "balance  -1.234 KWD (exact -1.234)")] // was -1.23: the fils is the mill
    [InlineData("A-NONE", "balance  0.00 (exact 0.000)")]      // not provisioned: no currency, whole cents
    public void Balance_IsInTheCustomersCurrency_WithTheExactBalanceBeside(string account, string line)
    {
        var run = CliRun.Invoke("balance", "--data", Data, "--account", account);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(line + "\n", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Bill_TotalsEachCurrencyApart_ChargesToTheMill_AmountDueAsTheInvoicesRoundIt()
    {
        var run = CliRun.Invoke("bill", "--data", Data, "--period", "2026-10");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Matches(@"invoiced total\s+126\.123 JPY\n", run.Error);
        Assert.Matches(@"amount due\s+126 JPY\n", run.Error);
        Assert.Matches(@"subtotal\s+1\.234 KWD\n", run.Error);
        Assert.Matches(@"amount due\s+1\.234 KWD\n", run.Error);
        Assert.Matches(@"subtotal\s+0\.123 CAD\n", run.Error);
        // One line of each total per currency, nothing summed across them.
        Assert.Equal(3, run.Error.Split('\n').Count(l => l.TrimStart().StartsWith("amount due ", StringComparison.Ordinal)));
        Assert.DoesNotMatch(@"amount due\s+[0-9.,]+\n", run.Error);
    }

    [Fact]
    public void AutoPay_PrintsTheMoneyChargedPerCurrency_AsEachCardWasCharged()
    {
        Assert.Equal(0, CliRun.Invoke("bill", "--data", Data, "--period", "2026-10").ExitCode); // no gateway yet: nothing charged
        Assert.Equal(0, CliRun.Invoke("autopay", "configure", "--data", Data, "--gateway", "test").ExitCode);

        var run = CliRun.Invoke("autopay", "run", "--data", Data);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Matches(@"auto-pay\s+3 charged, 0 declined\n", run.Error);
        Assert.Matches(@"auto-pay charged\s+0\.14 CAD\n", run.Error);
        Assert.Matches(@"auto-pay charged\s+126 JPY\n", run.Error);   // the amount due, whole yen
        Assert.Matches(@"auto-pay charged\s+1\.234 KWD\n", run.Error);
        Assert.DoesNotContain("127.374", run.Error, StringComparison.Ordinal); // 0.14 + 126 + 1.234: it printed that sum
        Assert.Matches(@"auto-recharge\s+0 charged, 0 declined\n", run.Error);
        Assert.DoesNotContain("auto-recharge charged", run.Error, StringComparison.Ordinal); // no money taken: no currency line
    }
}
