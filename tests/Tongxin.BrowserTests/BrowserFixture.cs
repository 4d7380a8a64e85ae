using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using Tongxin.Tests.Support;

namespace Tongxin.BrowserTests;

/// <summary>The real app on Kestrel (a loopback port) and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public AppFactory App { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    IPlaywright? playwright;

    public static string ScreenshotDir
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tongxin.slnx"))) dir = dir.Parent;
            var path = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("TONGXIN_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--lang=zh-CN"],
        });
    }

    public async Task<IPage> NewPageAsync(string? user = null, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            AcceptDownloads = true,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = 1,
        });
        var page = await context.NewPageAsync();
        if (user is not null) await LoginAsync(page, user);
        return page;
    }

    public static async Task LoginAsync(IPage page, string user)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(AppFactory.PasswordOf(user));
        // Requests still open when the page stalls say why it stalled (a script, a slow page, a lock on the database).
        var open = new System.Collections.Concurrent.ConcurrentDictionary<IRequest, DateTime>();
        void Started(object? _, IRequest r) => open[r] = DateTime.UtcNow;
        void Ended(object? _, IRequest r) => open.TryRemove(r, out DateTime _);
        page.Request += Started; page.RequestFinished += Ended; page.RequestFailed += Ended;
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Stage(page, user, open, "did not get past the login page",
                () => page.WaitForURLAsync(url => !url.Contains("/Account/Login"), new() { WaitUntil = WaitUntilState.Commit }));
            await Stage(page, user, open, "signed in, but the page did not finish loading",
                () => page.WaitForLoadStateAsync(LoadState.DOMContentLoaded));
        }
        finally { page.Request -= Started; page.RequestFinished -= Ended; page.RequestFailed -= Ended; }
    }

    static async Task Stage(IPage page, string user, System.Collections.Concurrent.ConcurrentDictionary<IRequest, DateTime> open, string what, Func<Task> wait)
    {
        try { await wait(); }
        catch (TimeoutException)
        {
            await ShotAsync(page, $"login-failed-{user}");
            var pending = string.Join("; ", open.Select(r => $"{r.Key.Method} {r.Key.Url} ({(DateTime.UtcNow - r.Value).TotalSeconds:0} s)"));
            var body = await page.InnerTextAsync("body");
            throw new TimeoutException($"{user} {what}: {page.Url}; still open: [{pending}]; page: {body.ReplaceLineEndings(" ")[..Math.Min(body.Length, 600)]}");
        }
    }

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
