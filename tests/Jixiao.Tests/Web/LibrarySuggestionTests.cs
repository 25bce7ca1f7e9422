using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Access;
using Jixiao.Core.Interchange;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Web;

/// <summary>
/// 推荐指标 from the 指标库 over HTTP on both databases: approved entries ranked by the words they share with the
/// project's name and 类别 and by their use (<see cref="Jixiao.Core.Library.LibrarySuggestions"/>), each saying why.
/// </summary>
[Collection("databases")]
public class LibrarySuggestionTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_declaration_is_offered_the_approved_entries_tagged_for_it_with_the_librarys_median_target(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (fu, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var finance = await app.ClientAsync(fu, fp);
        var (uu, up) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var unit = await app.ClientAsync(uu, up);
        await finance.PostAsJsonAsync("/api/indicator-library/seed", new { });
        async Task<long> Entry(string name) =>
            (long)(await WebApp.JsonAsync(await finance.GetAsync("/api/indicator-library?q=" + Uri.EscapeDataString(name))))["entries"]![0]!["id"]!;
        // 有责投诉率 (seed-003: <5.00(%) in 2024) approved for all, tagged 生活驿站; 群众满意度 tagged too but left proposed.
        Assert.True((await finance.PutAsJsonAsync($"/api/indicator-library/{await Entry("有责投诉率")}",
            new { tags = new[] { "生活驿站" }, scope = "all", status = "approved" })).IsSuccessStatusCode);
        Assert.True((await finance.PutAsJsonAsync($"/api/indicator-library/{await Entry("群众满意度")}", new { tags = new[] { "生活驿站" } })).IsSuccessStatusCode);

        var declaration = new TargetDeclaration
        {
            Year = 2025, ProjectName = "社区生活驿站提升项目", Department = "中共上海市委组织部", ImplementingUnit = "上海市党建服务中心",
            ProjectCategory = "特定目标类",
        };
        declaration.Funds.AnnualTotal = 100000m;
        declaration.Indicators.Add(new Indicator { Level1 = "产出指标", Level2 = "数量指标", Name = "驿站改造个数", Target = ValueParser.ParseTarget("≥2(个)") });
        var check = await unit.PostAsync("/api/check", new StringContent(FormJson.ToJson(declaration).ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var suggestions = (await WebApp.JsonAsync(check))["suggestions"]!.AsArray();

        // 生活驿站 is in the project's name: the approved entry, at its median (one 2024 target, 5) with its comparator and
        // unit. Its one form (seed-003's 生活驿站运行经费) is 特定目标类 too; it is of 西渡街道, not the 市委组织部 of this unit.
        var offered = Assert.Single(suggestions)!;
        Assert.Equal("有责投诉率", (string?)offered["name"]);
        Assert.Equal("<5(%)", (string?)offered["target"]!["text"]);
        Assert.Equal(5m, (decimal)offered["target"]!["value"]!);
        Assert.Equal("指标库", (string?)offered["source"]);
        Assert.Equal("因为：标签与项目名称共有“生活驿站”；项目类别同为“特定目标类”的 1 张表使用", (string?)offered["because"]);

        // Once the row is in the declaration it is not offered again.
        declaration.Indicators.Add(new Indicator { Level1 = "效益指标", Level2 = "社会效益指标", Name = "有责投诉率", Target = ValueParser.ParseTarget("<5(%)") });
        var again = await unit.PostAsync("/api/check", new StringContent(FormJson.ToJson(declaration).ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Empty((await WebApp.JsonAsync(again))["suggestions"]!.AsArray());
    }
}
