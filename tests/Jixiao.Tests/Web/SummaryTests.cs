using Jixiao.Core.Workflow;
using System.Net;
using Jixiao.Formats.Import;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Core.Access;

namespace Jixiao.Tests.Web;

[Collection("databases")]
public class SummaryTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_units_summary_of_the_year_downloads_with_all_its_declarations(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var unit = (long)(await WebApp.JsonAsync(await admin.GetAsync("/api/organisations"))).AsArray()
            .Single(o => (string?)o!["name"] == "上海市奉贤区西渡街道社区党群服务中心")!["id"]!;

        var xlsx = await admin.GetAsync($"/api/summaries?unit={unit}&year=2024&format=xlsx");
        var html = await (await admin.GetAsync($"/api/summaries?unit={unit}&year=2024&format=html")).Content.ReadAsStringAsync();
        var wrongYear = await admin.GetAsync($"/api/summaries?unit={unit}&year=2023&format=xlsx");
        var badFormat = await admin.GetAsync($"/api/summaries?unit={unit}&year=2024&format=doc");
        var (u, p) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var otherUnit = await (await app.ClientAsync(u, p)).GetAsync($"/api/summaries?unit={unit}&year=2024&format=html");

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var back = FormImporter.Import(await xlsx.Content.ReadAsByteArrayAsync(), "summary.xlsx").Forms;
        Assert.Equal(new[] { "专户项目经费", "党建经费", "生活驿站运行经费" }.Order(StringComparer.Ordinal),
                     back.Select(f => f.ProjectName!).Order(StringComparer.Ordinal));
        Assert.Contains("项目绩效目标汇总表", html);
        Assert.Equal(HttpStatusCode.NotFound, wrongYear.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherUnit.StatusCode);
    }
}
