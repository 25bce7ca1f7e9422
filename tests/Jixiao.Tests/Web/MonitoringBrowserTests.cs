using System.Text.Json.Nodes;
using Jixiao.Core.Access;
using Jixiao.Core.Workflow;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Microsoft.Playwright;

namespace Jixiao.Tests.Web;

/// <summary>A 运行监控 round in a real browser, as finance, the unit and the 主管部门 would work it.</summary>
[Collection("browser")]
public class MonitoringBrowserTests(Browser browser, TestDatabases databases)
{
    [Fact]
    public async Task Finance_opens_a_round_the_unit_fills_and_submits_the_department_returns_approves_and_requires_rectification()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var declaration = await app.FormIdAsync("生活驿站运行经费");
        await app.SetStatusAsync(declaration, FormStatus.Submitted);
        await app.SetStatusAsync(declaration, FormStatus.Approved);
        var (unitUser, unitPassword) = await app.UserAsync(Role.Unit, "上海市奉贤区西渡街道社区党群服务中心");
        var (deptUser, deptPassword) = await app.UserAsync(Role.DepartmentReviewer, "上海市奉贤区人民政府西渡街道办事处");
        var (financeUser, financePassword) = await app.UserAsync(Role.FinanceReviewer, "财政局");

        // Finance opens the round for every approved declaration of 2024.
        var finance = await browser.LoginAsync(baseAddress, financeUser, financePassword);
        await finance.ClickAsync("header a:has-text('运行监控')");
        await finance.FillAsync("input[name=year]", "2024");
        await finance.FillAsync("input[name=periodEnd]", "2024-07-31");
        await finance.FillAsync("input[name=deadline]", "2027-08-20");
        await finance.ClickAsync("form[action='/monitoring'] button");
        await finance.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/monitoring/\d+$"));
        Assert.Contains("建立监控表 1 张", await finance.ContentAsync());
        var roundUrl = finance.Url;
        var round = (await app.Service<MonitoringStore>().RoundsAsync()).Single();
        var formId = (await app.Service<MonitoringStore>().RoundFormsAsync(round.Id)).Single().Id;

        // The unit fills it in the editor from the hand-written case: the lights follow what it types.
        var unit = await browser.LoginAsync(baseAddress, unitUser, unitPassword);
        await unit.GotoAsync($"{baseAddress}/forms/{formId}/edit");
        var filled = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Root, "monitoring", "shenghuoyizhan-1-7", "input.json")))!;
        await unit.FillAsync("textarea[data-goal=progress]", (string)filled["goals"]!["progress"]!);
        var funds = filled["funds"]!["rows"]!.AsArray();
        for (var i = 0; i < funds.Count; i++)
        {
            await unit.FillAsync($"tr[data-fund='{i}'] [data-field=executedToDate]", ((decimal)funds[i]!["executedToDate"]!).ToString("0.00"));
            await unit.FillAsync($"tr[data-fund='{i}'] [data-field=forecastExecuted]", ((decimal)funds[i]!["forecastExecuted"]!).ToString("0.00"));
        }
        var rows = filled["indicators"]!.AsArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i]!;
            await unit.FillAsync($"tr[data-row='{i}'] [data-field=progress]", (string)row["progress"]!["text"]!);
            await unit.FillAsync($"tr[data-row='{i}'] [data-field=forecast]", (string)row["forecast"]!["text"]!);
            if (row["forecast"]!["achievement"] is { } a) await unit.SelectOptionAsync($"tr[data-row='{i}'] [data-field=achievement]", (string)a!);
            await unit.SelectOptionAsync($"tr[data-row='{i}'] [data-field=likelihood]", (string)row["likelihood"]!);
            if (row["deviation"] is { } d)
            {
                foreach (var cause in d["causes"]!.AsArray()) await unit.CheckAsync($"tr[data-row-deviation='{i}'] input[data-cause={(string)cause!}]");
                await unit.FillAsync($"tr[data-row-deviation='{i}'] [data-field=reason]", (string)d["reason"]!);
                await unit.FillAsync($"tr[data-row-deviation='{i}'] [data-field=correctiveAction]", (string?)d["correctiveAction"] ?? "9 月起增加室内公益活动场次。");
            }
        }
        // Both red fund lines (execution 34.45% against 58.33% of the year) ask for their reasons.
        await unit.WaitForSelectorAsync("tr[data-fund='0'] .light.red");
        foreach (var i in new[] { 0, 1 })
        {
            await unit.CheckAsync($"tr[data-fund-deviation='{i}'] input[data-cause=other]");
            await unit.FillAsync($"tr[data-fund-deviation='{i}'] [data-field=reason]", "设施维修集中在下半年招标。");
            await unit.FillAsync($"tr[data-fund-deviation='{i}'] [data-field=correctiveAction]", "8 月完成招标，9 月起按进度支付。");
        }
        await unit.WaitForSelectorAsync("tr[data-row='6'] .light.red");
        await unit.WaitForFunctionAsync("() => !document.getElementById('findings').textContent.includes('纠偏措施')");
        Assert.Contains("时间进度 58.33%", await unit.TextContentAsync("tr[data-fund-deviation='0'] .working"));
        // The seeds are Shanghai forms: its profile cuts 执行率 (10.20 ÷ 29.60 = 34.459…% → 34.45%).
        Assert.Equal("34.45%", (await unit.TextContentAsync("tr[data-fund='0'] .rate"))!.Trim());
        await Browser.ShotAsync(unit, "web-monitoring-editor");
        await unit.ClickAsync("#save");
        await unit.WaitForSelectorAsync("#save-state:has-text('已保存')");

        // Submitted with its warning acknowledged; the form page shows the official layout and the lights.
        var formUrl = $"{baseAddress}/forms/{formId}";
        await unit.GotoAsync(formUrl);
        Assert.Contains("项目支出绩效目标执行监控表", await unit.ContentAsync());
        await BrowserTests.ActAsync(unit, "submit");
        await Browser.ShotAsync(unit, "web-monitoring-form", "section.lights");

        // The 主管部门 returns it; the unit resubmits; the 主管部门 approves and requires 整改.
        var dept = await browser.LoginAsync(baseAddress, deptUser, deptPassword);
        await dept.GotoAsync(formUrl);
        await BrowserTests.ActAsync(dept, "return", "请核实开放天数的全年预计。");
        await unit.GotoAsync(formUrl);
        await BrowserTests.ActAsync(unit, "submit");
        await dept.GotoAsync(formUrl);
        await BrowserTests.ActAsync(dept, "approve");
        await dept.FillAsync("section.rectifications textarea[name=requirement]", "9 月底前完成设施维修招标，执行率达到时间进度的 80% 以上。");
        await dept.FillAsync("section.rectifications input[name=deadline]", "2027-01-15");
        await dept.ClickAsync("section.rectifications button");
        await dept.WaitForSelectorAsync("section.rectifications td:has-text('9 月底前完成设施维修招标')");

        // The unit records what it did in its register; the register shows it done.
        await unit.ClickAsync("header a:has-text('整改台账')");
        await unit.FillAsync("table.register textarea[name=result]", "9 月 20 日完成招标，执行率已达 62%。");
        await unit.ClickAsync("table.register button");
        await unit.WaitForSelectorAsync("table.register td:has-text('已完成')");
        Assert.Contains("9 月 20 日完成招标", await unit.TextContentAsync("table.register"));
        await Browser.ShotAsync(unit, "web-rectification-register");

        // Finance's dashboard of the round: the red project with its reasons, the 整改 done.
        await finance.GotoAsync(roundUrl);
        var dashboard = await finance.TextContentAsync("main");
        Assert.Contains("红灯清单", dashboard);
        Assert.Contains("生活驿站运行经费", await finance.TextContentAsync("h2:has-text('红灯清单') + table"));
        Assert.Contains("已完成", dashboard);
        await Browser.ShotAsync(finance, "web-monitoring-round");
    }
}
