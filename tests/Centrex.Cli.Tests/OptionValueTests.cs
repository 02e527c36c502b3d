namespace Centrex.Cli.Tests;

/// <summary>
/// Issue 13: every command's value checks are System.CommandLine parsers and validators, so a bad value is the usual
/// parse error: <c>centrex: </c> and a message naming the option, exit 2, no stack trace, nothing run.
/// </summary>
public sealed class OptionValueTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Data => _folder.File("data");

    [Theory]
    [InlineData("centrex: --sip 'localhost:5060' is not address:port", "--sip", "localhost:5060")]
    [InlineData("centrex: --sip '127.0.0.1' is not address:port", "--sip", "127.0.0.1")] // was taken as port 0
    [InlineData("centrex: --http '::1' is not address:port", "--http", "::1")]
    [InlineData("centrex: --http '127.0.0.1:99999' is not address:port", "--http", "127.0.0.1:99999")]
    [InlineData("centrex: --max-batch-bytes '10' is not a byte count from 1024", "--max-batch-bytes", "10")]
    [InlineData("centrex: --max-batch-rows '0' is not a row count from 1 to 419,", "--max-batch-rows", "0")]
    [InlineData("centrex: --max-batch-rows '1000000' is not a row count from 1 to 419,", "--max-batch-rows", "1000000")] // a record past a journal page stopped the ledger
    [InlineData("centrex: --sip-tcp-first-message-timeout '5000000' is not", "--sip-tcp-first-message-timeout", "5000000")] // silently closed every connection
    [InlineData("centrex: --max-http-bytes-in-flight (2048) is less than --max-batch-bytes", "--max-http-bytes-in-flight", "2048")]
    [InlineData("centrex: --checkpoint-entries '0' is not a whole number of entries, 1 or more", "--checkpoint-entries", "0")] // was silently 1
    [InlineData("centrex: --media-address '::' must be an IP address, not a wildcard", "--media-address", "::")]
    [InlineData("centrex: --media-ports '29999-20000' must be MIN-MAX", "--media-ports", "29999-20000")]
    public void Serve_BadValue_IsAParseError(string message, params string[] option)
    {
        var run = CliRun.Invoke(["serve", "--data", Data, .. option]);
        AssertParseError(run, message);
    }

    [Fact]
    public void Serve_GoodValues_PassTheParser_AndReachTheCommand()
    {
        // Not --http: that alone is something to serve (the portal).
        var run = CliRun.Invoke("serve", "--data", Data, "--sip", "[::1]:0", "--media-ports", "30000-30003", "--media-address", "127.0.0.2", "--max-batch-bytes", "1024");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nothing to serve", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("centrex: --rows '-1' is not a whole number 0 or more", "--rows", "-1")]
    [InlineData("centrex: --accounts '0' is not a whole number 1 or more", "--accounts", "0")]
    [InlineData("centrex: --bad-per-10000 '10001' is not a whole number from 0 to 10000", "--bad-per-10000", "10001")]
    [InlineData("centrex: --prefixes '-3' is not a whole number 0 or more", "--prefixes", "-3")]
    [InlineData("centrex: --month '2026-13' is not a month written YYYY-MM", "--month", "2026-13")]
    [InlineData("centrex: --month '20261-0' is not a month written YYYY-MM", "--month", "20261-0")]
    public void Generate_BadValue_IsAParseError(string message, params string[] option)
    {
        var run = CliRun.Invoke(["generate", "--out", _folder.File("gen"), .. option]);
        AssertParseError(run, message);
        Assert.False(Directory.Exists(_folder.File("gen")));
    }

    [Fact]
    public void Generate_OutIsAFile_IsAParseError()
    {
        var file = _folder.Write("a-file", "x");
        AssertParseError(CliRun.Invoke("generate", "--out", file), $"centrex: --out '{file}' is not a folder");
        AssertParseError(CliRun.Invoke("generate", "--out", string.Empty), "centrex: --out '' is not a folder");
    }

    [Fact]
    public void Demo_NegativeRows_IsAParseError() =>
        AssertParseError(CliRun.Invoke("demo", "--data", Data, "--rows", "-5"), "centrex: --rows '-5' is not a whole number of rows, 0 or more");

    [Theory]
    [InlineData("2026-13")]
    [InlineData("20261-0")]
    public void Bill_BadPeriod_IsAParseError(string period) =>
        AssertParseError(CliRun.Invoke("bill", "--data", Data, "--period", period), $"centrex: --period '{period}' is not a month written YYYY-MM");

    [Fact]
    public void InvoiceList_BadAsOf_IsAParseError() =>
        AssertParseError(CliRun.Invoke("invoice", "list", "--data", Data, "--as-of", "2026-02-30"), "centrex: --as-of '2026-02-30' is not a date written YYYY-MM-DD");

    [Theory]
    [InlineData("centrex: --from '2026-10-1' is not a date written YYYY-MM-DD", "--customer", "C", "--from", "2026-10-1", "--to", "2026-10-31")]
    [InlineData("centrex: --to 2026-10-01 is before --from 2026-10-31", "--customer", "C", "--from", "2026-10-31", "--to", "2026-10-01")]
    [InlineData("centrex: give exactly one of --customer ID and --account ID", "--from", "2026-10-01", "--to", "2026-10-31")]
    [InlineData("centrex: give exactly one of --customer ID and --account ID", "--customer", "C", "--account", "A", "--from", "2026-10-01", "--to", "2026-10-31")]
    public void ReportXdr_BadValueOrSelection_IsAParseError(string message, params string[] options) =>
        AssertParseError(CliRun.Invoke(["report", "xdr", "--data", Data, "--out", _folder.File("x.csv"), .. options]), message);

    [Theory]
    [InlineData("centrex: --from 'yesterday' is not YYYY-MM-DD or an RFC 3339 time", "--from", "yesterday")]
    [InlineData("centrex: --to '1969-12-31T00:00:00Z' is not YYYY-MM-DD or an RFC 3339 time", "--to", "1969-12-31T00:00:00Z")] // no CDR starts before 1970
    [InlineData("centrex: --from '1969-12-31' is not YYYY-MM-DD or an RFC 3339 time", "--from", "1969-12-31")]
    [InlineData("centrex: --to must be after --from", "--from", "2026-10-02", "--to", "2026-10-01T23:59:59Z")]
    public void CdrExport_BadValue_IsAParseError(string message, params string[] options) =>
        AssertParseError(CliRun.Invoke(["cdr", "export", "--data", Data, "--out", _folder.File("x.csv"), .. options]), message);

    private void AssertParseError(CliRun run, string message)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
        Assert.False(Directory.Exists(Data)); // nothing was opened
    }
}
