using Jixiao.Core.Workflow;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jixiao.Formats.Import;
using Jixiao.Core.Interchange;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Core.Access;

namespace Jixiao.Tests.Web;

[Collection("databases")]
public class EditTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };
    private const string OwnUnit = "上海市党建服务中心";
    private const string OwnDepartment = "中共上海市委组织部";

    private static JsonObject SeedJson(string caseName, string projectName) =>
        FormJson.ToJson(FormImporter.ImportFile(TestData.CaseInput(caseName)).Forms.Single(f => f.ProjectName == projectName));

    private static StringContent Body(JsonNode json) => new(json.ToJsonString(), Encoding.UTF8, "application/json");

    private static JsonObject NewDeclaration(string name)
    {
        var d = SeedJson("seed-003", "生活驿站运行经费");
        d["projectName"] = name;
        d["implementingUnit"] = OwnUnit;
        d["department"] = OwnDepartment;
        return d;
    }

    private static async Task<HttpClient> UnitAsync(WebApp app)
    {
        var (u, p) = await app.UserAsync(Role.Unit, OwnUnit);
        return await app.ClientAsync(u, p);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_unit_creates_a_declaration_for_itself_but_not_for_another_unit(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var unit = await UnitAsync(app);
        var other = NewDeclaration("别人的项目");
        other["implementingUnit"] = "上海市松江区中山街道社区党群服务中心";

        var created = await unit.PostAsync("/api/forms", Body(NewDeclaration("党建阵地提升项目")));
        var refused = await unit.PostAsync("/api/forms", Body(other));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (long)(await WebApp.JsonAsync(created))["id"]!;
        var stored = await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}"));
        Assert.Equal("党建阵地提升项目", (string?)stored["projectName"]);
        Assert.Equal("draft", (string?)stored["status"]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("不是您的单位", await refused.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string, string> BadFields()
    {
        var t = new TheoryData<string, string, string>();
        foreach (var kind in new[] { "sqlite", "postgres" })
        {
            t.Add(kind, "empty-name", "projectName");
            t.Add(kind, "too-long", "projectName");
            t.Add(kind, "negative-money", "funds.annualTotal");
            t.Add(kind, "letters-in-number", "funds.annualTotal");
            t.Add(kind, "bad-comparator", "indicators[0].target.comparator");
            t.Add(kind, "bad-date", "startDate");
            t.Add(kind, "not-json", "$");
        }
        return t;
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_saved(string kind, string problem, string field)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var unit = await UnitAsync(app);
        var d = NewDeclaration("测试项目");
        HttpContent content = Body(d);
        switch (problem)
        {
            case "empty-name": d["projectName"] = "  "; break;
            case "too-long": d["projectName"] = new string('项', 201); break;
            case "negative-money": d["funds"]!["annualTotal"] = -1.00m; break;
            case "letters-in-number": d["funds"]!["annualTotal"] = "12万元"; break;
            case "bad-comparator": d["indicators"]![0]!["target"]!["comparator"] = "≈"; break;
            case "bad-date": d["startDate"] = "2024-02-30"; break;
            case "not-json": content = new StringContent("{ 项目名称: 测试", Encoding.UTF8, "application/json"); break;
        }
        if (problem != "not-json") content = Body(d);

        var r = await unit.PostAsync("/api/forms", content);

        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var body = await WebApp.JsonAsync(r);
        Assert.Equal(field, (string?)body["field"]);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (string?)body["error"] ?? "");
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        Assert.Equal(13, (await WebApp.JsonAsync(await admin.GetAsync("/api/forms?limit=1000"))).AsArray().Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Script_in_text_is_stored_as_text_and_shown_escaped(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var unit = await UnitAsync(app);
        var id = (long)(await WebApp.JsonAsync(await unit.PostAsync("/api/forms", Body(NewDeclaration("<script>alert(1)</script>项目")))))["id"]!;

        var page = await (await unit.GetAsync($"/forms/{id}")).Content.ReadAsStringAsync();
        var json = await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}"));

        Assert.Equal("<script>alert(1)</script>项目", (string?)json["projectName"]);
        Assert.DoesNotContain("<script>alert(1)</script>", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;项目", page);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Edits_save_on_the_current_version_and_are_refused_when_stale_or_locked(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var unit = await UnitAsync(app);
        var id = await app.FormIdAsync("信息化建设项目");
        var json = (await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}"))).AsObject();
        json["goals"]!["actual"] = "建立态势感知分析平台，服务街镇及以上党群服务阵地。";

        var saved = await unit.PutAsync($"/api/forms/{id}?version=1", Body(json));
        var stale = await unit.PutAsync($"/api/forms/{id}?version=1", Body(json));
        await app.SetStatusAsync(id, FormStatus.Submitted);
        await app.SetStatusAsync(id, FormStatus.Approved);
        var locked = await unit.PutAsync($"/api/forms/{id}?version=4", Body(json));
        var (reviewer, pw) = await app.UserAsync(Role.DepartmentReviewer, OwnDepartment);
        var byReviewer = await (await app.ClientAsync(reviewer, pw)).PutAsync($"/api/forms/{id}?version=4", Body(json));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, (int)(await WebApp.JsonAsync(saved))["version"]!);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("goals.actual", (string?)(await WebApp.JsonAsync(stale))["changes"]![0]!["field"]);
        Assert.Equal(HttpStatusCode.Forbidden, locked.StatusCode);
        Assert.Contains("锁定", await locked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.StatusCode);
        var history = (await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}/history"))).AsArray();
        var edit = history.Single(h => (string?)h!["field"] == "goals.actual")!;
        Assert.EndsWith("提升党群服务平台的服务能力。", (string?)edit["oldValue"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Live_check_scores_and_reviews_a_form_without_saving_it(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var unit = await UnitAsync(app);

        var r = await WebApp.JsonAsync(await unit.PostAsync("/api/check", Body(SeedJson("seed-004", "电教远教工作经费"))));

        Assert.Equal("shanghai-2024", (string?)r["profile"]);
        Assert.Equal(9.54m, r["score"]!["executionScore"]!.GetValue<decimal>());
        Assert.Equal(2, r["findings"]!.AsArray().Count(f => (string?)f!["code"] == "met-target-underscored"));
        Assert.Empty(r["problems"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_approved_declaration_yields_a_self_evaluation_draft_with_its_indicators_and_suggested_weights(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var id = await app.FormIdAsync("生活驿站运行经费");
        var early = await admin.PostAsJsonAsync($"/api/forms/{id}/self-evaluation", new { });
        await app.SetStatusAsync(id, FormStatus.Submitted);
        await app.SetStatusAsync(id, FormStatus.Approved);

        var created = await admin.PostAsJsonAsync($"/api/forms/{id}/self-evaluation", new { });
        var again = await admin.PostAsJsonAsync($"/api/forms/{id}/self-evaluation", new { });

        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var evaluation = await WebApp.JsonAsync(await admin.GetAsync($"/api/forms/{(long)(await WebApp.JsonAsync(created))["id"]!}"));
        Assert.Equal("self-evaluation", (string?)evaluation["kind"]);
        var indicators = evaluation["indicators"]!.AsArray();
        Assert.Equal(11, indicators.Count);
        Assert.Equal("设施正常使用率", (string?)indicators[8]!["name"]);
        Assert.Equal(90.00m, indicators.Sum(i => i!["weight"]!.GetValue<decimal>()));
        Assert.Equal(10m, evaluation["funds"]!["weight"]!.GetValue<decimal>());
        // 成本 gets an equal share of 90 over its four 一级 (22.5); 产出/效益/满意度 split the rest 50:30:10.
        Assert.Equal(22.50m, indicators.Where(i => (string?)i!["level1"] == "成本指标").Sum(i => i!["weight"]!.GetValue<decimal>()));
    }
}
