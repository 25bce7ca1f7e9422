using System.Net.Http.Json;
using Jixiao.Core.Access;
using Jixiao.Core.Workflow;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Web;

/// <summary>The 结果应用 register in a real browser: finance opens it, records a decision and downloads the export.</summary>
[Collection("browser")]
public class ResultsApplicationBrowserTests(Browser browser, TestDatabases databases)
{
    [Fact]
    public async Task Finance_opens_the_register_records_a_decision_with_its_reason_and_downloads_the_export()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var id = await app.FormIdAsync("电教远教工作经费");
        await app.SetStatusAsync(id, FormStatus.Submitted);
        var (du, dp) = await app.UserAsync(Role.DepartmentReviewer, "中共上海市委组织部");
        using var dept = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(baseAddress) };
        Assert.True((await dept.PostAsJsonAsync("/api/login", new { username = du, password = dp })).IsSuccessStatusCode);
        Assert.True((await dept.PostAsJsonAsync($"/api/forms/{id}/review-score", new { score = "78.50", version = 2 })).IsSuccessStatusCode);
        await app.SetStatusAsync(id, FormStatus.DepartmentApproved);
        await app.SetStatusAsync(id, FormStatus.Approved);
        foreach (var name in new[] { "党群综合服务", "社区自治管理", "党建服务工作经费" })
        {
            var other = await app.FormIdAsync(name);
            foreach (var s in new[] { FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved }) await app.SetStatusAsync(other, s);
        }
        var (fu, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");

        var finance = await browser.LoginAsync(baseAddress, fu, fp);
        await finance.ClickAsync("header a:has-text('结果应用')");
        await finance.FillAsync("form[action='/results'] input[name=year]", "2024");
        await finance.ClickAsync("form[action='/results'] button");
        await finance.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/results\?year=2024$"));
        var row = $"table.results tr[data-id='{id}']";
        Assert.Contains("一定比例核减", await finance.TextContentAsync($"{row} td.action"));
        Assert.Contains("依据复核分等级 中", await finance.TextContentAsync($"{row} td.action"));

        // A departure without a reason is refused with the suggestion named; with a reason it is recorded.
        await finance.SelectOptionAsync($"{row} select[name=decision]", "据实合理保障");
        await finance.ClickAsync($"{row} form.decide button");
        await finance.WaitForSelectorAsync(".error:has-text('须写明理由')");
        await finance.SelectOptionAsync($"{row} select[name=decision]", "据实合理保障");
        await finance.FillAsync($"{row} input[name=reason]", "单位已按要求完成整改，按据实合理保障安排");
        await finance.ClickAsync($"{row} form.decide button");
        await finance.WaitForSelectorAsync($"{row} td.decision strong:has-text('据实合理保障')");
        Assert.Contains("单位已按要求完成整改", await finance.TextContentAsync($"{row} td.decision"));
        await Browser.ShotAsync(finance, "web-results-application");

        var download = await finance.RunAndWaitForDownloadAsync(() => finance.ClickAsync("a.export"));
        Assert.Equal("结果应用台账_2024年度.xlsx", download.SuggestedFilename);
        var rows = ResultsApplicationWebTests.XlsxRows(await File.ReadAllBytesAsync((await download.PathAsync())!));
        var line = rows.Single(r => r.GetValueOrDefault("B") == "电教远教工作经费");
        Assert.Equal(("一定比例核减", "据实合理保障", "单位已按要求完成整改，按据实合理保障安排"), (line["J"], line["K"], line["L"]));
        Assert.Equal(5, rows.Count);   // the header and four projects
    }
}
