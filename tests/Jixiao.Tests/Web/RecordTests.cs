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
/// Issue 9 over HTTP, on both databases: the computed figures are the record, the self-evaluation is bound to its
/// approved declaration, and findings gate the workflow. The declaration is seed 003's 生活驿站运行经费 (11 rows,
/// 年度资金申请总额 296,000.00 元, shanghai-2024: 执行率 truncated, scores half-up); every expected figure below is
/// worked out by hand from the inputs the test sends.
/// </summary>
[Collection("databases")]
public class RecordTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };
    const string Unit = "上海市奉贤区西渡街道社区党群服务中心";
    const string Department = "上海市奉贤区人民政府西渡街道办事处";

    static StringContent Body(JsonNode json) => new(json.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>The declaration approved (both stages), and the unit's self-evaluation made from it through the API.</summary>
    static async Task<(HttpClient Unit, long Declaration, long Evaluation)> EvaluationAsync(WebApp app)
    {
        var declaration = await app.FormIdAsync("生活驿站运行经费");
        foreach (var s in new[] { FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved }) await app.SetStatusAsync(declaration, s);
        var (u, p) = await app.UserAsync(Role.Unit, Unit);
        var unit = await app.ClientAsync(u, p);
        var created = await unit.PostAsJsonAsync($"/api/forms/{declaration}/self-evaluation", new { });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (unit, declaration, (long)(await WebApp.JsonAsync(created))["id"]!);
    }

    static async Task<JsonObject> GetAsync(HttpClient c, long id) => (await WebApp.JsonAsync(await c.GetAsync($"/api/forms/{id}"))).AsObject();

    /// <summary>The stored document as the database holds it, byte for byte.</summary>
    static async Task<string> RawAsync(WebApp app, long id)
    {
        var db = app.Service<FormStore>().Database;
        await using var c = await db.ConnectAsync();
        return await c.ExecuteScalarAsync<string>($"SELECT {db.JsonText("document")} FROM forms WHERE id = @id", new { id }) ?? "";
    }

    static void Actual(JsonObject form, int row, string text, decimal? value, string? unit, string? achievement = null, decimal? score = null)
    {
        var ind = form["indicators"]![row]!;
        ind["actual"] = new JsonObject { ["text"] = text, ["value"] = value, ["unit"] = unit, ["achievement"] = achievement };
        if (score is not null) ind["score"] = score;
    }

    /// <summary>What the unit enters: budgets, every row's actual value, the qualitative scores; and figures it may not set.</summary>
    static void Fill(JsonObject form)
    {
        var total = form["funds"]!["rows"]![0]!;
        total["adjustedBudget"] = "29.60";
        total["executed"] = "26.64";
        total["executionRate"] = "100.00";  // server-computed: ignored
        total["score"] = "10.00";           // ignored
        Actual(form, 0, "达成指标", null, null, "achieved", 20.00m);       // 成本控制率: band 18.00–22.50
        Actual(form, 1, "100.00(%)", 100.00m, "%");                       // =100%: met, 12.50
        Actual(form, 2, "100.00(%)", 100.00m, "%");                       // 12.50
        Actual(form, 3, "部分达成指标并具有一定效果", null, null, "partially-achieved");   // no score: the band's lower bound 7.50
        Actual(form, 4, "3.00(%)", 3.00m, "%");                           // <5%: met, 3.75
        Actual(form, 5, "81.00(%)", 81.00m, "%");                         // ≥90%: 3.75 × 81/90 = 3.375 → 3.38
        Actual(form, 6, "250.00(天)", 250.00m, "天", score: 200m);         // ≥260: 3.75 × 250/260 = 3.606 → 3.61; 200 is ignored
        Actual(form, 7, "达成指标", null, null, "achieved", 3.75m);         // 3.75
        Actual(form, 8, "100.00(%)", 100.00m, "%");                       // 3.75
        Actual(form, 9, "达成指标", null, null, "achieved", 3.00m);         // band 3.00–3.75
        Actual(form, 10, "95.00(%)", 95.00m, "%");                        // 7.50
        form["indicators"]![5]!["deviationReason"] = "部分活动因场地改造暂停，参与率未达目标。";
        form["indicators"]![6]!["deviationReason"] = "驿站改造闭馆十天。";
        form["totalScore"] = "100.00";      // ignored
        form["grade"] = "差";                // ignored
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_self_evaluation_takes_its_indicators_and_budget_from_the_declaration_and_its_figures_are_computed(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (unit, declaration, id) = await EvaluationAsync(app);
        var draft = await GetAsync(unit, id);

        Assert.Equal(declaration, (long)draft["declarationId"]!);
        Assert.Equal(11, draft["indicators"]!.AsArray().Count);
        Assert.Equal("≥260.00(天)", (string?)draft["indicators"]![6]!["target"]!["text"]);
        // 296,000.00 元 → 29.60 万元, from the declaration's funds.
        Assert.Equal("万元", (string?)draft["funds"]!["unit"]);
        Assert.Equal(29.60m, draft["funds"]!["initialBudget"]!.GetValue<decimal>());
        Assert.Equal(29.60m, draft["funds"]!["rows"]![1]!["initialBudget"]!.GetValue<decimal>());

        Fill(draft);
        draft["funds"]!["rows"]![0]!["initialBudget"] = "99.00";   // owned by the declaration: ignored
        var saved = await unit.PutAsync($"/api/forms/{id}?version={(int)draft["version"]!}", Body(draft));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var record = await GetAsync(unit, id);

        var funds = record["funds"]!;
        Assert.Equal(29.60m, funds["initialBudget"]!.GetValue<decimal>());
        Assert.Equal(90.00m, funds["executionRate"]!.GetValue<decimal>());   // 26.64 ÷ 29.60 = 90%
        Assert.Equal(9.00m, funds["score"]!.GetValue<decimal>());
        Assert.Equal(10.00m, funds["weight"]!.GetValue<decimal>());
        var scores = record["indicators"]!.AsArray().Select(i => i!["score"]!.GetValue<decimal>()).ToArray();
        Assert.Equal(new[] { 20.00m, 12.50m, 12.50m, 7.50m, 3.75m, 3.38m, 3.61m, 3.75m, 3.75m, 3.00m, 7.50m }, scores);
        Assert.Equal(90.24m, record["totalScore"]!.GetValue<decimal>());
        Assert.Equal("优", (string?)record["grade"]);
        Assert.Equal(100.00m, record["totalWeight"]!.GetValue<decimal>());

        // The figures are shown read-only, with the working: the page and the editor say so.
        var page = await (await unit.GetAsync($"/forms/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("由系统按评分方案计算", page);
        Assert.Contains("250", page);
        var editor = await (await unit.GetAsync($"/forms/{id}/edit")).Content.ReadAsStringAsync();
        Assert.Contains("data-bound=\"true\"", editor);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_override_of_a_computed_score_needs_a_reason_counts_and_is_reported_as_a_departure(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (unit, _, id) = await EvaluationAsync(app);
        var form = await GetAsync(unit, id);
        Fill(form);
        form["indicators"]![5]!["scoreOverride"] = new JsonObject { ["score"] = "3.75", ["reason"] = " " };

        var noReason = await unit.PutAsync($"/api/forms/{id}?version={(int)form["version"]!}", Body(form));
        form["indicators"]![5]!["scoreOverride"]!["reason"] = "参与率以活动签到计，另有线上参与 120 人次未计入，实际已达 90%。";
        var saved = await unit.PutAsync($"/api/forms/{id}?version={(int)form["version"]!}", Body(form));
        var record = await GetAsync(unit, id);
        var check = await WebApp.JsonAsync(await unit.PostAsync($"/api/check?form={id}", Body(record)));
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var page = await (await admin.GetAsync($"/forms/{id}")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("indicators[5].scoreOverride.reason", (string?)(await WebApp.JsonAsync(noReason))["field"]);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var row = record["indicators"]![5]!;
        Assert.Equal(3.75m, row["score"]!.GetValue<decimal>());
        Assert.Equal(3.75m, row["scoreOverride"]!["score"]!.GetValue<decimal>());
        Assert.Equal(90.61m, record["totalScore"]!.GetValue<decimal>());   // 90.24 − 3.38 + 3.75
        var departure = Assert.Single(check["findings"]!.AsArray(), f => (string?)f!["code"] == "score-overridden")!;
        Assert.Equal(6, (int)departure["row"]!);
        Assert.Equal("warning", (string?)departure["severity"]);
        Assert.Contains("3.38", (string?)departure["message"]);
        Assert.Equal(90.24m, check["score"]!["ruleBasedTotalScore"]!.GetValue<decimal>());
        Assert.Contains("score-overridden", page);
        Assert.Contains("class=\"differs\"", page);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_self_evaluation_cannot_change_an_approved_target_or_the_indicator_set_and_nothing_is_saved(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (unit, _, id) = await EvaluationAsync(app);
        var before = await RawAsync(app, id);

        var lowered = await GetAsync(unit, id);
        lowered["indicators"]![6]!["target"] = new JsonObject { ["text"] = "≥200.00(天)", ["comparator"] = "≥", ["value"] = 200.00m, ["unit"] = "天" };
        var added = await GetAsync(unit, id);
        added["indicators"]!.AsArray().Add(new JsonObject { ["level1"] = "产出指标", ["level2"] = "数量指标", ["name"] = "新增活动场次" });
        var removed = await GetAsync(unit, id);
        removed["indicators"]!.AsArray().RemoveAt(10);
        var renamed = await GetAsync(unit, id);
        renamed["indicators"]![1]!["name"] = "维修完成率";
        var outOfBand = await GetAsync(unit, id);
        Fill(outOfBand);
        outOfBand["indicators"]![3]!["score"] = "12.00";   // 部分达成: 60%–<80% of 12.50 = 7.50–<10.00

        var answers = new List<(HttpResponseMessage, string Field, string Says)>
        {
            (await unit.PutAsync($"/api/forms/{id}?version=1", Body(lowered)), "indicators[6].target", "调整"),
            (await unit.PutAsync($"/api/forms/{id}?version=1", Body(added)), "indicators", "12 行"),
            (await unit.PutAsync($"/api/forms/{id}?version=1", Body(removed)), "indicators", "10 行"),
            (await unit.PutAsync($"/api/forms/{id}?version=1", Body(renamed)), "indicators[1].name", "设施维修完成率"),
            (await unit.PutAsync($"/api/forms/{id}?version=1", Body(outOfBand)), "indicators[3].score", "7.50–<10.00"),
        };

        foreach (var (r, field, says) in answers)
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var body = await WebApp.JsonAsync(r);
            Assert.Contains(body["problems"]!.AsArray(), p => (string?)p!["field"] == field);
            Assert.Contains(says, string.Join("\n", body["problems"]!.AsArray().Select(p => (string?)p!["message"])));
        }
        Assert.Equal(before, await RawAsync(app, id));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_row_score_above_its_weight_is_never_stored(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var imported = await app.FormIdAsync("电教远教工作经费");   // an imported form: its printed scores are kept, edits are bounded
        var before = await RawAsync(app, imported);
        var form = await GetAsync(admin, imported);
        var weight = form["indicators"]![0]!["weight"]!.GetValue<decimal>();
        form["indicators"]![0]!["score"] = 200m;
        form["totalScore"] = 100m;

        var r = await admin.PutAsync($"/api/forms/{imported}?version=1", Body(form));

        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var body = await WebApp.JsonAsync(r);
        Assert.Equal("indicators[0].score", (string?)body["field"]);
        Assert.Contains($"0–{weight}", (string?)body["error"]);
        Assert.Equal(before, await RawAsync(app, imported));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_form_with_an_error_finding_cannot_be_submitted_approved_or_published_and_the_answer_lists_the_findings(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var store = app.Service<FormStore>();
        var (d, dp) = await app.UserAsync(Role.DepartmentReviewer, "中共上海市委组织部");
        var (f, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var dept = await app.ClientAsync(d, dp);
        var finance = await app.ClientAsync(f, fp);
        // Three copies of an imported self-evaluation whose third row's printed score exceeds its weight (as a
        // scanned form may print it): one draft, one submitted, one approved.
        async Task<long> Broken(string name, params FormStatus[] path)
        {
            var id = await app.FormIdAsync(name);
            var stored = (await store.GetAsync(id))!;
            stored.Form.Indicators[2].Score = stored.Form.Indicators[2].Weight + 5m;
            await store.UpdateAsync(id, stored.Version, stored.Form, "scanner");
            foreach (var s in path) await app.SetStatusAsync(id, s);
            return id;
        }
        var draft = await Broken("电教远教工作经费");
        var submitted = await Broken("信息化运维项目", FormStatus.Submitted);
        var approved = await Broken("党建服务工作经费", FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved);

        var submit = await WebApp.TransitionAsync(admin, draft, "submit", acknowledgement: "已核对");
        var approve = await WebApp.TransitionAsync(dept, submitted, "approve");
        var publish = await WebApp.TransitionAsync(finance, approved, "publish");
        var returned = await WebApp.TransitionAsync(dept, submitted, "return", reason: "第 3 行得分超过分值");

        foreach (var r in new[] { submit, approve, publish })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
            var body = await WebApp.JsonAsync(r);
            var finding = Assert.Single(body["findings"]!.AsArray(), x => (string?)x!["code"] == "score-out-of-range")!;
            Assert.Equal(3, (int)finding["row"]!);
            Assert.Equal("error", (string?)finding["severity"]);
            Assert.Contains("错误", (string?)body["error"]);
        }
        // Returning it is what a reviewer can still do.
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal("draft", (string?)(await GetAsync(admin, draft))["status"]);
        Assert.Equal("approved", (string?)(await GetAsync(admin, approved))["status"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_declaration_without_indicators_or_funds_cannot_be_submitted(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (u, p) = await app.UserAsync(Role.Unit, Unit);
        var unit = await app.ClientAsync(u, p);
        var empty = new JsonObject
        {
            ["kind"] = "target-declaration", ["year"] = 2025, ["projectName"] = "空项目", ["department"] = Department, ["implementingUnit"] = Unit,
            ["funds"] = new JsonObject { ["unit"] = "元" }, ["goals"] = new JsonObject(), ["indicators"] = new JsonArray(),
        };
        var created = await unit.PostAsync("/api/forms", Body(empty));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (long)(await WebApp.JsonAsync(created))["id"]!;

        var submit = await WebApp.TransitionAsync(unit, id, "submit", acknowledgement: "急需");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode);
        var codes = (await WebApp.JsonAsync(submit))["findings"]!.AsArray().Select(x => (string?)x!["code"]).ToList();
        Assert.Contains("declaration-without-indicators", codes);
        Assert.Contains("declaration-without-funds", codes);
        Assert.Equal("draft", (string?)(await GetAsync(unit, id))["status"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_approved_adjustment_carries_the_draft_self_evaluation_over_to_its_new_indicators(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (unit, declaration, id) = await EvaluationAsync(app);
        var form = await GetAsync(unit, id);
        Fill(form);
        Assert.Equal(HttpStatusCode.OK, (await unit.PutAsync($"/api/forms/{id}?version=1", Body(form))).StatusCode);

        var adjust = await unit.PostAsJsonAsync($"/api/forms/{declaration}/adjust", new { });
        var adjustedId = (long)(await WebApp.JsonAsync(adjust))["id"]!;
        var adjusted = await GetAsync(unit, adjustedId);
        adjusted["indicators"]![6]!["target"] = new JsonObject { ["text"] = "≥250.00(天)", ["comparator"] = "≥", ["value"] = "250.00", ["unit"] = "天" };
        adjusted["indicators"]!.AsArray().Add(new JsonObject
        {
            ["level1"] = "产出指标", ["level2"] = "数量指标", ["name"] = "志愿服务活动场次",
            ["target"] = new JsonObject { ["text"] = "≥12.00(场)", ["comparator"] = "≥", ["value"] = "12.00", ["unit"] = "场" },
        });
        Assert.Equal(HttpStatusCode.OK, (await unit.PutAsync($"/api/forms/{adjustedId}?version=1", Body(adjusted))).StatusCode);
        var (d, dp) = await app.UserAsync(Role.DepartmentReviewer, Department);
        var (fi, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        await app.ThroughAsync(adjustedId, FormStatus.Approved, unit, await app.ClientAsync(d, dp), await app.ClientAsync(fi, fp));

        var rebound = await GetAsync(unit, id);
        var rows = rebound["indicators"]!.AsArray();
        Assert.Equal(adjustedId, (long)rebound["declarationId"]!);
        Assert.Equal(12, rows.Count);
        Assert.Equal("≥250.00(天)", (string?)rows[6]!["target"]!["text"]);
        Assert.Equal(250.00m, rows[6]!["actual"]!["value"]!.GetValue<decimal>());   // what the unit entered stays
        Assert.Equal(3.75m, rows[6]!["score"]!.GetValue<decimal>());                // 250 ≥ 250 now: full marks
        Assert.Equal("志愿服务活动场次", (string?)rows[11]!["name"]);
        Assert.Null(rows[11]!["actual"]);
        var history = (await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}/history"))).AsArray();
        Assert.Contains(history, h => ((string?)h!["reason"] ?? "").Contains("第 1 次调整"));
        // The approved original stays as it was.
        Assert.Equal("≥260.00(天)", (string?)(await GetAsync(unit, declaration))["indicators"]![6]!["target"]!["text"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Another_units_form_cannot_be_copied_into_ones_own_name_nor_ones_own_into_another_units(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        // The other unit's declaration is published: everyone may read it, nobody else may build on it.
        var theirs = await app.FormIdAsync("生活驿站运行经费");
        foreach (var s in new[] { FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved, FormStatus.Published }) await app.SetStatusAsync(theirs, s);
        var (u, p) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var unit = await app.ClientAsync(u, p);
        var own = await app.FormIdAsync("信息化建设项目");
        var ownBefore = await RawAsync(app, own);
        var renamed = await GetAsync(unit, own);
        renamed["implementingUnit"] = Unit;
        renamed["department"] = Department;
        var copy = await GetAsync(unit, theirs);
        copy["projectName"] = "照搬的项目";

        var evaluate = await unit.PostAsJsonAsync($"/api/forms/{theirs}/self-evaluation", new { });
        var adjust = await unit.PostAsJsonAsync($"/api/forms/{theirs}/adjust", new { });
        var moveOwn = await unit.PutAsync($"/api/forms/{own}?version=1", Body(renamed));
        var createTheirs = await unit.PostAsync("/api/forms", Body(copy));
        var content = new MultipartFormDataContent { { new StringContent(Jixiao.Core.Interchange.FormJson.Serialize([Jixiao.Tests.Support.SeedForms.S003LifeStation()])), "files", "theirs.json" } };
        var import = await WorkflowTests.PostUpload(unit, "/api/imports?confirm=true", content);

        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync($"/api/forms/{theirs}")).StatusCode);
        foreach (var r in new[] { evaluate, adjust, moveOwn, createTheirs })
        {
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            Assert.Contains("您的单位", (string?)(await WebApp.JsonAsync(r))["error"] ?? "");
        }
        Assert.Contains("不是您的单位", (string?)(await WebApp.JsonAsync(import))["files"]![0]!["forms"]![0]!["error"]);
        Assert.Equal(ownBefore, await RawAsync(app, own));
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        Assert.Equal(13, (await WebApp.JsonAsync(await admin.GetAsync("/api/forms?limit=1000"))).AsArray().Count);
    }
}
