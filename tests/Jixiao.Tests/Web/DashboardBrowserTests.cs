using Jixiao.Core.Access;
using Jixiao.Core.Workflow;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Organisations;
using Microsoft.Playwright;

namespace Jixiao.Tests.Web;

/// <summary>The dashboards, the project page and the 汇总表 page in a real browser, on the hand-counted set of <see cref="DashboardData"/>.</summary>
[Collection("browser")]
public class DashboardBrowserTests(Browser browser, TestDatabases databases)
{

    [Fact]
    public async Task Finance_opens_the_dashboard_clicks_a_bar_and_lands_on_the_forms_it_counts()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var ids = await DashboardData.LoadAsync(app);
        var windows = app.Service<WindowStore>();
        await windows.SetAsync(new Window(DashboardData.Year, Stage.Declaration, new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)), "test");
        await windows.SetAsync(new Window(DashboardData.Year, Stage.SelfEvaluation, new DateOnly(2025, 4, 1), new DateOnly(2025, 6, 30)), "test");
        var (financeUser, financePassword) = await app.UserAsync(Role.FinanceReviewer, "财政局");

        var finance = await browser.LoginAsync(baseAddress, financeUser, financePassword);
        await finance.ClickAsync("header a:has-text('统计分析')");
        await finance.WaitForURLAsync("**/dashboard");
        // The latest year in finance's scope is 2025: the dashboard opens on it.
        Assert.Equal("2025", await finance.InputValueAsync("select[name=year]"));
        Assert.Equal("2", await finance.TextContentAsync("#grades table tr:has-text('优') a"));
        await Browser.ShotAsync(finance, "web-dashboard");

        // The 优 column of the grade chart: 自评甲 and 自评丙.
        await finance.ClickAsync("#grades svg a.bar >> nth=0");
        await finance.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/forms\?year=2025&kind=self-evaluation&grade="));
        Assert.Equal("2", await finance.TextContentAsync("#total"));
        Assert.Equal("优", await finance.InputValueAsync("select[name=grade]"));
        var listed = await finance.TextContentAsync("table.list");
        Assert.Contains("自评甲", listed);
        Assert.Contains("自评丙", listed);

        // A band of 执行率, a filter the list shows as a note: 90%–100% holds 自评甲 (95) and 自评戊 (90.00).
        await finance.GoBackAsync();
        await finance.ClickAsync("#rates table tr:has-text('90%–100%') a");
        await finance.WaitForURLAsync("**rate=90-100");
        Assert.Equal("2", await finance.TextContentAsync("#total"));
        Assert.Contains("执行率 90-100%", await finance.TextContentAsync("form.filters"));

        // The unit sees its project's chain and its 汇总表.
        var (unitUser, unitPassword) = await app.UserAsync(Role.Unit, DashboardData.Party);
        var unit = await browser.LoginAsync(baseAddress, unitUser, unitPassword);
        await unit.GotoAsync($"{baseAddress}/forms/{ids.Adjustment}");
        await unit.ClickAsync(".make-evaluation");
        await unit.WaitForURLAsync("**/edit");
        await unit.GotoAsync($"{baseAddress}/forms/{ids.Superseded}");
        await unit.ClickAsync("a.project-link");
        await unit.WaitForURLAsync($"**/projects/{ids.Superseded}");
        Assert.Contains("已被调整取代", await unit.TextContentAsync("table.project"));
        Assert.Contains("第 1 次调整", await unit.TextContentAsync("table.project"));
        Assert.Contains("自评表", await unit.TextContentAsync("table.project"));
        await Browser.ShotAsync(unit, "web-project");
        await unit.ClickAsync("a:has-text('项目绩效目标汇总表')");
        await unit.WaitForURLAsync("**/summaries?**");
        var summary = await unit.TextContentAsync("table.summary");
        Assert.Contains("合计 2 个项目", summary);                                     // 申报甲 and 申报丙's 调整
        Assert.Contains("36.00", summary);                                             // the 调整's 360,000.00 元, not 申报丙's 30.00
        Assert.DoesNotContain("30.00", summary);
        await Browser.ShotAsync(unit, "web-summary");
    }
}
