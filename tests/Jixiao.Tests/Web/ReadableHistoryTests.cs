using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Jixiao.Core.Access;
using Jixiao.Core.Workflow;
using Jixiao.Storage;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Web;

/// <summary>
/// Issue 10, item 5 over HTTP on both databases: the history API gives every entry its readable label and sentence;
/// rows keep their identity across an insert; a bound self-evaluation's computed figures say so; rows stored before
/// the history became readable are translated from their field paths.
/// </summary>
[Collection("databases")]
public class ReadableHistoryTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };
    const string Unit = "上海市奉贤区西渡街道社区党群服务中心";

    static StringContent Body(JsonNode json) => new(json.ToJsonString(), Encoding.UTF8, "application/json");

    static async Task<JsonArray> HistoryAsync(HttpClient c, long id) => (await WebApp.JsonAsync(await c.GetAsync($"/api/forms/{id}/history"))).AsArray();

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_save_that_inserts_a_row_and_changes_a_target_reads_as_one_addition_and_one_change(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var id = await app.FormIdAsync("生活驿站运行经费");     // seed 003: a declaration of 11 rows, a draft
        var (u, p) = await app.UserAsync(Role.Unit, Unit);
        var unit = await app.ClientAsync(u, p);
        var form = (await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}"))).AsObject();
        var rows = form["indicators"]!.AsArray();
        var seventh = (string)rows[6]!["name"]!;
        var oldTarget = (string)rows[6]!["target"]!["text"]!;
        rows[6]!["target"] = new JsonObject { ["text"] = "≥300(人次)", ["comparator"] = "≥", ["value"] = 300, ["unit"] = "人次" };
        rows.Insert(3, new JsonObject
        {
            ["level1"] = "产出指标", ["level2"] = "数量指标", ["name"] = "新增监控点位",
            ["target"] = new JsonObject { ["text"] = "≥6(个)", ["comparator"] = "≥", ["value"] = 6, ["unit"] = "个" },
            ["actual"] = null, ["weight"] = null, ["score"] = null, ["deviationReason"] = null, ["line"] = null,
        });
        form["funds"]!["annualTotal"] = "300000.00";

        var saved = await unit.PutAsync($"/api/forms/{id}?version={(int)form["version"]!}", Body(form));
        var version = (int)(await WebApp.JsonAsync(saved))["version"]!;
        var history = await HistoryAsync(unit, id);
        var save = history.Where(h => (int)h!["version"]! == version).ToList();
        var page = WebUtility.HtmlDecode(await (await unit.GetAsync($"/forms/{id}")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(3, save.Count);
        var added = Assert.Single(save, h => (string?)h!["change"] == "added")!;
        Assert.Equal(4, (int)added["row"]!);
        Assert.Equal("新增第 4 行三级指标“新增监控点位”（产出指标·数量指标，指标值 ≥6(个)）", (string?)added["summary"]);
        var target = Assert.Single(save, h => (string?)h!["field"] == "indicators[7].target")!;   // the seventh row, now the eighth
        Assert.Equal($"第 8 行三级指标“{seventh}”的指标值", (string?)target["label"]);
        Assert.Equal($"第 8 行三级指标“{seventh}”的指标值由 {oldTarget} 改为 ≥300(人次)", (string?)target["summary"]);
        Assert.Equal(8, (int)target["row"]!);
        var funds = Assert.Single(save, h => (string?)h!["field"] == "funds.annualTotal")!;
        Assert.Equal("项目资金·年度资金申请总额", (string?)funds["label"]);
        Assert.All(history, h => Assert.False(string.IsNullOrEmpty((string?)h!["summary"])));
        Assert.All(save, h => Assert.DoesNotContain("{", (string?)h!["summary"]));
        // The page groups the save in one block with its three lines.
        Assert.Contains($"保存，第 {version} 版", page);
        Assert.Contains("新增第 4 行三级指标“新增监控点位”", page);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_bound_self_evaluations_recomputed_figures_are_marked_as_computed_not_typed(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var declaration = await app.FormIdAsync("生活驿站运行经费");
        foreach (var s in new[] { FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved }) await app.SetStatusAsync(declaration, s);
        var (u, p) = await app.UserAsync(Role.Unit, Unit);
        var unit = await app.ClientAsync(u, p);
        var id = (long)(await WebApp.JsonAsync(await unit.PostAsJsonAsync($"/api/forms/{declaration}/self-evaluation", new { })))["id"]!;
        var form = (await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}"))).AsObject();
        var total = form["funds"]!["rows"]![0]!;
        total["adjustedBudget"] = "29.60";
        total["executed"] = "26.64";                            // 26.64 ÷ 29.60 = 90.00%

        var saved = await unit.PutAsync($"/api/forms/{id}?version={(int)form["version"]!}", Body(form));
        var version = (int)(await WebApp.JsonAsync(saved))["version"]!;
        var save = (await HistoryAsync(unit, id)).Where(h => (int)h!["version"]! == version).ToList();
        var page = WebUtility.HtmlDecode(await (await unit.GetAsync($"/forms/{id}")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var executed = Assert.Single(save, h => (string?)h!["label"] == "项目资金·年度资金总额的全年执行数")!;
        Assert.False((bool)executed["computed"]!);
        Assert.Equal("填写项目资金·年度资金总额的全年执行数：26.64", (string?)executed["summary"]);
        var rate = Assert.Single(save, h => (string?)h!["label"] == "项目资金·年度资金总额的执行率")!;
        Assert.True((bool)rate["computed"]!);
        Assert.Equal("computed", (string?)rate["change"]);
        Assert.Equal("系统按评分方案计算：项目资金·年度资金总额的执行率 — → 90.00", (string?)rate["summary"]);
        Assert.Contains("系统按评分方案计算：项目资金·年度资金总额的执行率 — → 90.00；", page);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Rows_stored_before_the_history_was_readable_are_translated_from_their_paths(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var id = await app.FormIdAsync("生活驿站运行经费");
        var db = app.Service<FormStore>().Database;
        // As an older release wrote them: a field path, the JSON of a whole added row, no label.
        await using (var c = await db.ConnectAsync())
        {
            const string insert = """
                INSERT INTO audit_log (form_id, at, actor, action, version, field, old_value, new_value)
                VALUES (@id, @at, 'older-release', 'edit', 1, @field, @old, @new)
                """;
            var at = db.Time(DateTimeOffset.UtcNow);
            await c.ExecuteAsync(insert, new { id, at, field = "indicators[4].target.value", old = "4.00", @new = "6.00" });
            await c.ExecuteAsync(insert, new
            {
                id, at, field = "indicators[11]", old = (string?)null,
                @new = """{ "level1": "产出指标", "level2": "数量指标", "name": "新增监控点位", "target": { "text": "≥6(个)", "comparator": "≥", "value": 6, "unit": "个" } }""",
            });
        }
        var (u, p) = await app.UserAsync(Role.Unit, Unit);
        var unit = await app.ClientAsync(u, p);

        var older = (await HistoryAsync(unit, id)).Where(h => (string?)h!["actor"] == "older-release").ToList();

        Assert.Equal("第 5 行的指标值·数值", (string?)older[0]!["label"]);
        Assert.Equal("第 5 行的指标值·数值由 4.00 改为 6.00", (string?)older[0]!["summary"]);
        Assert.Equal("新增第 12 行（产出指标·数量指标，指标值 ≥6(个)）", (string?)older[1]!["summary"]);
        Assert.Equal("added", (string?)older[1]!["change"]);
        Assert.Equal("indicators[4].target.value", (string?)older[0]!["field"]);   // the path stays for machines
    }
}
