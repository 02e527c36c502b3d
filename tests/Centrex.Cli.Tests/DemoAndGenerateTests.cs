using System.Diagnostics;
using System.Security.Cryptography;

namespace Centrex.Cli.Tests;

public sealed class DemoAndGenerateTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Demo_GeneratesRatesAndPointsAtItsOutputs()
    {
        var run = CliRun.Invoke("demo", "--data", _folder.Path, "--rows", "20000");
        Assert.Equal(0, run.ExitCode);
        var demo = Path.Combine(_folder.Path, "demo");
        foreach (var file in new[] { "tariff.csv", "cdrs.csv", "rated.csv", "rejects.csv" })
        {
            Assert.Contains(Path.Combine(demo, file), run.Out, StringComparison.Ordinal);
        }

        Assert.Equal(20_000, run.SummaryCount("rows read"));
        Assert.Equal(run.SummaryCount("rows read"), run.SummaryCount("rated") + run.SummaryCount("rejected"));
        foreach (var reason in new[] { "malformed", "duplicate", "no-rate" })
        {
            Assert.True(run.SummaryCount(reason) > 0, $"the demo data exercises '{reason}'");
        }

        var rated = File.ReadLines(Path.Combine(demo, "rated.csv")).Skip(1).Select(l => l.Split(',')).Where(f => f.Length == 8).ToList();
        foreach (var cls in new[] { "domestic", "nanp-international", "toll-free", "international" })
        {
            Assert.Contains(rated, f => f[5] == cls);
        }

        // Seed 001: "All calls placed to toll free numbers are billed at the rates listed" (issue 17, rule 4).
        Assert.Contains(rated, f => f[5] == "toll-free" && f[7] != "0.000");
        Assert.DoesNotContain(rated, f => f[5] == "toll-free" && f[6] != "0" && f[7] == "0.000");

        Assert.True(File.ReadLines(Path.Combine(demo, "tariff.csv")).Count() > 3_000);

        // Issue 17, done means: "the demo's invoices show the free-minute credit on the following month, an adjustment
        // line, a setup fee and an emailed copy in the local SMTP server's mailbox".
        var october = Path.Combine(_folder.Path, "invoices", "2026-10");
        var november = Path.Combine(_folder.Path, "invoices", "2026-11");
        Assert.Contains(File.ReadLines(Path.Combine(october, "000005-CUST-QC.csv")), l => l.Contains(",fee,ACC-1001,Local phone number (+15145550142): setup fee,", StringComparison.Ordinal));
        Assert.DoesNotContain(File.ReadLines(Path.Combine(october, "000005-CUST-QC.csv")), l => l.Contains(",free-minutes-credit,", StringComparison.Ordinal));
        Assert.Contains(File.ReadLines(Path.Combine(november, "000011-CUST-QC.csv")), l => l.Contains(",free-minutes-credit,ACC-1001,\"Free North America minutes, 2026-10 calls: 300 of 300 used\"", StringComparison.Ordinal));
        Assert.Contains(File.ReadLines(Path.Combine(november, "000012-CUST-US.csv")), l => l.Contains(",adjustment,ACC-1006,\"Adjustment of invoice 000006: Business Basic, 2026-11", StringComparison.Ordinal));
        var mailbox = Path.Combine(demo, "mailbox");
        Assert.Equal(12, Directory.GetFiles(mailbox, "*.eml").Length);
        Assert.Contains(mailbox, run.Out, StringComparison.Ordinal);
        var mail = MimeKit.MimeMessage.Load(Directory.GetFiles(mailbox, "*comptes@boulangerie-tremblay.example.eml").Order(StringComparer.Ordinal).Last());
        Assert.Equal("Invoice 000011 from Centrex Communications Inc.: 2026-11", mail.Subject);
        Assert.Equal(["000011-CUST-QC.pdf", "000011-CUST-QC.xdr.csv"], mail.Attachments.OfType<MimeKit.MimePart>().Select(a => a.FileName));

        // The customers' phones are on the switch, through the provisioning store (issue 16: the demo's portal has
        // something on its IP Centrex pages), and the bakery's are printed for a softphone: realm, user, password.
        var export = await CentrexProcess.RunAsync(null, "provision", "export", "--data", _folder.Path);
        Assert.Equal(0, export.ExitCode);
        var store = System.Text.Json.JsonDocument.Parse(export.Out).RootElement;
        var phones = store.GetProperty("accounts").EnumerateArray().Where(a => a.TryGetProperty("sip", out _)).ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("extension").GetString());
        Assert.Equal(8, phones.Count);
        Assert.Equal(("101", "111", "121"), (phones["ACC-1001"], phones["ACC-1101"], phones["ACC-1201"]));
        Assert.Equal(["+15145550142"], store.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "ACC-1001").GetProperty("dids").EnumerateArray().Select(d => "+" + d.GetString()!.TrimStart('+')));
        var group = store.GetProperty("hunt_groups").EnumerateArray().Single();
        Assert.Equal(("CUST-QC", "300", 3), (group.GetProperty("customer").GetString(), group.GetProperty("number").GetString(), group.GetProperty("members").GetArrayLength()));
        var bakery = store.GetProperty("customers").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "CUST-QC");
        Assert.Equal("101", bakery.GetProperty("abbreviated_dialing").GetProperty("0").GetString());
        Assert.Equal(8, store.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "Atelier").GetProperty("max_calls").GetInt32());
        Assert.DoesNotContain("password", export.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("realm centrex", run.Out, StringComparison.Ordinal);
        var qc101 = System.Text.RegularExpressions.Regex.Match(run.Out, @"^  qc101\s+([A-Za-z0-9]{16})  extension 101, line ACC-1001$", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(qc101.Success, run.Out);
        var sip = store.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "ACC-1001").GetProperty("sip");
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(System.Text.Encoding.UTF8.GetBytes("qc101:centrex:" + qc101.Groups[1].Value))), sip.GetProperty("ha1_md5").GetString());

        // Make a Payment works on the demo's data: the test gateway is chosen (autopay configure's file).
        Assert.Contains("\"test\"", File.ReadAllText(Path.Combine(_folder.Path, "payments.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_SameSeed_GivesTheSameFiles()
    {
        string Hash(string dir, string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, file))));
        var a = Path.Combine(_folder.Path, "a");
        var b = Path.Combine(_folder.Path, "b");
        Assert.Equal(0, CliRun.Invoke("generate", "--out", a, "--rows", "3000", "--seed", "5").ExitCode);
        Assert.Equal(0, CliRun.Invoke("generate", "--out", b, "--rows", "3000", "--seed", "5").ExitCode);
        Assert.Equal(Hash(a, "cdrs.csv"), Hash(b, "cdrs.csv"));
        Assert.Equal(Hash(a, "tariff.csv"), Hash(b, "tariff.csv"));
        Assert.Equal(3_001, File.ReadLines(Path.Combine(a, "cdrs.csv")).Count());
    }

    [Fact]
    public void Generate_BadMonth_ExitsTwo() =>
        Assert.Equal(2, CliRun.Invoke("generate", "--out", _folder.Path, "--month", "2026-13").ExitCode);

    [Fact]
    public void Binary_RunAsAProcess_ReturnsTheDocumentedExitCodes()
    {
        // The built centrex.dll next to this test assembly, run as a real child process.
        var dll = Path.Combine(AppContext.BaseDirectory, "centrex.dll");
        Assert.True(File.Exists(dll), dll);
        Assert.Equal(2, RunProcess(dll, "rate", "--tariff", "missing.csv").ExitCode);

        Assert.Equal(0, RunProcess(dll, "generate", "--out", _folder.Path, "--rows", "500").ExitCode);
        var result = RunProcess(dll, "rate", "--tariff", _folder.File("tariff.csv"), "--cdrs", _folder.File("cdrs.csv"),
            "--out", _folder.File("rated.csv"), "--rejects", _folder.File("rejects.csv"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("rows read", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    private static (int ExitCode, string Out, string Error) RunProcess(string dll, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "centrex finished within a minute");
        return (process.ExitCode, output.Result, error.Result);
    }
}
