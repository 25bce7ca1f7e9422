using Jixiao.Core.Access;
using Jixiao.Core.Interchange;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Organisations;

namespace Jixiao.Tests.Web;

/// <summary>The declaration editor in a real browser shows beside a row the unit's own figures of last year.</summary>
[Collection("browser")]
public class RowContextBrowserTests(Browser browser, TestDatabases databases)
{
    [Fact]
    public async Task A_declared_row_shows_last_years_target_and_actual_beside_it()
    {
        var (app, baseAddress) = await WebApp.StartOnSocketAsync(databases, "sqlite");
        using var _ = app;
        const string unitName = "上海市奉贤区西渡街道社区党群服务中心";
        var store = app.Service<FormStore>();
        var unitId = (await app.Service<OrganisationStore>().AllAsync()).Single(o => o.Name == unitName && o.Kind == "unit").Id;
        long id = 0;
        foreach (var file in new[] { "2023-self-evaluation.json", "2024-declaration.json" })
        {
            var form = FormJsonReader.Parse(File.ReadAllText(Path.Combine(TestData.Root, "ambition", file)));
            form.ImplementingUnit = unitName;
            form.Department = "上海市奉贤区人民政府西渡街道办事处";
            id = (await store.ImportAsync(form, unitId, "test")).Id;
        }
        var (user, password) = await app.UserAsync(Role.Unit, unitName);

        var page = await browser.LoginAsync(baseAddress, user, password);
        await page.GotoAsync($"{baseAddress}/forms/{id}/edit");
        var context = page.Locator("[data-working='0'] .context");
        await context.WaitForAsync();
        Assert.Equal("2023 年：指标值 ≥4次，实际 5次", (await context.InnerTextAsync()).Trim());
        await Browser.ShotAsync(page, "web-declaration-context");
    }
}
