using Centrex.Cli.Tests.Support;

namespace Centrex.Portal.Tests.Support;

/// <summary>
/// <see cref="ThreeCurrencyFiles"/>' customers in dollars, yen and dinars, with their calls rated into a serve's own data
/// directory (<c>rate --data</c>) before it starts.
/// </summary>
public static class ThreeCurrencies
{
    /// <summary>The month the calls are in.</summary>
    public const string Period = "2026-10";

    /// <summary>Imports the customers into <paramref name="serve"/>'s directory and rates their calls; returns the tariff file (serve's <c>--tariff</c>).</summary>
    public static async Task<string> Arrange(OwnServe serve)
    {
        ArgumentNullException.ThrowIfNull(serve);
        await serve.Import("three-currencies.json", ThreeCurrencyFiles.Provisioning);
        var tariff = Path.Combine(serve.Data, "three-currencies.csv");
        await File.WriteAllTextAsync(tariff, ThreeCurrencyFiles.Tariff);
        var cdrs = Path.Combine(serve.Data, "three-currencies-cdrs.csv");
        await File.WriteAllTextAsync(cdrs, ThreeCurrencyFiles.Cdrs);
        var rate = await PortalServer.Run(null, "rate", "--data", serve.Data, "--tariff", tariff, "--cdrs", cdrs,
            "--out", Path.Combine(serve.Data, "rated.csv"), "--rejects", Path.Combine(serve.Data, "rejects.csv"));
        Assert.True(rate.Exit == 0, rate.Error);
        return tariff;
    }
}
