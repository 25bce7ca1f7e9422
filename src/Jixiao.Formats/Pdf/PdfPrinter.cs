using Jixiao.Core.Model;
using Jixiao.Formats.Html;
using Microsoft.Playwright;

namespace Jixiao.Formats.Pdf;

/// <summary>
/// Prints the HTML of forms to PDF with Debian's Chromium, kept alive for a whole batch: a cold start costs about
/// 1.4 s, a print on a warm page a few tens of milliseconds (decision 0005). Never downloads a browser. Whatever goes
/// wrong in the browser leaves this class as a <see cref="PdfExportException"/>, so a host never sees Playwright's
/// types and need not reference them.
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
    private readonly System.Collections.Concurrent.ConcurrentBag<IPage> _free;
    private readonly SemaphoreSlim _available;

    /// <summary>How many forms print at once: Chromium lays out and writes a PDF in its renderer processes, so a few
    /// pages keep both cores busy while one page waits on the other.</summary>
    public int Pages { get; }

    private PdfPrinter(IPlaywright playwright, IBrowser browser, IReadOnlyList<IPage> pages)
    {
        _playwright = playwright;
        _browser = browser;
        _free = new(pages);
        _available = new SemaphoreSlim(pages.Count, pages.Count);
        Pages = pages.Count;
    }

    /// <summary>The browser to use: JIXIAO_CHROMIUM if set, else /usr/bin/chromium.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("JIXIAO_CHROMIUM") is { Length: > 0 } p ? p : DefaultChromium;

    public static async Task<PdfPrinter> StartAsync(int pages = 0)
    {
        if (pages <= 0) pages = Math.Max(2, Environment.ProcessorCount + 1);
        var path = ChromiumPath;
        if (!File.Exists(path))
            throw new PdfExportException($"未找到 Chromium（{path}）。PDF 导出需要 Debian 的 chromium 和中文字体：apt-get install -y chromium fonts-wqy-microhei fonts-wqy-zenhei");
        IPlaywright? pw = null;
        try
        {
            pw = await Playwright.CreateAsync();
            var browser = await pw.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true, Args = Args });
            var list = new List<IPage>();
            for (int i = 0; i < pages; i++) list.Add(await browser.NewPageAsync());
            return new PdfPrinter(pw, browser, list);
        }
        catch (PlaywrightException ex)
        {
            pw?.Dispose();
            throw new PdfExportException("无法启动 Chromium 打印 PDF：" + FirstLine(ex), ex);
        }
    }

    public Task<byte[]> PrintAsync(PerformanceForm form) => PrintHtmlAsync(HtmlRenderer.RenderDocument(form));

    public Task<byte[]> PrintAsync(DeclarationSummary summary) => PrintHtmlAsync(HtmlRenderer.RenderSummaryDocument(summary));

    /// <summary>
    /// A4 portrait as the document's @page says; the page numbers come from its margin boxes. Safe to call
    /// concurrently: up to <see cref="Pages"/> forms print at once, the others wait for a free page.
    /// </summary>
    public async Task<byte[]> PrintHtmlAsync(string html)
    {
        await _available.WaitAsync();
        _free.TryTake(out var page);
        try
        {
            await page!.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            return await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true, DisplayHeaderFooter = false, Tagged = false });
        }
        catch (PlaywrightException ex)
        {
            // The page or the browser is gone, or timed out (Playwright's TimeoutException is one of these too). The
            // page is not trusted again: a fresh one takes its place, or, if the browser itself is gone, the printer
            // says it is broken and its owner starts another (SharedPdfPrinter).
            page = await ReplaceAsync(page!);
            throw new PdfExportException("Chromium 打印 PDF 失败：" + FirstLine(ex), ex);
        }
        finally
        {
            _free.Add(page!);
            _available.Release();
        }
    }

    private volatile bool _broken;

    /// <summary>The browser is gone or cannot open pages any more: this printer will not print again.</summary>
    public bool Broken => _broken || !_browser.IsConnected;

    private async Task<IPage> ReplaceAsync(IPage failed)
    {
        try { await failed.CloseAsync(); } catch (PlaywrightException) { }
        try { return await _browser.NewPageAsync(); }
        catch (PlaywrightException)
        {
            _broken = true;
            return failed;
        }
    }

    /// <summary>Prints many forms over the pages in parallel; results in the order of the input.</summary>
    public async Task<byte[][]> PrintAllAsync(IReadOnlyList<PerformanceForm> forms) =>
        await Task.WhenAll(forms.Select(PrintAsync));

    public async ValueTask DisposeAsync()
    {
        try { await _browser.CloseAsync(); }
        catch (PlaywrightException) { /* already gone: nothing to close */ }
        _playwright.Dispose();
        _available.Dispose();
    }

    /// <summary>Playwright's messages run on with a call log over many lines; the first says what happened.</summary>
    private static string FirstLine(Exception ex) => ex.Message.Split('\n')[0].Trim();
}

/// <summary>
/// PDF export cannot run or did not finish (no browser, the browser failed to start or to print); the message is for
/// the user, in Chinese. The only exception the printer lets out for a browser failure: hosts catch this one.
/// </summary>
public sealed class PdfExportException(string message, Exception? inner = null) : Exception(message, inner);
