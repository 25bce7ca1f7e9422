using System.Net;
using System.Net.Http.Json;
using Jixiao.Core.Access;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Web;

/// <summary>
/// The 指标库 over HTTP on both databases, seeded from the demo's seed forms. 长效管理机制健全性 is printed only in
/// seed-003, in all three of its 2024 declarations (党建经费, 专户项目经费, 生活驿站运行经费) of 上海市奉贤区西渡街道社区党群服务中心,
/// always 建立健全 (no figures); 有责投诉率 only in its 生活驿站运行经费, &lt;5.00(%).
/// </summary>
[Collection("databases")]
public class IndicatorLibraryHttpTests(TestDatabases databases)
{
    const string Xidu = "上海市奉贤区西渡街道社区党群服务中心";

    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Finance_seeds_the_library_from_the_seed_forms_searches_it_and_curates_it_while_units_see_what_is_shared_with_them(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (fu, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var finance = await app.ClientAsync(fu, fp);
        var (xu, xp) = await app.UserAsync(Role.Unit, Xidu);
        var xidu = await app.ClientAsync(xu, xp);
        var (ou, op) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var other = await app.ClientAsync(ou, op);

        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.ClientAsync()).GetAsync("/api/indicator-library")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await xidu.PostAsJsonAsync("/api/indicator-library/seed", new { })).StatusCode);

        var seeded = await WebApp.JsonAsync(await finance.PostAsJsonAsync("/api/indicator-library/seed", new { }));
        var added = (int)seeded["added"]!;
        Assert.True(added > 65, $"seed-003 alone gives 65 entries; got {added}");
        Assert.Equal(0, (int)seeded["refreshed"]!);
        // Seeding again adds nothing and refreshes every entry.
        var again = await WebApp.JsonAsync(await finance.PostAsJsonAsync("/api/indicator-library/seed", new { }));
        Assert.Equal((0, added), ((int)again["added"]!, (int)again["refreshed"]!));

        var found = await WebApp.JsonAsync(await finance.GetAsync("/api/indicator-library?q=" + Uri.EscapeDataString("长效管理机制健全性")));
        Assert.True((bool)found["mayCurate"]!);
        var entry = Assert.Single(found["entries"]!.AsArray())!;
        Assert.Equal(("效益指标", "可持续影响指标", "长效管理机制健全性"), ((string)entry["level1"]!, (string)entry["level2"]!, (string)entry["name"]!));
        Assert.Equal((3, 3, 0, 1), ((int)entry["forms"]!, (int)entry["declarations"]!, (int)entry["selfEvaluations"]!, (int)entry["units"]!));
        Assert.Equal(("proposed", "unit", Xidu), ((string)entry["status"]!, (string)entry["scope"]!, (string?)entry["owner"]));
        Assert.Empty(entry["years"]!.AsArray());
        var id = (long)entry["id"]!;

        var complaints = Assert.Single((await WebApp.JsonAsync(await finance.GetAsync("/api/indicator-library?q=" + Uri.EscapeDataString("有责投诉率"))))["entries"]!.AsArray())!;
        Assert.Equal(("<", "%", 1), ((string)complaints["comparator"]!, (string)complaints["unit"]!, (int)complaints["forms"]!));
        var year = Assert.Single(complaints["years"]!.AsArray())!;
        Assert.Equal((2024, 1, 5m, 5m, 5m), ((int)year["year"]!, (int)year["targets"]!["count"]!, (decimal)year["targets"]!["lower"]!,
            (decimal)year["targets"]!["median"]!, (decimal)year["targets"]!["upper"]!));
        Assert.Null(year["actuals"]);

        // A proposed entry: its own unit sees it, another unit does not; neither may curate.
        string Search(string q) => "/api/indicator-library?q=" + Uri.EscapeDataString(q);
        var mine = await WebApp.JsonAsync(await xidu.GetAsync(Search("长效管理机制健全性")));
        Assert.False((bool)mine["mayCurate"]!);
        Assert.Single(mine["entries"]!.AsArray());
        Assert.Empty((await WebApp.JsonAsync(await other.GetAsync(Search("长效管理机制健全性"))))["entries"]!.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await xidu.PutAsJsonAsync($"/api/indicator-library/{id}", new { status = "approved" })).StatusCode);

        // Bad moves and codes: 400, in Chinese.
        var skip = await finance.PutAsJsonAsync($"/api/indicator-library/{id}", new { status = "retired" });
        Assert.Equal(HttpStatusCode.BadRequest, skip.StatusCode);
        var error = await WebApp.JsonAsync(skip);
        Assert.Equal("指标状态不能从“待审定”改为“已停用”（只能 待审定 → 已审定 → 已停用）", (string)error["error"]!);
        Assert.Equal("status", (string)error["field"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.PutAsJsonAsync($"/api/indicator-library/{id}", new { status = "done" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.PutAsJsonAsync($"/api/indicator-library/{id}", new { valueBasis = "guess" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await finance.PutAsJsonAsync("/api/indicator-library/999999", new { status = "approved" })).StatusCode);

        // Finance approves it for everyone, with its texts; the other unit now sees it.
        var curated = await finance.PutAsJsonAsync($"/api/indicator-library/{id}", new
        {
            explanation = "项目建立的长效管理制度是否健全", method = "查阅制度文件", valueBasis = "plan", tags = new[] { "党建", "基层服务" },
            nature = "common", scope = "all", status = "approved",
        });
        Assert.True(curated.IsSuccessStatusCode, await curated.Content.ReadAsStringAsync());
        var doc = await WebApp.JsonAsync(curated);
        Assert.Equal(("approved", "all", "common", "plan"), ((string)doc["status"]!, (string)doc["scope"]!, (string)doc["nature"]!, (string)doc["valueBasis"]!));
        Assert.Equal(["党建", "基层服务"], doc["tags"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(fu, (string)doc["updatedBy"]!);
        Assert.Single((await WebApp.JsonAsync(await other.GetAsync(Search("基层服务"))))["entries"]!.AsArray());
        // Approved back to proposed is no move either.
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.PutAsJsonAsync($"/api/indicator-library/{id}", new { status = "proposed" })).StatusCode);

        // A new seed keeps what finance curated and refreshes the figures only.
        await finance.PostAsJsonAsync("/api/indicator-library/seed", new { });
        var kept = Assert.Single((await WebApp.JsonAsync(await finance.GetAsync(Search("长效管理机制健全性"))))["entries"]!.AsArray())!;
        Assert.Equal(("approved", "项目建立的长效管理制度是否健全", 3), ((string)kept["status"]!, (string)kept["explanation"]!, (int)kept["forms"]!));

        // Filters, the export and the pages.
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.GetAsync("/api/indicator-library?status=open")).StatusCode);
        var approved = await WebApp.JsonAsync(await finance.GetAsync("/api/indicator-library?status=approved&level1=" + Uri.EscapeDataString("效益指标")));
        Assert.Equal([id], approved["entries"]!.AsArray().Select(e => (long)e!["id"]!));
        var xlsx = await finance.GetAsync(Search("长效管理机制健全性") + "&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));
        var page = await (await finance.GetAsync("/indicator-library?q=" + Uri.EscapeDataString("有责投诉率"))).Content.ReadAsStringAsync();
        Assert.Contains("2024 年：目标中位数 5%（四分位 5–5，1 个）", page);
        Assert.Contains("由已存的表汇集", page);
        var unitPage = await (await xidu.GetAsync("/indicator-library")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("由已存的表汇集", unitPage);
        Assert.Contains("长效管理机制健全性", unitPage);
        Assert.Contains("项目建立的长效管理制度是否健全", await (await finance.GetAsync($"/indicator-library/{id}")).Content.ReadAsStringAsync());
    }
}
