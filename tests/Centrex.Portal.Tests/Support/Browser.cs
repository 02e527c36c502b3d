using Microsoft.Playwright;

namespace Centrex.Portal.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright for .NET, headless. Each test class gets a context of its own (an empty profile:
/// no cookies, storage or downloads of another class) of the one browser the test run shares (<see cref="Chromium"/>);
/// pages are screenshotted into <c>TestResults/screenshots</c> (not committed).
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public IBrowserContext Context { get; private set; } = null!;

    /// <summary>Where screenshots go.</summary>
    public static string Screenshots { get; } = ScreenshotFolder();

    public async Task InitializeAsync()
    {
        Context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
        });
        // A cap on waits for readiness, not a pause: the browser tests now run beside the other collection's serve on
        // two cores, and a sorted page's load took longer than 15 s once in a fresh-clone run.
        Context.SetDefaultTimeout(30_000);
    }

    /// <summary>Saves a full-page screenshot named <paramref name="name"/>.png.</summary>
    public static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Context is not null)
        {
            await Context.CloseAsync();
        }
    }

    private static string ScreenshotFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Centrex.Portal.Tests.csproj")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
