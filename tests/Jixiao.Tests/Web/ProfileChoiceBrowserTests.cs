using Jixiao.Formats.Import;
using Jixiao.Storage;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Web;

/// <summary>The form page says which scoring profile it used and why, in a real browser.</summary>
[Collection("browser")]
public class ProfileChoiceBrowserTests(Browser browser, TestDatabases databases)
{
    [Fact]
    public async Task An_imported_yunnan_form_shows_its_20_point_profile_and_why_and_no_false_error()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        var form = FormImporter.ImportFile(TestData.CaseInput("corpus-009")).Forms.Single();
        var (id, _) = await app.Service<FormStore>().ImportAsync(form, null, "test");

        var page = await browser.LoginAsync(baseAddress, "admin", WebApp.AdminPassword);
        await page.GotoAsync($"{baseAddress}/forms/{id}");
        var reason = page.Locator(".findings .profile-reason");
        await reason.WaitForAsync();
        var text = await reason.InnerTextAsync();
        Assert.StartsWith("为何用此方案：", text);
        Assert.Contains("云南省", text);
        Assert.Contains("“隆阳区”（保山市", text);
        Assert.Contains("表上得分 2.16 与之相符（20 × 10.77% = 2.15）", text);
        Assert.Contains("评分方案 yunnan-2022（云南省）", await page.Locator(".findings .note").First.InnerTextAsync());
        // The cut-off form keeps its gate errors (form-incomplete …); none is about the 执行率 weight or score.
        var errors = await page.Locator(".findings tr.error").AllInnerTextsAsync();
        Assert.DoesNotContain(errors, e => e.Contains("execution-") || e.Contains("执行率"));
        Assert.Contains("20 × 10.77% = 2.15/20.00", await page.Locator(".working").InnerTextAsync());
        await Browser.ShotAsync(page, "web-form-profile-reason", ".findings");
    }
}
