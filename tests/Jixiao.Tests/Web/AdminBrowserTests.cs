using Jixiao.Formats.Xlsx;
using Jixiao.Tests.Storage;
using Microsoft.Playwright;

namespace Jixiao.Tests.Web;

/// <summary>The administrator's pages in a real browser: a unit and its account made there, and the account's first login.</summary>
[Collection("browser")]
public class AdminBrowserTests(Browser browser, TestDatabases databases)
{

    [Fact]
    public async Task A_unit_and_its_account_made_in_the_admin_pages_log_in_and_the_person_sets_a_password_on_the_account_page()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var admin = await browser.LoginAsync(baseAddress, "admin", WebApp.AdminPassword, "/");

        // The administrator adds a unit under a 主管部门 chosen from the picker, not typed as a number.
        await admin.GotoAsync(baseAddress + "/admin");
        await admin.FillAsync("#organisations input[name=name]", "上海市普陀区长征镇社区党群服务中心");
        await admin.SelectOptionAsync("#organisations select[name=kind]", "unit");
        await admin.SelectOptionAsync("#organisations select[name=parentId]", new SelectOptionValue { Label = "中共上海市委组织部" });
        await admin.ClickAsync("#organisations button:has-text('新增机构')");
        await admin.WaitForSelectorAsync(".done:has-text('已新增机构')");
        Assert.Contains("上海市普陀区长征镇社区党群服务中心", await admin.TextContentAsync("ul.tree"));

        // Then its account, with a real name, in the organisation just made.
        await admin.FillAsync("#users input[name=username]", "changzheng");
        await admin.FillAsync("#users input[name=realName]", "钱程");
        await admin.SelectOptionAsync("#users form.admin-form select[name=role]", "unit");
        await admin.SelectOptionAsync("#users form.admin-form select[name=organisationId]", new SelectOptionValue { Label = "上海市普陀区长征镇社区党群服务中心" });
        await admin.FillAsync("#users input[name=password]", "长征镇初始密码-2026");
        await admin.ClickAsync("#users button:has-text('新增账号')");
        await admin.WaitForSelectorAsync(".done:has-text('已新增账号')");
        Assert.Contains("钱程", await admin.TextContentAsync("table.facts"));
        await admin.GotoAsync(baseAddress + "/admin");
        Assert.Contains("钱程", await admin.TextContentAsync("table.users"));
        await Browser.ShotAsync(admin, "web-admin");

        // The import page: a workbook previewed with its problems named by sheet, row and column.
        var workbook = Path.Combine(Path.GetTempPath(), $"jixiao-admin-{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(workbook, XlsxTables.Write(
        [
            new TableSheet("机构", ["名称", "类型", "上级机构"],
            [
                ["上海市普陀区人民政府长征镇", "主管部门", "财政局"],
                ["长征镇社区文化活动中心", "实施单位", "上海市普陀区人民政府长征镇"],
                ["长征镇社区事务受理服务中心", "实施单位", "上海市普陀区人民政府长征镇"],
                ["长征镇城市运行管理中心", "单位", "上海市普陀区人民政府长征镇"],
            ]),
            new TableSheet("账号", ["用户名", "姓名", "角色", "所属机构", "初始密码"],
            [
                ["cz-wenhua", "刘洋", "单位填报", "长征镇社区文化活动中心", ""],
                ["cz-shiwu", "陈静", "单位填报", "长征镇社区事务受理服务中心", ""],
                ["cz-shenhe", "黄磊", "主管部门审核", "上海市普陀区人民政府长征镇", ""],
                ["cz-yunxing", "吴敏", "单位填报", "长征镇城市运行管理中心", "123"],
            ]),
        ]));
        try
        {
            await admin.GotoAsync(baseAddress + "/admin/import");
            await admin.SetInputFilesAsync("#admin-import input[type=file]", workbook);
            await admin.ClickAsync("#admin-import button[type=submit]");
            await admin.WaitForSelectorAsync("#import-preview table.problems");
            var preview = await admin.TextContentAsync("#import-preview");
            var problem = await admin.TextContentAsync("#import-preview table.problems tbody tr:first-child");
            Assert.Equal("机构5类型（B5）类型应为财政部门、主管部门或实施单位，不是“单位”", problem);
            Assert.Contains("初始密码（E5）", preview);
            Assert.Contains("有问题", await admin.TextContentAsync("#import-preview table:nth-of-type(2)"));
            Assert.True(await admin.IsHiddenAsync("#import-confirm"));
            await Browser.ShotAsync(admin, "web-admin-import");
        }
        finally { File.Delete(workbook); }

        // The person logs in with the password the administrator chose, and must set their own before anything else.
        var person = await browser.LoginAsync(baseAddress, "changzheng", "长征镇初始密码-2026", "/account");
        Assert.Contains("请先设置自己的新密码", await person.ContentAsync());
        await person.GotoAsync(baseAddress + "/forms");
        await person.WaitForURLAsync("**/account");
        Assert.Contains("钱程（单位填报）", await person.TextContentAsync("header"));
        await person.FillAsync("input[name=current]", "长征镇初始密码-2026");
        await person.FillAsync("input[name=new]", "钱程自己的密码-2026");
        await person.FillAsync("input[name=repeat]", "钱程自己的密码-2026");
        await Browser.ShotAsync(person, "web-account");
        await person.ClickAsync("form.password button[type=submit]");
        await person.WaitForURLAsync(baseAddress + "/");   // the 工作台
        Assert.Contains("密码已修改", await person.TextContentAsync(".done"));

        // The new password is the one that opens the account now.
        var again = await browser.LoginAsync(baseAddress, "changzheng", "钱程自己的密码-2026", "/");
        await again.ClickAsync("header a:has-text('我的账号')");
        await again.WaitForURLAsync("**/account");
        Assert.Contains("上海市普陀区长征镇社区党群服务中心", await again.TextContentAsync("table.account"));
    }
}
