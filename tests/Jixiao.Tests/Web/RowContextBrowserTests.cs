using Jixiao.Core.Access;
using Jixiao.Core.Interchange;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Organisations;

namespace Jixiao.Tests.Web;

/// <summary>The declaration editor in a real browser: beside a row the unit's own figures of last year; last year's other rows offered.</summary>
[Collection("browser")]
public class RowContextBrowserTests(Browser browser, TestDatabases databases)
{
    [Fact]
    public async Task A_declared_row_shows_last_years_target_and_actual_beside_it_and_last_years_other_rows_are_offered()
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
            // Last year's form had one more row, which this year's declaration has not: it is offered.
            if (form.Year == 2023)
                form.Indicators.Add(new Jixiao.Core.Model.Indicator { Level1 = "产出指标", Level2 = "数量指标", Name = "党员参与人次",
                    Target = Jixiao.Core.Parsing.ValueParser.ParseTarget("≥200(人次)"), Actual = Jixiao.Core.Parsing.ValueParser.ParseActual("230人次"), Weight = 20m, Score = 20m });
            id = (await store.ImportAsync(form, unitId, "test")).Id;
        }
        var (user, password) = await app.UserAsync(Role.Unit, unitName);

        var page = await browser.LoginAsync(baseAddress, user, password);
        await page.GotoAsync($"{baseAddress}/forms/{id}/edit");
        var context = page.Locator("[data-working='0'] .context");
        await context.WaitForAsync();
        Assert.Equal("2023 年：指标值 ≥4次，实际 5次", (await context.InnerTextAsync()).Trim());
        await Browser.ShotAsync(page, "web-declaration-context");

        // 推荐指标: 添加 puts last year's row, with its target, at the end of the table.
        await page.ClickAsync("#suggestions button[data-suggestion='党员参与人次']");
        Assert.Equal("党员参与人次", await page.InputValueAsync("tr[data-row='1'] input[name=name-1]"));
        Assert.Equal("200", await page.InputValueAsync("tr[data-row='1'] input[name=target-1]"));
        await page.WaitForFunctionAsync("() => !document.querySelector('#suggestions button')");
    }
}
