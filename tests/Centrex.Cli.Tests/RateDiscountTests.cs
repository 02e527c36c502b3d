namespace Centrex.Cli.Tests;

/// <summary>Volume discounts applied by <c>centrex rate --data</c> from the provisioned discount plans.</summary>
public sealed class RateDiscountTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Rate(string data, string gen, string cdrs, string name)
    {
        var run = CliRun.Invoke("rate", "--data", data, "--tariff", Path.Combine(gen, "tariff.csv"), "--cdrs", cdrs,
            "--out", _folder.File(name + ".rated.csv"), "--rejects", _folder.File(name + ".rejects.csv"));
        Assert.Equal(0, run.ExitCode);
        return run.Error;
    }

    [Fact]
    public void Discounts_AreInTheJournalAndBalance_AndCountersCarryOverBetweenRuns()
    {
        var gen = _folder.File("gen");
        Assert.Equal(0, CliRun.Invoke("generate", "--out", gen, "--rows", "8000", "--accounts", "2", "--month", "2026-10", "--bad-per-10000", "0").ExitCode);
        var lines = File.ReadAllLines(Path.Combine(gen, "cdrs.csv"));
        var half = lines.Length / 2;
        var first = _folder.Write("first.csv", string.Join('\n', lines.Take(half)) + "\n");
        var second = _folder.Write("second.csv", string.Join('\n', lines.Take(1).Concat(lines.Skip(half))) + "\n");

        var once = _folder.File("once");
        var twice = _folder.File("twice");
        foreach (var data in new[] { once, twice })
        {
            Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", data, SampleProvisioning.Path).ExitCode);
        }

        var summary = Rate(once, gen, Path.Combine(gen, "cdrs.csv"), "once");
        Assert.Matches(@"volume discounts\s+[1-9][\d.]*", summary);
        Rate(twice, gen, first, "first");
        Rate(twice, gen, second, "second");

        // ACC-1001 has DP-UK (non-combinable, precedence 20) and DP-INTL (minutes tiers): the second run starts from the
        // counters the first left, so two runs give exactly what one run over the whole file gives.
        foreach (var account in new[] { "ACC-1001", "ACC-1002" })
        {
            var a = CliRun.Invoke("balance", "--data", once, "--account", account, "--period", "2026-10").Out;
            var b = CliRun.Invoke("balance", "--data", twice, "--account", account, "--period", "2026-10").Out;
            Assert.Equal(a, b);
            Assert.Matches(@"DiscountMills\s+[1-9]", a);
            Assert.Contains("discount DP-INTL", a, StringComparison.Ordinal);
        }

        Assert.Contains("discount DP-UK", CliRun.Invoke("balance", "--data", once, "--account", "ACC-1001", "--period", "2026-10").Out, StringComparison.Ordinal);

        // The invoice shows the discounts the journal carries.
        Assert.Equal(0, CliRun.Invoke("bill", "--data", once, "--period", "2026-10").ExitCode);
        var invoice = Directory.GetFiles(Path.Combine(once, "invoices", "2026-10"), "*-CUST-QC.csv").Single();
        Assert.Contains(File.ReadLines(invoice), l => l.Split(',')[3] == "volume-discount" && l[(l.LastIndexOf(',') + 1)..].StartsWith('-'));
    }
}
