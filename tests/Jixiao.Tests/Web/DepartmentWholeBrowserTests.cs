using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Web;

/// <summary>A 部门整体 form uploaded through the import page in a real browser, then its page and the list by kind.</summary>
[Collection("browser")]
public class DepartmentWholeBrowserTests(Browser browser, TestDatabases databases)
{
    [Fact]
    public async Task A_department_self_evaluation_is_uploaded_previewed_saved_and_shown_in_the_official_layout()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var page = await browser.LoginAsync(baseAddress, "admin", WebApp.AdminPassword);
        await page.GotoAsync(baseAddress + "/imports");

        await page.SetInputFilesAsync("input[type=file]",
            [Path.Combine(TestData.Root, "department-whole", "self-evaluation-by-nature.md"), TestData.CaseInput("corpus-117")]);
        await page.ClickAsync("#upload button[type=submit]");
        await page.WaitForSelectorAsync("#preview table");
        var preview = await page.TextContentAsync("#preview");
        Assert.Contains("示例县文化馆部门整体支出", preview);
        Assert.Contains("浮梁县林业局部门整体支出", preview);
        Assert.Contains("内容不完整", preview);   // 117 stops after its 34th line
        await page.ClickAsync("#confirm");
        await page.WaitForSelectorAsync("#upload-state:has-text('导入完成')");

        await page.ClickAsync("#preview a:has-text('示例县文化馆部门整体支出')");
        await page.WaitForSelectorAsync("section.jx-department-self-evaluation");
        var form = await page.TextContentAsync("main");
        Assert.Contains("部门整体支出绩效自评表", form);
        Assert.Contains("基本支出", form);
        Assert.Contains("98.97", form);
        Assert.Contains("计分过程", form);
        await Browser.ShotAsync(page, "web-department-self-evaluation", "section.jx-form");

        await page.GotoAsync(baseAddress + "/forms?kind=department-declaration");
        var list = await page.TextContentAsync("main");
        Assert.Contains("部门整体目标表", list);
        Assert.Contains("浮梁县林业局部门整体支出", list);
        Assert.DoesNotContain("示例县文化馆部门整体支出", list);
        await Browser.ShotAsync(page, "web-department-whole-list", "main");
    }
}
