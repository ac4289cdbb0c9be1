using System.Collections.Concurrent;
using Clients.Samples.Marketplace.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Clients.Samples.Marketplace.BrowserTests;

/// <summary>
/// One marketplace (embedded default: the three emulators in process, nothing configured) and one headless Chromium
/// from the system's packages, shared by the tests of <see cref="MarketplaceBrowserTests"/>.
/// </summary>
public sealed class MarketplaceFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private MarketplaceHost? _host;

    internal MarketplaceHost Host => _host ?? throw new InvalidOperationException("The marketplace is not started.");

    internal CapturedLogs Logs { get; } = new();

    /// <summary>The HTML of every page a test captured, to look for secrets in.</summary>
    public ConcurrentQueue<string> PagesSeen { get; } = new();

    /// <summary>Where the screenshots go (the test output).</summary>
    public string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("MARKETPLACE_SCREENSHOTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not started.");

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"No Chromium at {ChromiumPath}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.");
        }

        _host = await MarketplaceApp.StartAsync([], builder => builder.Logging.AddProvider(Logs));
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh browser context (its own cookies) and page.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 760 } });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Writes a screenshot of <paramref name="page"/> to the test output and keeps its HTML.</summary>
    public async Task ShotAsync(IPage page, string name)
    {
        PagesSeen.Enqueue(await page.ContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
