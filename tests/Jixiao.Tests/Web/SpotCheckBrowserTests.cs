using Jixiao.Core.Access;
using Jixiao.Core.Workflow;
using Jixiao.Storage;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Web;

/// <summary>抽查 in a real browser: finance draws a sample, records a 复核分 beside a drawn form and sees the gap.</summary>
[Collection("browser")]
public class SpotCheckBrowserTests(Browser browser, TestDatabases databases)
{
    [Fact]
    public async Task Finance_draws_a_sample_records_a_review_score_and_sees_the_gap_per_unit()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        foreach (var f in (await app.Service<FormStore>().ListAsync(new FormFilter(Limit: 1000))).Where(f => f.Kind == "self-evaluation" && f.Year == 2024))
        {
            await app.SetStatusAsync(f.Id, FormStatus.Submitted);
            await app.SetStatusAsync(f.Id, FormStatus.Approved);
        }
        var (financeUser, financePassword) = await app.UserAsync(Role.FinanceReviewer, "财政局");

        var finance = await browser.LoginAsync(baseAddress, financeUser, financePassword);
        await finance.ClickAsync("header a:has-text('抽查')");
        await finance.FillAsync("input[name=year]", "2024");
        await finance.FillAsync("input[name=size]", "5");
        await finance.FillAsync("input[name=seed]", "2024");
        await finance.ClickAsync("form[action='/spot-checks'] button");
        await finance.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/spot-checks/\d+$"));
        Assert.Contains("已抽取 5 张（随机种子 2024）", await finance.ContentAsync());
        Assert.Equal(5, await finance.Locator("table.sample tbody tr").CountAsync());

        // The first drawn form: its 自评分 less 3.25 as the 复核分.
        var row = finance.Locator("table.sample tbody tr").First;
        var self = decimal.Parse((await row.Locator("td").Nth(6).InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await row.Locator("input[name=score]").FillAsync((self - 3.25m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await row.Locator("button").ClickAsync();
        await finance.WaitForSelectorAsync("text=已记录第");
        Assert.Equal("+3.25", (await finance.Locator("table.sample tbody tr").First.Locator("td").Nth(8).InnerTextAsync()).Trim());
        Assert.Contains("+3.25", await finance.Locator("table.unit-gaps").InnerTextAsync());
        await Browser.ShotAsync(finance, "web-spot-check");
    }
}
