namespace Centrex.Cli.Tests;

/// <summary>
/// <c>centrex apikey create</c> meets the same limits as the portal (issue 16, secure by default): at most 100 working
/// keys without a customer (the operator's scripts, switches, scrapers) and 20 per customer, revoked keys not counted,
/// and a label of at most 60 characters. A refusal exits 2 with the reason and leaves no key behind.
/// </summary>
public sealed class ApiKeyLimitCommandTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void KeysWithoutACustomer_StopAt100_UntilOneIsRevoked()
    {
        string? first = null;
        for (var i = 0; i < 100; i++)
        {
            var made = CliRun.Invoke("apikey", "create", "--data", _data.Path, "--scope", "balances:read", "--name", $"scraper {i}");
            Assert.True(made.ExitCode == 0, made.Error);
            first ??= made.Out.Trim().Split('_')[1];
        }

        var refused = CliRun.Invoke("apikey", "create", "--data", _data.Path, "--scope", "balances:read", "--name", "one too many");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("there are already 100 working keys without a customer, the most allowed", refused.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, refused.Out);
        Assert.DoesNotContain("one too many", CliRun.Invoke("apikey", "list", "--data", _data.Path).Out, StringComparison.Ordinal);

        Assert.Equal(0, CliRun.Invoke("apikey", "revoke", "--data", _data.Path, first!).ExitCode);
        Assert.Equal(0, CliRun.Invoke("apikey", "create", "--data", _data.Path, "--scope", "balances:read", "--name", "rotated").ExitCode);
        Assert.Equal(2, CliRun.Invoke("apikey", "create", "--data", _data.Path, "--scope", "balances:read").ExitCode);
    }

    [Fact]
    public void ALoopOfCreateAndRevoke_KeepsTheLatest100RevokedKeys_NotEveryOne()
    {
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", _data.Path, SampleProvisioning.Path).ExitCode);
        for (var i = 0; i < 130; i++)
        {
            var made = CliRun.Invoke("apikey", "create", "--data", _data.Path, "--customer", "CUST-QC", "--scope", "me:read", "--name", $"churn {i}");
            Assert.True(made.ExitCode == 0, made.Error);
            Assert.Equal(0, CliRun.Invoke("apikey", "revoke", "--data", _data.Path, made.Out.Trim().Split('_')[1]).ExitCode);
        }

        // The 130th key was made after 129 were revoked: the latest 100 of them are kept, the first 29 are gone.
        var list = CliRun.Invoke("apikey", "list", "--data", _data.Path).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(101, list.Count);
        Assert.DoesNotContain(list, l => l.EndsWith(" churn 28", StringComparison.Ordinal));
        Assert.Contains(list, l => l.EndsWith(" churn 29", StringComparison.Ordinal));
        Assert.Contains(list, l => l.EndsWith(" churn 129", StringComparison.Ordinal));
    }

    [Fact]
    public void ACustomersKeys_StopAt20_AndALabelIsAtMost60Characters()
    {
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", _data.Path, SampleProvisioning.Path).ExitCode);
        for (var i = 0; i < 20; i++)
        {
            var made = CliRun.Invoke("apikey", "create", "--data", _data.Path, "--customer", "CUST-QC", "--scope", "me:read");
            Assert.True(made.ExitCode == 0, made.Error);
        }

        var refused = CliRun.Invoke("apikey", "create", "--data", _data.Path, "--customer", "CUST-QC", "--scope", "me:read");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("customer CUST-QC already holds 20 working API keys", refused.Error, StringComparison.Ordinal);

        // Each customer has its own limit; the keys without a customer are counted apart.
        Assert.Equal(0, CliRun.Invoke("apikey", "create", "--data", _data.Path, "--customer", "CUST-ON", "--scope", "me:read").ExitCode);
        Assert.Equal(0, CliRun.Invoke("apikey", "create", "--data", _data.Path, "--scope", "balances:read").ExitCode);

        var longName = CliRun.Invoke("apikey", "create", "--data", _data.Path, "--scope", "balances:read", "--name", new string('n', 61));
        Assert.Equal(2, longName.ExitCode);
        Assert.Contains("--name is at most 60 characters", longName.Error, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Invoke("apikey", "create", "--data", _data.Path, "--scope", "balances:read", "--name", new string('n', 60)).ExitCode);
    }
}
