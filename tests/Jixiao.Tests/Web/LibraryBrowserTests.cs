using System.Text.RegularExpressions;
using Jixiao.Core.Access;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Library;
using Jixiao.Web.Features.Organisations;

namespace Jixiao.Tests.Web;

/// <summary>
/// The 指标库 in a real browser at 1280×800 (issue 13): finance gathers it from the stored forms, proposes an entry of its
/// own and approves a gathered one from a workbook (previewed, then confirmed), approves and then retires its own on
/// the entry's page; the editor of a matching declaration offers the approved entries with why, and choosing one
/// fills the row.
/// </summary>
[Collection("browser")]
public class LibraryBrowserTests(Browser browser, TestDatabases databases)
{
    const string Xidu = "上海市奉贤区西渡街道社区党群服务中心";

    [Fact]
    public async Task Finance_proposes_approves_and_retires_entries_and_the_editor_of_a_matching_project_offers_the_approved_ones()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var (financeUser, financePassword) = await app.UserAsync(Role.FinanceReviewer, "财政局");

        // A unit's draft declaration whose name has 生活驿站 in it (特定目标类, as the seed forms).
        var declaration = new TargetDeclaration
        {
            Year = 2025, ProjectName = "社区生活驿站提升项目", Department = "中共上海市委组织部", ImplementingUnit = "上海市党建服务中心", ProjectCategory = "特定目标类",
        };
        declaration.Funds.AnnualTotal = 100000m;
        declaration.Indicators.Add(new Indicator { Level1 = "产出指标", Level2 = "数量指标", Name = "驿站改造个数", Target = ValueParser.ParseTarget("≥2(个)") });
        var unitId = await app.Service<OrganisationStore>().EnsureUnitAsync(declaration.Department, declaration.ImplementingUnit);
        var (formId, _) = await app.Service<FormStore>().ImportAsync(declaration, unitId, "test");
        var (unitUser, unitPassword) = await app.UserAsync(Role.Unit, "上海市党建服务中心");

        var finance = await browser.LoginAsync(baseAddress, financeUser, financePassword);
        await finance.ClickAsync("header a:has-text('指标库')");
        await finance.ClickAsync("form[action='/indicator-library/seed'] button");
        await finance.WaitForSelectorAsync("main :text('新增待审定指标')");
        await finance.FillAsync("form[action='/indicator-library'] input[name=q]", "长效管理机制健全性");
        await finance.ClickAsync("form[action='/indicator-library'] button");
        // seed-003 holds it in three declarations of one unit (the hand-listed groups of IndicatorLibraryTests).
        Assert.Contains("3 张（申报表 3，自评表 0），1 个单位", await finance.Locator("main table.library").InnerTextAsync());
        await Browser.ShotAsync(finance, "web-indicator-library");

        // A workbook: 有责投诉率 (gathered from seed-003, <5.00(%)) approved for all with the tag 生活驿站; a new entry of
        // finance's own, 驿站服务满意度, proposed with the same tag.
        var complaints = (await app.Service<LibraryStore>().SearchAsync("有责投诉率")).Single();
        var workbook = Path.Combine(Path.GetTempPath(), $"jixiao-library-{Guid.NewGuid():N}.xlsx");
        var Row = LibraryImportTests.Row;
        File.WriteAllBytes(workbook, LibraryImportTests.Workbook(LibraryWork.ExportHeaders,
        [
            Row(("编号", complaints.Id.ToString()), ("一级指标", "效益指标"), ("二级指标", "社会效益指标"), ("三级指标", "有责投诉率"), ("指标性质", "<"), ("度量单位", "%"),
                ("标签", "生活驿站"), ("共性/个性", "个性指标"), ("所属单位", Xidu), ("共享范围", "全部"), ("状态", "已审定")),
            Row(("一级指标", "满意度指标"), ("二级指标", "服务对象满意度指标"), ("三级指标", "驿站服务满意度"), ("指标性质", "≥"), ("度量单位", "%"),
                ("指标解释", "服务对象对驿站服务的满意程度"), ("标签", "生活驿站"), ("共性/个性", "共性指标"), ("共享范围", "全部"), ("状态", "待审定")),
        ]));
        try
        {
            await finance.GotoAsync(baseAddress + "/indicator-library");
            await finance.ClickAsync("details#import summary");
            await finance.SetInputFilesAsync("#library-import input[type=file]", workbook);
            await finance.ClickAsync("#library-import button[type=submit]");
            await finance.WaitForSelectorAsync("#import-preview table.import");
            var preview = await finance.Locator("#import-preview table.import tbody").InnerTextAsync();
            Assert.Contains("标签：（空） → 生活驿站", preview);
            Assert.Contains("状态：待审定 → 已审定", preview);
            Assert.Contains("驿站服务满意度", preview);
            Assert.Equal("预览无误，可以确认导入。", await finance.TextContentAsync("#import-state"));
            await Browser.ShotAsync(finance, "web-indicator-library-import", top: "details#import");
            await finance.ClickAsync("#import-confirm");
            await finance.WaitForSelectorAsync("#import-state:has-text('导入完成：新增 1 条，修改 1 条。')");
        }
        finally { File.Delete(workbook); }

        // The new entry's page (linked from the result): finance approves it.
        await finance.ClickAsync("#import-preview a:has-text('驿站服务满意度')");
        await finance.WaitForURLAsync(new Regex(@"/indicator-library/\d+$"));
        var ownEntry = finance.Url;
        Assert.Contains("待审定", await finance.Locator("select[name=status]").InnerTextAsync());
        await finance.SelectOptionAsync("select[name=status]", "approved");
        await finance.ClickAsync("main form button[type=submit]");
        await finance.WaitForSelectorAsync("main :text('已保存“驿站服务满意度”')");
        await Browser.ShotAsync(finance, "web-indicator-library-entry");

        // The unit's editor offers both, each with why: 有责投诉率 first (its tag shares 生活驿站 with the project's name,
        // 3 points a pair: 9, and one 特定目标类 form uses it: 10), then 驿站服务满意度 (9). Choosing it fills the row.
        var unit = await browser.LoginAsync(baseAddress, unitUser, unitPassword);
        await unit.GotoAsync($"{baseAddress}/forms/{formId}/edit");
        await unit.WaitForSelectorAsync("#suggestions li.suggestion");
        var offered = unit.Locator("#suggestions li.suggestion");
        Assert.Equal(2, await offered.CountAsync());
        Assert.StartsWith("社会效益指标·有责投诉率 <5(%)", (await offered.Nth(0).InnerTextAsync()).Trim());
        Assert.Contains("（指标库）因为：标签与项目名称共有“生活驿站”；项目类别同为“特定目标类”的 1 张表使用", await offered.Nth(0).InnerTextAsync());
        Assert.Contains("驿站服务满意度", await offered.Nth(1).InnerTextAsync());
        await Browser.ShotAsync(unit, "web-declaration-suggestions", top: "#suggestions");
        await unit.ClickAsync("#suggestions button[data-suggestion='有责投诉率']");
        Assert.Equal("有责投诉率", await unit.InputValueAsync("tr[data-row='1'] input[name=name-1]"));
        Assert.Equal("5", await unit.InputValueAsync("tr[data-row='1'] input[name=target-1]"));
        await unit.WaitForFunctionAsync("() => !document.querySelector(\"#suggestions button[data-suggestion='有责投诉率']\")");

        // Finance retires its entry: the editor no longer offers it (the unsaved row is gone with the reload, so 有责投诉率 is offered again).
        await finance.GotoAsync(ownEntry);
        await finance.SelectOptionAsync("select[name=status]", "retired");
        await finance.ClickAsync("main form button[type=submit]");
        await finance.WaitForSelectorAsync("main :text('已保存“驿站服务满意度”')");
        await unit.ReloadAsync();
        await unit.WaitForSelectorAsync("#suggestions li.suggestion");
        Assert.Equal(["有责投诉率"], await unit.Locator("#suggestions button[data-suggestion]").EvaluateAllAsync<string[]>("b => b.map(x => x.dataset.suggestion)"));
    }
}
