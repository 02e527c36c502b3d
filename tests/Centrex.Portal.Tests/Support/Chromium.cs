using Microsoft.Playwright;

namespace Centrex.Portal.Tests.Support;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by <c>./test.sh</c>; no browser is downloaded), launched once
/// for the whole test run and shared by every <see cref="Browser"/>: a browser start cost each test class 15 to 50 s on
/// a loaded two-core host, the suite's largest fixed cost after serve's. Each class still gets a context of its own
/// (cookies, storage and downloads apart, as its fresh profile gave it). Closed when the test process exits; if that
/// is cut short, Playwright's driver closes it when its pipe to this process does.
/// </summary>
internal static class Chromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    /// <summary>A new context (an empty, isolated profile) of the shared browser, launched on first use.</summary>
    public static async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is not { IsConnected: true })
            {
                var first = _playwright is null;
                _playwright ??= await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = "/usr/bin/chromium",
                    Headless = true,
                    // Everything that would reach outside this machine turned off.
                    Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
                    Timeout = 60_000,
                });
                if (first)
                {
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => Close();
                }
            }

            return await _browser.NewContextAsync(options);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static void Close()
    {
        try
        {
            _browser?.CloseAsync().Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The driver may be gone already (it closes the browser with it).
        }

        _playwright?.Dispose();
    }
}
