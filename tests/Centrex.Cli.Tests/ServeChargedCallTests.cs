namespace Centrex.Cli.Tests;

/// <summary>
/// The whole path in the real process: <c>provision import</c> puts a credit line with a 0.100 limit in the store,
/// <c>serve --data --tariff</c> runs the switch from it, a sipp phone calls out through the trunk to a sipp gateway,
/// and the call's CDR is rated and charged in real time: the balance API shows it while serve runs.
/// </summary>
public sealed class ServeChargedCallTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_ACallOutThroughTheTrunk_IsChargedInRealTime_AndTheBalanceApiShowsIt()
    {
        using var served = await ServedSwitch.StartAsync(_folder);

        served.CallOut();

        // One started minute at 60 mills, charged to the credit line within its 100-mill limit.
        var mills = await served.ChargedBalanceAsync(SwitchProvisioning.Limited);
        Assert.Equal(-60, mills);
        Assert.Equal(0, await served.StopAsync());
        Assert.Contains("switch CDRs: 1 stored, 1 charged", served.Serve.Error, StringComparison.Ordinal);
        var verify = CliRun.Invoke("balance", "--data", served.Data, "--account", SwitchProvisioning.Limited);
        Assert.Contains("-0.060", verify.Out, StringComparison.Ordinal);
    }
}
