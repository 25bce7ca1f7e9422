using Jixiao.Core.Model;
using Jixiao.Formats.Html;
using Microsoft.Playwright;

namespace Jixiao.Formats.Pdf;

/// <summary>
/// Prints the HTML of forms to PDF with Debian's Chromium, kept alive for a whole batch: a cold start costs about
/// 1.4 s, a print on a warm page a few tens of milliseconds (decision 0005). Never downloads a browser.
/// </summary>
public sealed class PdfPrinter : IAsyncDisposable
{
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>Chromium's arguments on this kind of machine: no sandbox as root, no network chatter at start.</summary>
    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IPage _page;
    private readonly SemaphoreSlim _lock = new(1, 1);

    private PdfPrinter(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        _page = page;
    }

    /// <summary>The browser to use: JIXIAO_CHROMIUM if set, else /usr/bin/chromium.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("JIXIAO_CHROMIUM") is { Length: > 0 } p ? p : DefaultChromium;

    public static async Task<PdfPrinter> StartAsync()
    {
        var path = ChromiumPath;
        if (!File.Exists(path))
            throw new PdfExportException($"未找到 Chromium（{path}）。PDF 导出需要 Debian 的 chromium 和中文字体：apt-get install -y chromium fonts-wqy-microhei fonts-wqy-zenhei");
        IPlaywright? pw = null;
        try
        {
            pw = await Playwright.CreateAsync();
            var browser = await pw.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true, Args = Args });
            var page = await browser.NewPageAsync();
            return new PdfPrinter(pw, browser, page);
        }
        catch (PlaywrightException ex)
        {
            pw?.Dispose();
            throw new PdfExportException("无法启动 Chromium 打印 PDF：" + ex.Message.Split('\n')[0]);
        }
    }

    public Task<byte[]> PrintAsync(PerformanceForm form) => PrintHtmlAsync(HtmlRenderer.RenderDocument(form));

    public Task<byte[]> PrintAsync(DeclarationSummary summary) => PrintHtmlAsync(HtmlRenderer.RenderSummaryDocument(summary));

    /// <summary>A4 portrait as the document's @page says; the page numbers come from its margin boxes.</summary>
    public async Task<byte[]> PrintHtmlAsync(string html)
    {
        await _lock.WaitAsync();
        try
        {
            await _page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            return await _page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true, DisplayHeaderFooter = false, Tagged = false });
        }
        finally { _lock.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        try { await _browser.CloseAsync(); }
        catch (PlaywrightException) { /* already gone: nothing to close */ }
        _playwright.Dispose();
        _lock.Dispose();
    }
}

/// <summary>PDF export cannot run (no browser, browser failed); the message is for the user.</summary>
public sealed class PdfExportException(string message) : Exception(message);
