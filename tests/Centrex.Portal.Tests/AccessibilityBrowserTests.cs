using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Centrex.Portal.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Centrex.Portal.Tests;

/// <summary>
/// Basic accessibility and the phone layout (issue 16, usability: "keyboard-usable forms with labels (basic
/// accessibility: every input labelled, contrast sufficient), a layout that works on a laptop and a phone"), asserted in
/// real Chromium on every page a customer and the operator reach from the menu (and the first detail page each list
/// links to): every input, select and textarea has a label or an aria-label, one h1, a lang, images with alt; at
/// 375×740 no page scrolls sideways and every menu link is on screen. The main colours of portal.css have a contrast of
/// 4.5:1 or more (WCAG 2.1 AA), computed from the stylesheet the process serves. Every page is screenshotted at laptop
/// and phone size into <see cref="Browser.Screenshots"/>/pages (README, "Screenshots").
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed partial class AccessibilityBrowserTests(PortalServer server, Browser browser, ITestOutputHelper output) : IClassFixture<Browser>, IAsyncLifetime
{
    private static readonly ViewportSize Laptop = new() { Width = 1280, Height = 860 };
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 740 };
    private readonly string _shots = Directory.CreateDirectory(Path.Combine(Browser.Screenshots, "pages")).FullName;
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.Context.NewPageAsync();

    public Task DisposeAsync() => _page.CloseAsync();

    [Fact]
    public async Task EveryCustomerAndOperatorPage_IsLabelled_AndFitsAPhone()
    {
        output.WriteLine($"Screenshots of every page (laptop and phone size): {_shots}");
        var problems = new List<string>();
        await _page.SetViewportSizeAsync(Laptop.Width, Laptop.Height);
        await _page.GotoAsync(Url("/account/login"));
        await Check("login", problems);

        await SignIn("cust-qc");
        var customer = await Walk("/customer", "customer", problems);
        await browser.Context.ClearCookiesAsync();
        await SignIn("operator");
        var operatorPages = await Walk("/operator", "operator", problems);

        output.WriteLine($"{customer.Count} customer pages: {string.Join(' ', customer)}");
        output.WriteLine($"{operatorPages.Count} operator pages: {string.Join(' ', operatorPages)}");
        Assert.True(customer.Count >= 24, $"only {customer.Count} customer pages walked: {string.Join(' ', customer)}");
        Assert.True(operatorPages.Count >= 12, $"only {operatorPages.Count} operator pages walked: {string.Join(' ', operatorPages)}");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(Directory.GetFiles(_shots, "*.png").Length >= 2 * (customer.Count + operatorPages.Count));
    }

    [Fact]
    public async Task ASortClick_KeepsTheFilters_InTheUrl()
    {
        await SignIn("cust-qc");
        await _page.SetViewportSizeAsync(Laptop.Width, Laptop.Height);
        await _page.GotoAsync(Url("/customer/calls?direction=outgoing&size=10"));
        await _page.GetByRole(AriaRole.Link, new() { Name = "Duration", Exact = true }).ClickAsync();
        await _page.WaitForURLAsync(new Regex("sort=duration"));
        Assert.Contains("direction=outgoing", _page.Url, StringComparison.Ordinal);
        Assert.Contains("dir=asc", _page.Url, StringComparison.Ordinal);
        Assert.Equal("ascending", await _page.Locator("th[aria-sort]").GetAttributeAsync("aria-sort"));
        Assert.Equal("outgoing", await _page.GetByLabel("Direction").InputValueAsync());
        await _page.GetByRole(AriaRole.Link, new() { Name = "Duration ▲" }).ClickAsync();
        await _page.WaitForURLAsync(new Regex("dir=desc"));
        Assert.Contains("direction=outgoing", _page.Url, StringComparison.Ordinal);
        Assert.Equal("descending", await _page.Locator("th[aria-sort]").GetAttributeAsync("aria-sort"));
    }

    [Fact]
    public async Task TheMainColoursOfTheStylesheet_HaveAContrastOfAtLeast4Point5()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var css = await http.GetStringAsync("/assets/portal.css");
        var vars = Variable().Matches(css).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        string V(string name) => vars.TryGetValue(name, out var v) ? v : throw new Xunit.Sdk.XunitException($"portal.css has no --{name}");
        string Rule(string selector, string property) =>
            Regex.Match(css, Regex.Escape(selector) + @"\s*\{[^}]*?(?<![-\w])" + property + @":\s*(#[0-9a-fA-F]{3,6}|var\(--[\w-]+\))") is { Success: true } m
                ? (m.Groups[1].Value.StartsWith("var(", StringComparison.Ordinal) ? V(m.Groups[1].Value[6..^1]) : m.Groups[1].Value)
                : throw new Xunit.Sdk.XunitException($"portal.css: no {property} in {selector}");

        // Text colour on the background it is drawn on, as the stylesheet pairs them.
        (string What, string Text, string Background)[] pairs =
        [
            ("body text", V("ink"), "#fff"), ("links", V("accent"), "#fff"), ("muted text", V("muted"), "#fff"), ("muted text on grey (empty states, pager)", V("muted"), V("bg")),
            ("table headers and tabs", V("ink"), V("bg")), ("links on grey (side menu)", V("accent"), V("bg")), ("errors", V("bad"), "#fff"),
            ("saved notice", V("good"), Rule(".notice", "background")), ("header", Rule("header.top", "color"), Rule("header.top", "background")),
            ("buttons", Rule("button, .button", "color"), Rule("button, .button", "background")), ("secondary buttons", V("accent"), Rule("button.secondary, .button.secondary", "background")),
            ("paid status", V("good"), "#fff"),
        ];
        var low = pairs.Select(p => (p.What, Ratio: Contrast(p.Text, p.Background))).Where(p => p.Ratio < 4.5).ToList();
        foreach (var (what, text, background) in pairs)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {text} on {background} = {Contrast(text, background):0.00}:1"));
        }

        Assert.True(low.Count == 0, string.Join("; ", low.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.What} {l.Ratio:0.00}:1"))));
    }

    private async Task SignIn(string login)
    {
        await _page.GotoAsync(Url("/account/login"));
        await _page.GetByLabel("Login").FillAsync(login);
        await _page.GetByLabel("Password").FillAsync(server.Password(login));
        await _page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await _page.WaitForURLAsync(new Regex(login == "operator" ? "/operator" : "/customer"));
    }

    // Visits the home page, every menu page, and the first page each of them links to under a new path (a line, a ticket, an edit page).
    private async Task<List<string>> Walk(string home, string role, List<string> problems)
    {
        var queue = new Queue<string>([home]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { home };
        var detailKinds = new HashSet<string>(StringComparer.Ordinal);
        var visited = new List<string>();
        while (queue.TryDequeue(out var path) && visited.Count < 60)
        {
            await _page.SetViewportSizeAsync(Laptop.Width, Laptop.Height);
            var response = await _page.GotoAsync(Url(path));
            if (response is not { Ok: true })
            {
                problems.Add($"{path}: HTTP {response?.Status}");
                continue;
            }

            visited.Add(path);
            var name = Regex.Replace(path.Trim('/'), "[^A-Za-z0-9]+", "-");
            await Check(name, problems);

            var menu = await _page.EvalOnSelectorAllAsync<string[]>("nav.tabs a, nav.side a", "links => links.map(a => a.getAttribute('href'))");
            var links = await _page.EvalOnSelectorAllAsync<string[]>("main a[href^='/']", "links => links.map(a => a.getAttribute('href'))");
            foreach (var link in menu.Where(l => seen.Add(l)))
            {
                queue.Enqueue(link);
            }

            // One page of each kind of detail (its path without the last segment, its query keys), within the role's pages.
            foreach (var link in links.Where(l => l.StartsWith('/' + role, StringComparison.Ordinal) && !l.Contains('#', StringComparison.Ordinal)
                && !l.Contains("csv", StringComparison.Ordinal) && !l.Contains("sort=", StringComparison.Ordinal) && !l.Contains("page=", StringComparison.Ordinal)))
            {
                var kind = link.Contains('?', StringComparison.Ordinal) ? link[..link.IndexOf('?', StringComparison.Ordinal)] + "?" : link[..link.LastIndexOf('/')];
                if (!seen.Contains(link) && detailKinds.Add(kind))
                {
                    seen.Add(link);
                    queue.Enqueue(link);
                }
            }
        }

        return visited;
    }

    // The checks of one page, at laptop then phone size, with a screenshot at each.
    private async Task Check(string name, List<string> problems)
    {
        var where = _page.Url[server.BaseAddress.ToString().TrimEnd('/').Length..];
        foreach (var problem in await _page.EvaluateAsync<string[]>(Audit))
        {
            problems.Add($"{where}: {problem}");
        }

        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, name + "-laptop.png"), FullPage = true });
        await _page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        var phone = await _page.EvaluateAsync<JsonElement>(PhoneLayout);
        if (phone.GetProperty("scrollWidth").GetInt32() > phone.GetProperty("clientWidth").GetInt32())
        {
            problems.Add($"{where}: at 375 px wide the page scrolls sideways ({phone.GetProperty("scrollWidth").GetInt32()} px wide; widest: {phone.GetProperty("widest").GetString()})");
        }

        foreach (var link in phone.GetProperty("offMenu").EnumerateArray())
        {
            problems.Add($"{where}: at 375 px the menu link '{link.GetString()}' is not on screen");
        }

        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, name + "-phone.png"), FullPage = true });
        await _page.SetViewportSizeAsync(Laptop.Width, Laptop.Height);
    }

    private const string Audit = """
        () => {
          const problems = [];
          for (const c of document.querySelectorAll('input, select, textarea')) {
            if (['hidden', 'submit', 'button', 'reset'].includes(c.type)) continue;
            const named = (c.labels && c.labels.length > 0) || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby');
            if (!named) problems.push(`${c.tagName.toLowerCase()} name="${c.name}" id="${c.id}" has no label`);
          }
          const ids = new Map();
          for (const e of document.querySelectorAll('[id]')) ids.set(e.id, (ids.get(e.id) || 0) + 1);
          for (const [id, n] of ids) if (n > 1) problems.push(`id "${id}" is used ${n} times (a label's for finds only the first)`);
          const h1 = document.querySelectorAll('h1').length;
          if (h1 !== 1) problems.push(`${h1} h1 headings (one expected)`);
          if (!document.documentElement.getAttribute('lang')) problems.push('no lang on <html>');
          for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) problems.push(`image ${img.getAttribute('src')} has no alt`);
          for (const b of document.querySelectorAll('button')) if (!(b.textContent.trim() || b.getAttribute('aria-label'))) problems.push('a button without a name');
          return problems;
        }
        """;

    private const string PhoneLayout = """
        () => {
          const root = document.documentElement;
          let widest = '', max = 0;
          for (const e of document.querySelectorAll('body *')) {
            const r = e.getBoundingClientRect();
            if (r.right > max && getComputedStyle(e).position !== 'absolute') { max = r.right; widest = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''); }
          }
          const offMenu = [...document.querySelectorAll('nav.tabs a, nav.side a')]
            .filter(a => { const r = a.getBoundingClientRect(); return r.width === 0 || r.left < 0 || r.right > root.clientWidth + 0.5; })
            .map(a => a.textContent.trim());
          return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest, offMenu };
        }
        """;

    private string Url(string path) => new Uri(server.BaseAddress, path).ToString();

    // WCAG 2.1 relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        var h = hex.TrimStart('#');
        if (h.Length == 3)
        {
            h = string.Concat(h.Select(c => $"{c}{c}"));
        }

        double Channel(int i)
        {
            var c = int.Parse(h.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
    }

    [GeneratedRegex(@"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})")]
    private static partial Regex Variable();
}
