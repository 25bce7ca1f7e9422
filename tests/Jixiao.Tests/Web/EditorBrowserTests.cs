using System.Text.RegularExpressions;
using Jixiao.Core.Access;
using Jixiao.Core.Workflow;
using Jixiao.Tests.Storage;
using Microsoft.Playwright;

namespace Jixiao.Tests.Web;

/// <summary>
/// Issue 10, items 5, 6 and 8 in a real browser at 1280×800: the history after an insert, return comments beside
/// their rows and marked addressed, the editor protecting unsaved work and rows, and a 自评表 that fits the screen.
/// </summary>
[Collection("browser")]
public class EditorBrowserTests(Browser browser, TestDatabases databases)
{
    const string Unit = "上海市奉贤区西渡街道社区党群服务中心";
    const string Department = "上海市奉贤区人民政府西渡街道办事处";
    const string Declaration = "生活驿站运行经费";   // seed 003: a declaration of 11 rows, no errors

    /// <summary>Waits until the editor has checked the form as it now stands (the findings and the working are drawn).</summary>
    static Task CheckedAsync(IPage page) =>
        page.WaitForFunctionAsync("() => Number(document.getElementById('editor').dataset.checked || 0) > 0");

    [Fact]
    public async Task The_history_after_inserting_a_row_in_the_middle_shows_one_addition()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var (u, p) = await app.UserAsync(Role.Unit, Unit);
        var id = await app.FormIdAsync(Declaration);
        var unit = await browser.LoginAsync(baseAddress, u, p);
        await unit.GotoAsync($"{baseAddress}/forms/{id}/edit");
        await CheckedAsync(unit);

        // A new row at the end, moved up to be the 4th of 12.
        await unit.ClickAsync("#add-row");
        await unit.SelectOptionAsync("tr[data-row='11'] select[aria-label='二级指标']", "数量指标");
        await unit.FillAsync("input[name=name-11]", "新增监控点位");
        await unit.SelectOptionAsync("tr[data-row='11'] select[aria-label='比较符']", "≥");
        await unit.FillAsync("input[name=target-11]", "6");
        await unit.FillAsync("input[name=unit-11]", "个");
        for (int row = 11; row > 3; row--) await unit.ClickAsync($"tr[data-row='{row}'] button[title='上移']");
        Assert.Equal("新增监控点位", await unit.InputValueAsync("input[name=name-3]"));
        await unit.ClickAsync("#save");
        await unit.WaitForSelectorAsync("#save-state:has-text('已保存')");
        await unit.GotoAsync($"{baseAddress}/forms/{id}");

        var latest = unit.Locator("section.history li.block").First;
        var lines = await latest.Locator("ul.changes > li").AllTextContentsAsync();
        Assert.Contains("保存，第 2 版", await latest.Locator(".meta").TextContentAsync());
        var line = Assert.Single(lines);
        Assert.Equal("新增第 4 行三级指标“新增监控点位”（产出指标·数量指标，指标值 ≥6(个)）", line.Trim());
    }

    [Fact]
    public async Task Return_comments_sit_beside_their_rows_in_the_editor_follow_them_and_are_marked_addressed()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var (u, p) = await app.UserAsync(Role.Unit, Unit);
        var (d, dp) = await app.UserAsync(Role.DepartmentReviewer, Department);
        var id = await app.FormIdAsync(Declaration);
        await app.SetStatusAsync(id, FormStatus.Submitted);

        // The 主管部门 returns it with a reason and comments on rows 2 and 4.
        var dept = await browser.LoginAsync(baseAddress, d, dp);
        await dept.GotoAsync($"{baseAddress}/forms/{id}");
        var row2 = (await dept.TextContentAsync("details.row-comments tr:nth-child(2) td:first-child"))!.Trim();
        await dept.FillAsync(".action-return input[name=reason]", "请按意见修改指标，并补充成本指标的测算依据");
        await dept.ClickAsync("details.row-comments summary");
        await dept.FillAsync("input[name=comment-2]", "指标值应与年度总体目标中的数字一致");
        await dept.FillAsync("input[name=comment-4]", "请写明计量单位");
        await dept.ClickAsync(".action-return button");
        await dept.WaitForSelectorAsync(".done");

        // The unit opens the editor: the reason on top, each comment under its own row.
        var unit = await browser.LoginAsync(baseAddress, u, p);
        await unit.GotoAsync($"{baseAddress}/forms/{id}/edit");
        await CheckedAsync(unit);
        Assert.Contains("请按意见修改指标", await unit.TextContentAsync("#return-reason"));
        Assert.True(await unit.EvaluateAsync<bool>(
            "() => document.getElementById('return-reason').compareDocumentPosition(document.getElementById('editor')) === Node.DOCUMENT_POSITION_FOLLOWING"));
        Assert.Contains("指标值应与年度总体目标中的数字一致", await unit.TextContentAsync("tr[data-row='1'] + tr.comment-row"));
        Assert.Contains("请写明计量单位", await unit.TextContentAsync("tr[data-row='3'] + tr.comment-row"));
        Assert.Equal(2, await unit.Locator("tr.comment-row").CountAsync());
        await unit.CheckAsync("tr[data-row='1'] + tr.comment-row input[type=checkbox]");
        await unit.WaitForSelectorAsync("tr[data-row='1'] + tr.comment-row .addressed");
        await Browser.ShotAsync(unit, "web-editor-comments", "#return-reason");

        // A row inserted above them: the comments go with their rows, not with the row numbers.
        await unit.ClickAsync("#add-row");
        for (int row = 11; row > 0; row--) await unit.ClickAsync($"tr[data-row='{row}'] button[title='上移']");
        await unit.SelectOptionAsync("tr[data-row='0'] select[aria-label='二级指标']", "经济成本指标");
        await unit.FillAsync("input[name=name-0]", "项目预算控制数");
        await unit.SelectOptionAsync("tr[data-row='0'] select[aria-label='比较符']", "≤");
        await unit.FillAsync("input[name=target-0]", "296000");
        await unit.FillAsync("input[name=unit-0]", "元");
        Assert.Contains("指标值应与年度总体目标中的数字一致", await unit.TextContentAsync("tr[data-row='2'] + tr.comment-row"));
        Assert.Contains("请写明计量单位", await unit.TextContentAsync("tr[data-row='4'] + tr.comment-row"));

        // The mark was saved at once, apart from the form; it is kept after the save and a reload.
        Assert.True(await unit.IsCheckedAsync("tr[data-row='2'] + tr.comment-row input[type=checkbox]"));
        await unit.ClickAsync("#save");
        await unit.WaitForSelectorAsync("#save-state:has-text('已保存')");
        await unit.ReloadAsync();
        await CheckedAsync(unit);
        Assert.True(await unit.IsCheckedAsync("tr[data-row='2'] + tr.comment-row input[type=checkbox]"));
        Assert.False(await unit.IsCheckedAsync("tr[data-row='4'] + tr.comment-row input[type=checkbox]"));

        // Resubmitted: the reviewer sees which comments were addressed.
        await unit.GotoAsync($"{baseAddress}/forms/{id}");
        await unit.FillAsync(".action-submit input[name=acknowledgement]", "警告已逐条核对，按意见修改后提交。");
        await unit.ClickAsync(".action-submit button");
        await unit.WaitForSelectorAsync(".done");
        await dept.GotoAsync($"{baseAddress}/forms/{id}");
        var comments = await dept.Locator("section.returned li").AllTextContentsAsync();
        Assert.Equal(2, comments.Count);
        Assert.StartsWith($"第 2 行“{row2.Split(". ", 2)[1]}”：指标值应与年度总体目标中的数字一致", comments[0]);
        Assert.Contains("已处理", comments[0]);
        Assert.Contains("未处理", comments[1]);
        // The unit's save is one line: the rows after the inserted one did not "change".
        var save = await dept.Locator("section.history li.block-edit ul.changes > li").AllTextContentsAsync();
        Assert.StartsWith("新增第 1 行三级指标“项目预算控制数”", Assert.Single(save));
        await Browser.ShotAsync(dept, "web-history", "section.history");
    }

    [Fact]
    public async Task Leaving_with_unsaved_changes_asks_first_and_after_saving_does_not()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var (u, p) = await app.UserAsync(Role.Unit, Unit);
        var id = await app.FormIdAsync(Declaration);
        var unit = await browser.LoginAsync(baseAddress, u, p);
        var dialogs = new List<string>();
        unit.Dialog += async (_, dialog) => { dialogs.Add(dialog.Type); await dialog.DismissAsync(); };
        await unit.GotoAsync($"{baseAddress}/forms/{id}/edit");
        await CheckedAsync(unit);

        await unit.FillAsync("input[name=projectName]", "生活驿站运行经费（修订）");
        // The click starts a navigation that the page's warning holds up; the person answers "stay".
        await unit.ClickAsync("header a[href='/forms']");
        await unit.WaitForTimeoutAsync(500);
        var stayed = unit.Url;
        await unit.ClickAsync("#save");
        await unit.WaitForSelectorAsync("#save-state:has-text('已保存')");
        await unit.ClickAsync("header a[href='/forms']");
        await unit.WaitForURLAsync("**/forms");

        Assert.Equal(["beforeunload"], dialogs);
        Assert.EndsWith($"/forms/{id}/edit", stayed);
    }

    [Fact]
    public async Task Deleting_a_row_asks_first_and_a_no_keeps_it()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var (u, p) = await app.UserAsync(Role.Unit, Unit);
        var id = await app.FormIdAsync(Declaration);
        var unit = await browser.LoginAsync(baseAddress, u, p);
        await unit.GotoAsync($"{baseAddress}/forms/{id}/edit");
        await CheckedAsync(unit);
        var first = await unit.InputValueAsync("input[name=name-0]");
        var second = await unit.InputValueAsync("input[name=name-1]");
        var asked = new List<string>();
        var answer = false;
        unit.Dialog += async (_, dialog) =>
        {
            asked.Add($"{dialog.Type}: {dialog.Message}");
            if (answer) await dialog.AcceptAsync(); else await dialog.DismissAsync();
        };

        await unit.ClickAsync("tr[data-row='0'] button.delete-row");
        var afterNo = await unit.Locator("#indicator-rows > tr[data-row]").CountAsync();
        answer = true;
        await unit.ClickAsync("tr[data-row='0'] button.delete-row");
        var afterYes = await unit.Locator("#indicator-rows > tr[data-row]").CountAsync();

        Assert.Equal(2, asked.Count);
        Assert.Equal($"confirm: 删除第 1 行“{first}”？保存后才生效。", asked[0]);
        Assert.Equal(11, afterNo);
        Assert.Equal(10, afterYes);
        Assert.Equal(second, await unit.InputValueAsync("input[name=name-0]"));
    }

    [Fact]
    public async Task The_editors_messages_name_fields_in_chinese_never_by_json_path()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var (u, p) = await app.UserAsync(Role.Unit, Unit);
        var id = await app.FormIdAsync(Declaration);
        var mine = await browser.LoginAsync(baseAddress, u, p);
        var theirs = await browser.LoginAsync(baseAddress, u, p);
        await mine.GotoAsync($"{baseAddress}/forms/{id}/edit");
        await theirs.GotoAsync($"{baseAddress}/forms/{id}/edit");
        await CheckedAsync(mine);
        await CheckedAsync(theirs);

        // Someone else saves first; my save is refused with what they changed.
        await theirs.FillAsync("input[name=annualTotal]", "300000.00");
        await theirs.FillAsync("tr[data-row='2'] input[name=target-2]", "95");
        await theirs.ClickAsync("#save");
        await theirs.WaitForSelectorAsync("#save-state:has-text('已保存')");
        await mine.FillAsync("textarea[name=overallGoal]", "三年内建成覆盖全街道的生活驿站网络。");
        await mine.ClickAsync("#save");
        await mine.WaitForSelectorAsync("#save-state.error");
        var conflict = (await mine.TextContentAsync("#save-state"))!;
        // A row without a name: the message names the row by its number and the field in words.
        await mine.FillAsync("input[name=name-1]", "");
        await mine.WaitForFunctionAsync("() => document.getElementById('findings').textContent.includes('不能保存')");
        var findings = (await mine.TextContentAsync("#findings"))!;

        Assert.Contains("已被他人修改", conflict);
        Assert.Contains("项目资金·年度资金申请总额由 296000.00 改为 300000.00", conflict);
        Assert.Contains("第 3 行三级指标“", conflict);
        Assert.Contains("请填写第 2 行的三级指标名称", findings);
        foreach (var text in new[] { conflict, findings })
            Assert.DoesNotMatch(@"[a-z]+[A-Z]?[a-z]*\.[a-z]|indicators\[|funds\.|annualTotal", text);
    }

    [Fact]
    public async Task The_self_evaluation_editor_fits_1280_pixels_without_horizontal_scrolling()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        // 党群综合服务: an imported 自评表 of 31 rows with long names and working, edited with every field open.
        var (u, p) = await app.UserAsync(Role.Unit, "上海市松江区中山街道社区党群服务中心");
        var id = await app.FormIdAsync("党群综合服务");
        var unit = await browser.LoginAsync(baseAddress, u, p);
        await unit.GotoAsync($"{baseAddress}/forms/{id}/edit");
        await CheckedAsync(unit);
        await unit.WaitForFunctionAsync("() => document.querySelector('td.working[data-working=\"30\"]').textContent.length > 0");

        var width = await unit.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var table = await unit.EvaluateAsync<double>("() => document.querySelector('table.indicators').getBoundingClientRect().right");

        Assert.True(width <= 1280, $"scrollWidth {width}");
        Assert.True(table <= 1280, $"the table ends at {table}");
        Assert.Equal(31, await unit.Locator("#indicator-rows > tr[data-row]").CountAsync());
    }
}
