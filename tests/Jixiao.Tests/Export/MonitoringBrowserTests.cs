using Jixiao.Formats.Html;
using Jixiao.Formats.Pdf;
using Microsoft.Playwright;

namespace Jixiao.Tests.Export;

/// <summary>The 监控表's HTML in a 1280×800 window: its fifteen columns fit, and with JIXIAO_SCREENSHOTS=1 the view
/// becomes docs/images/monitoring-official.png.</summary>
public class MonitoringBrowserTests
{
    [Fact]
    public async Task The_monitoring_html_fits_a_1280_window_without_a_horizontal_scroll()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = PdfPrinter.ChromiumPath, Headless = true, Args = PdfPrinter.Args,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, Locale = "zh-CN" });
        var form = MonitoringSupport.Case();
        form.Funds.Rows[0].ExecutionRate = 34.46m;
        form.Funds.Rows[1].ExecutionRate = 34.46m;
        await page.SetContentAsync(HtmlRenderer.RenderDocument(form));

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        // The tick columns stay narrow and the 备注 column wide: the table's own widths, not the browser's guess.
        var widths = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('table.jx-indicators thead tr:nth-child(2) th')].map(th => th.getBoundingClientRect().width)");
        Assert.Equal(8, widths.Length);
        var remark = await page.EvaluateAsync<double>("() => document.querySelector('table.jx-indicators thead th:last-child').getBoundingClientRect().width");
        Assert.True(widths.Max() * 3 < remark, $"tick columns {string.Join(", ", widths)}, remark {remark}");
        await Web.Browser.ShotAsync(page, "monitoring-official", ".jx-form");
    }
}
