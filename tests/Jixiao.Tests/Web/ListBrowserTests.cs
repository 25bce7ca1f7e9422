using Jixiao.Core.Access;
using Jixiao.Core.Workflow;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Microsoft.Playwright;

namespace Jixiao.Tests.Web;

/// <summary>The work tool in a real browser: the 工作台's counts, search and filters, a bulk approval, the public side.</summary>
[Collection("browser")]
public class ListBrowserTests(Browser browser, TestDatabases databases)
{

    [Fact]
    public async Task With_too_many_units_for_one_list_finance_picks_the_department_first_then_its_unit()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var organisations = app.Service<Jixiao.Web.Features.Organisations.OrganisationStore>();
        var finance = (await organisations.AllAsync()).Single(o => o.Kind == "finance").Id;
        var east = await organisations.EnsureAsync("东区教育局", "department", finance);
        for (var i = 1; i <= Jixiao.Web.Features.Forms.ListEndpoints.UnitChoiceLimit; i++) await organisations.EnsureAsync($"东区第{i}小学", "unit", east);
        // The seeds' 组织部 has one unit; a second makes its list a choice.
        var department = (await organisations.AllAsync()).Single(o => o.Name == "中共上海市委组织部").Id;
        await organisations.EnsureAsync("上海市党员教育中心", "unit", department);
        await app.SetStatusAsync(await app.FormIdAsync("信息化运维项目"), FormStatus.Submitted);
        var (f, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");

        var page = await browser.LoginAsync(baseAddress, f, fp);
        await page.GotoAsync(baseAddress + "/forms");
        Assert.Equal(0, await page.Locator("form.filters select[name=unit]").CountAsync());
        Assert.Contains("先选主管部门再选单位", await page.TextContentAsync("form.filters"));
        await Browser.ShotAsync(page, "web-forms-many-units");

        await page.SelectOptionAsync("form.filters select[name=department]", new SelectOptionValue { Label = "中共上海市委组织部" });
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForSelectorAsync("form.filters select[name=unit]");
        var offered = await page.Locator("form.filters select[name=unit] option").AllTextContentsAsync();
        Assert.Equal(new[] { "全部实施单位", "上海市党建服务中心", "上海市党员教育中心" }.Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
        await page.SelectOptionAsync("form.filters select[name=unit]", new SelectOptionValue { Label = "上海市党建服务中心" });
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**unit=*");
        Assert.Equal("1", await page.TextContentAsync("#total"));
        Assert.Contains("信息化运维项目", await page.TextContentAsync("table.list"));
    }

    [Fact]
    public async Task The_workbench_counts_lead_to_their_lists_search_and_filters_narrow_them_and_a_reviewer_approves_a_selection()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var (u, up) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var (d, dp) = await app.UserAsync(Role.DepartmentReviewer, "中共上海市委组织部");
        foreach (var name in new[] { "电教远教工作经费", "信息化运维项目" }) await app.SetStatusAsync(await app.FormIdAsync(name), FormStatus.Submitted);

        // The unit's 工作台: three drafts left of its five, two in review; the count is a link to the list behind it.
        var unit = await browser.LoginAsync(baseAddress, u, up);
        Assert.Equal("3", await unit.TextContentAsync("a.card:has-text('我的草稿') .count"));
        Assert.Equal("2", await unit.TextContentAsync("a.card:has-text('已提交、审核中') .count"));
        await Browser.ShotAsync(unit, "web-workbench");
        await unit.ClickAsync("a.card:has-text('我的草稿')");
        await unit.WaitForURLAsync("**/forms?status=draft");
        Assert.Equal("3", await unit.TextContentAsync("#total"));

        // Search and filters: 信息化 in the unit's forms (信息化运维项目, 信息化建设项目, and the 远程教育 project named
        // （非信息化项目）), then only the drafts among them (信息化运维项目 is submitted).
        await unit.GotoAsync(baseAddress + "/forms");
        await unit.FillAsync("form.filters input[name=q]", "信息化");
        await unit.ClickAsync("form.filters button[type=submit]");
        await unit.WaitForSelectorAsync("#total");
        Assert.Equal("3", await unit.TextContentAsync("#total"));
        await unit.SelectOptionAsync("form.filters select[name=status]", "draft");
        await unit.ClickAsync("form.filters button[type=submit]");
        await unit.WaitForFunctionAsync("() => document.querySelector('#total').textContent === '2'");
        var drafts = await unit.TextContentAsync("table.list");
        Assert.Contains("信息化建设项目", drafts);
        Assert.DoesNotContain("信息化运维项目", drafts);

        // The 主管部门 selects both submitted forms and approves them in one action.
        var dept = await browser.LoginAsync(baseAddress, d, dp);
        Assert.Equal("2", await dept.TextContentAsync("a.card:has-text('待我审核') .count"));
        await dept.ClickAsync("a.card:has-text('待我审核')");
        await dept.WaitForSelectorAsync("table.list");
        await Browser.ShotAsync(dept, "web-forms");
        await dept.CheckAsync("thead input[type=checkbox]");
        await dept.ClickAsync("button[value=approve]");
        await dept.WaitForSelectorAsync(".done, .error[role=alert]");
        Assert.Contains("已审核通过 2 张", await dept.TextContentAsync("[role=status]"));
        await dept.GotoAsync(baseAddress + "/");
        Assert.Equal("0", await dept.TextContentAsync(".card:has-text('待我审核') .count"));
        Assert.Equal("2", await dept.TextContentAsync("a.card:has-text('已审核、待财政审核') .count"));
    }

    [Fact]
    public async Task The_public_finds_published_forms_and_downloads_the_open_data()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        foreach (var name in new[] { "党建服务工作经费", "电教远教工作经费", "社区自治管理" })
        {
            var id = await app.FormIdAsync(name);
            foreach (var s in new[] { FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved, FormStatus.Published }) await app.SetStatusAsync(id, s);
        }
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(baseAddress + "/");
        Assert.Contains("财政项目支出绩效管理", await page.TextContentAsync("main"));
        await Browser.ShotAsync(page, "web-home");
        await page.ClickAsync("a.button:has-text('查看公开的绩效表')");
        await page.WaitForSelectorAsync("#total");
        Assert.Equal("3", await page.TextContentAsync("#total"));
        await page.FillAsync("form.filters input[name=q]", "中山");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForFunctionAsync("() => document.querySelector('#total').textContent === '1'");
        await Browser.ShotAsync(page, "web-public");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('CSV')"));
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);   // the BOM: Excel opens it as UTF-8
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("\uFEFF表编号", text);
        Assert.Contains("社区自治管理", text);
    }
}
