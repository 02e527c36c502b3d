namespace Centrex.Cli.Tests;

public sealed class BalanceCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("2026-13")] // printed the counters of month 13, then crashed with a stack trace
    [InlineData("20261-0")] // was taken as 2026-10
    [InlineData("2026-1")]
    [InlineData("+2026-10")]
    [InlineData("October")]
    [InlineData("1969-12")] // no CDR starts before 1970
    [InlineData("0000-01")]
    public void Balance_BadPeriod_IsAParseErrorNamingTheOption_BeforeAnyOutput(string period)
    {
        // Issue 13.
        var run = CliRun.Invoke("balance", "--data", _folder.Path, "--account", "ACC-1", "--period", period);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"centrex: --period '{period}' is not a month written YYYY-MM", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void Balance_GoodPeriod_ShowsTheCountersOfThatMonth()
    {
        var run = CliRun.Invoke("balance", "--data", _folder.Path, "--account", "ACC-1", "--period", "2026-10");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("balance  0.00 (exact 0.000)", run.Out, StringComparison.Ordinal); // issue 17: whole cents, the exact balance beside
        Assert.Contains("Calls", run.Out, StringComparison.Ordinal);
    }
}
