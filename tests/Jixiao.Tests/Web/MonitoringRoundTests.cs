using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Access;
using Jixiao.Core.Workflow;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Web;

/// <summary>
/// A whole 运行监控 round over HTTP, on both databases: finance opens it; the unit fills its prefilled form with a red
/// row and its reasons and submits; the 主管部门 returns it, then approves it and requires 整改; the unit records the
/// 整改; the register and the round's summary show it; finance holds the project's funds; the self-evaluation made
/// later sets each row beside the monitoring forecast.
/// </summary>
[Collection("databases")]
public class MonitoringRoundTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    const string Unit = "上海市奉贤区西渡街道社区党群服务中心";
    const string Department = "上海市奉贤区人民政府西渡街道办事处";
    const string Project = "生活驿站运行经费";

    /// <summary>The hand-written case form, as the unit fills it in: every red row explained (the case leaves two gaps for the review to find).</summary>
    static JsonObject Filled()
    {
        var form = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Root, "monitoring", "shenghuoyizhan-1-7", "input.json")))!.AsObject();
        form["funds"]!["rows"]![1]!["deviation"] = new JsonObject
        {
            ["causes"] = new JsonArray("other"),
            ["reason"] = "设施维修尚未招标，财政拨款未支出。",
            ["correctiveAction"] = "8 月完成招标后按进度支付。",
        };
        form["indicators"]![5]!["deviation"]!["correctiveAction"] = "9 月起增加室内公益活动场次。";
        return form;
    }

    static async Task<HttpResponseMessage> PutAsync(HttpClient c, long id, JsonObject form)
    {
        var version = (int)(await WebApp.JsonAsync(await c.GetAsync($"/api/forms/{id}")))["version"]!;
        return await c.PutAsJsonAsync($"/api/forms/{id}?version={version}", form);
    }

    static async Task<string> Error(HttpResponseMessage r) => (string?)(await WebApp.JsonAsync(r))["error"] ?? "";

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_round_runs_from_opening_to_rectification_and_feeds_the_self_evaluation(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var declaration = await app.FormIdAsync(Project);
        var other = await app.FormIdAsync("专户项目经费");
        var draftDeclaration = await app.FormIdAsync("党建经费");
        foreach (var id in new[] { declaration, other })
        {
            await app.SetStatusAsync(id, FormStatus.Submitted);
            await app.SetStatusAsync(id, FormStatus.Approved);
        }
        var (uu, up) = await app.UserAsync(Role.Unit, Unit);
        var unit = await app.ClientAsync(uu, up);
        var (du, dp) = await app.UserAsync(Role.DepartmentReviewer, Department);
        var dept = await app.ClientAsync(du, dp);
        var (fu, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var finance = await app.ClientAsync(fu, fp);
        var (ou, op) = await app.UserAsync(Role.Unit, "上海市松江区中山街道社区党群服务中心");
        var stranger = await app.ClientAsync(ou, op);

        // Opening: only finance, and only what makes sense.
        var round = new { year = 2024, periodEnd = "2024-07-31", deadline = "2024-08-20" };
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync("/api/monitoring/rounds", round)).StatusCode);
        var notMonthEnd = await finance.PostAsJsonAsync("/api/monitoring/rounds", round with { periodEnd = "2024-07-30" });
        Assert.Equal(HttpStatusCode.BadRequest, notMonthEnd.StatusCode);
        Assert.Contains("月末", await Error(notMonthEnd));
        var early = await finance.PostAsJsonAsync("/api/monitoring/rounds", round with { deadline = "2024-07-31" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var notApproved = await finance.PostAsJsonAsync("/api/monitoring/rounds", new { year = 2024, periodEnd = "2024-07-31", deadline = "2024-08-20", declarations = new[] { draftDeclaration } });
        Assert.Equal(HttpStatusCode.BadRequest, notApproved.StatusCode);
        Assert.Contains(draftDeclaration.ToString(System.Globalization.CultureInfo.InvariantCulture), await Error(notApproved));

        var opened = await finance.PostAsJsonAsync("/api/monitoring/rounds", round);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var openedJson = await WebApp.JsonAsync(opened);
        var roundId = (long)openedJson["round"]!["id"]!;
        Assert.Equal("1-7月", (string?)openedJson["round"]!["period"]);
        Assert.Equal(2, openedJson["forms"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.Conflict, (await finance.PostAsJsonAsync("/api/monitoring/rounds", round)).StatusCode);

        // The unit's prefilled form: the declaration's targets and 年初预算数 (296,000.00 元 = 29.60 万元), nothing entered.
        var formIds = openedJson["forms"]!.AsArray().Select(x => (long)x!).ToList();
        long monitoringId = 0;
        foreach (var fid in formIds)
            if ((string?)(await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{fid}")))["projectName"] == Project) monitoringId = fid;
        Assert.NotEqual(0, monitoringId);
        var prefilled = await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{monitoringId}"));
        Assert.Equal("monitoring", (string?)prefilled["kind"]);
        Assert.Equal("draft", (string?)prefilled["status"]);
        Assert.Equal(7, (int)prefilled["period"]!["endMonth"]!);
        Assert.Equal(29.60m, (decimal)prefilled["funds"]!["rows"]![0]!["initialBudget"]!);
        Assert.Equal(11, prefilled["indicators"]!.AsArray().Count);
        Assert.Equal("≥260.00(天)", (string?)prefilled["indicators"]![6]!["target"]!["text"]);
        Assert.Equal(declaration, (long)prefilled["declarationId"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await dept.GetAsync($"/api/forms/{monitoringId}")).StatusCode);   // a draft is the unit's
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/forms/{monitoringId}")).StatusCode);

        // Submitted as prefilled: the gate lists what is missing.
        var empty = await WebApp.TransitionAsync(unit, monitoringId, "submit", acknowledgement: "按原样提交");
        Assert.Equal((HttpStatusCode)422, empty.StatusCode);
        Assert.Contains("monitoring-not-filled", await empty.Content.ReadAsStringAsync());

        // A changed target is refused, naming the row; another unit cannot write at all.
        var changed = Filled();
        changed["indicators"]![6]!["target"] = new JsonObject { ["text"] = "≥200.00(天)", ["comparator"] = "≥", ["value"] = 200, ["unit"] = "天" };
        var refused = await PutAsync(unit, monitoringId, changed);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("第 7 行", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/forms/{monitoringId}?version=1", Filled())).StatusCode);
        var withScore = Filled();
        withScore["indicators"]![0]!["score"] = 5;
        Assert.Equal(HttpStatusCode.BadRequest, (await PutAsync(unit, monitoringId, withScore)).StatusCode);   // a self-evaluation's field

        var saved = await PutAsync(unit, monitoringId, Filled());
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var lights = await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{monitoringId}/lights"));
        Assert.Equal("red", (string?)lights["fundsLight"]);
        Assert.Equal("red", (string?)lights["indicators"]![5]!["light"]);
        Assert.Contains("时间进度 58.33%", (string?)lights["funds"]![0]!["working"]);
        var record = await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{monitoringId}"));
        Assert.NotNull(record["funds"]!["rows"]![0]!["executionRate"]);   // computed on save

        // Submit: the warning (确定能 beside a forecast that misses) must be acknowledged.
        var unacknowledged = await WebApp.TransitionAsync(unit, monitoringId, "submit");
        Assert.Equal((HttpStatusCode)422, unacknowledged.StatusCode);
        Assert.Contains("monitoring-likelihood-contradicts", await unacknowledged.Content.ReadAsStringAsync());
        Assert.True((await WebApp.TransitionAsync(unit, monitoringId, "submit", acknowledgement: "参与率预计偏低，已在偏差原因中说明，仍力争达到。")).IsSuccessStatusCode);

        // The 主管部门 returns it, the unit resubmits, the 主管部门 approves and requires 整改.
        Assert.True((await WebApp.TransitionAsync(dept, monitoringId, "return", reason: "请核实开放天数的全年预计。")).IsSuccessStatusCode);
        Assert.True((await WebApp.TransitionAsync(unit, monitoringId, "submit", acknowledgement: "已核实，维持原预计。")).IsSuccessStatusCode);
        Assert.True((await WebApp.TransitionAsync(dept, monitoringId, "approve")).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync($"/api/forms/{monitoringId}/rectifications",
            new { requirement = "自己给自己提要求", deadline = "2027-01-15" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await dept.PostAsJsonAsync($"/api/forms/{monitoringId}/rectifications",
            new { requirement = "加快支付进度", deadline = "2020-01-01" })).StatusCode);
        var raised = await dept.PostAsJsonAsync($"/api/forms/{monitoringId}/rectifications",
            new { requirement = "9 月底前完成设施维修招标，执行率达到时间进度的 80% 以上。", deadline = "2027-01-15" });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var itemId = (long)(await WebApp.JsonAsync(raised))["id"]!;

        // The register: the unit sees its open item, another unit nothing; only the unit records the result, once.
        var openResponse = await unit.GetAsync("/api/rectifications?state=open");
        Assert.True(openResponse.IsSuccessStatusCode, await openResponse.Content.ReadAsStringAsync());
        var open = (await WebApp.JsonAsync(openResponse)).AsArray();
        Assert.Contains(open, r => (long)r!["id"]! == itemId && (string?)r["state"] == "open");
        Assert.Empty((await WebApp.JsonAsync(await stranger.GetAsync("/api/rectifications"))).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/rectifications/{itemId}/result", new { result = "冒充" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await unit.PostAsJsonAsync($"/api/rectifications/{itemId}/result", new { result = " " })).StatusCode);
        var recorded = await unit.PostAsJsonAsync($"/api/rectifications/{itemId}/result", new { result = "9 月 20 日完成招标，执行率已达 62%。" });
        Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());
        Assert.Equal("done", (string?)(await WebApp.JsonAsync(recorded))["state"]);
        Assert.Equal(HttpStatusCode.Conflict, (await unit.PostAsJsonAsync($"/api/rectifications/{itemId}/result", new { result = "再改" })).StatusCode);
        var done = (await WebApp.JsonAsync(await dept.GetAsync("/api/rectifications?state=done"))).AsArray();
        Assert.Contains(done, r => (long)r!["id"]! == itemId && ((string?)r["result"])!.Contains("完成招标"));

        Assert.True((await WebApp.TransitionAsync(finance, monitoringId, "approve")).IsSuccessStatusCode);

        // 暂缓拨款: finance only, with a reason, one in force at a time.
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync($"/api/forms/{declaration}/funding-hold", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.PostAsJsonAsync($"/api/forms/{declaration}/funding-hold", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await finance.PostAsJsonAsync($"/api/forms/{declaration}/funding-hold",
            new { reason = "执行率远低于时间进度，整改完成前暂缓拨付下半年资金。" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await finance.PostAsJsonAsync($"/api/forms/{declaration}/funding-hold", new { reason = "再次" })).StatusCode);

        // The round's summary: the red project with its reasons, the other unit's form overdue (the deadline passed).
        var summary = await WebApp.JsonAsync(await finance.GetAsync($"/api/monitoring/rounds/{roundId}"));
        Assert.Equal(2, (int)summary["total"]!["forms"]!);
        Assert.Equal(1, (int)summary["total"]!["red"]!);
        Assert.Equal(1, (int)summary["total"]!["overdue"]!);
        var byDept = summary["byDepartment"]!.AsArray().Single(d => (string?)d!["name"] == Department)!;
        Assert.Equal(1, (int)byDept["red"]!);
        var red = summary["redList"]!.AsArray().Single()!;
        Assert.Equal(monitoringId, (long)red["formId"]!);
        Assert.Contains(red["reasons"]!.AsArray(), r => ((string?)r)!.Contains("时间进度") && ((string?)r)!.Contains("设施维修"));
        var line = summary["forms"]!.AsArray().Single(f => (long)f!["id"]! == monitoringId)!;
        Assert.True((bool)line["fundingHeld"]!);
        Assert.Equal("approved", (string?)line["status"]);
        Assert.Contains(summary["rectifications"]!.AsArray(), r => (string?)r!["state"] == "done");
        // The unit's own view of the round holds its forms only.
        var unitSummary = await WebApp.JsonAsync(await stranger.GetAsync($"/api/monitoring/rounds/{roundId}"));
        Assert.Equal(0, (int)unitSummary["total"]!["forms"]!);

        // Later, the self-evaluation: each row beside the approved monitoring forecast.
        var created = await unit.PostAsJsonAsync($"/api/forms/{declaration}/self-evaluation", new { });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var evaluationId = (long)(await WebApp.JsonAsync(created))["id"]!;
        var beside = (await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{evaluationId}/forecast"))).AsArray();
        var days = beside.Single(b => (string?)b!["name"] == "生活驿站全年开放天数")!;
        Assert.Equal("255天", (string?)days["forecast"]);
        Assert.Equal("完全不可能", (string?)days["likelihood"]);
        // An actual far from the forecast (180 days against 255: 29.41% off, above the profile's 20%) is a finding as the unit types.
        var evaluation = (await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{evaluationId}"))).AsObject();
        var daysRow = evaluation["indicators"]!.AsArray().Single(r => (string?)r!["name"] == "生活驿站全年开放天数")!;
        daysRow["actual"] = new JsonObject { ["text"] = "180天", ["value"] = 180, ["unit"] = "天" };
        var checkedGap = await unit.PostAsJsonAsync($"/api/check?form={evaluationId}", evaluation);
        var gap = (await WebApp.JsonAsync(checkedGap))["findings"]!.AsArray().Where(f => (string?)f!["code"] == "forecast-actual-gap").ToList();
        Assert.Single(gap);
        Assert.Contains("29.41%", (string?)gap[0]!["message"]);
        var page = await (await unit.GetAsync($"/forms/{evaluationId}")).Content.ReadAsStringAsync();
        Assert.Contains("监控时的全年预计", page);
        Assert.Contains("255天", page);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_unit_fills_its_form_from_the_downloaded_template_and_a_broken_template_changes_nothing(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var declaration = await app.FormIdAsync(Project);
        await app.SetStatusAsync(declaration, FormStatus.Submitted);
        await app.SetStatusAsync(declaration, FormStatus.Approved);
        var (uu, up) = await app.UserAsync(Role.Unit, Unit);
        var unit = await app.ClientAsync(uu, up);
        var (fu, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var finance = await app.ClientAsync(fu, fp);
        var (ou, op) = await app.UserAsync(Role.Unit, "上海市松江区中山街道社区党群服务中心");
        var stranger = await app.ClientAsync(ou, op);
        var opened = await WebApp.JsonAsync(await finance.PostAsJsonAsync("/api/monitoring/rounds", new { year = 2024, periodEnd = "2024-07-31", deadline = "2024-08-20" }));
        var id = (long)opened["forms"]![0]!;

        var download = await unit.GetAsync($"/api/forms/{id}/template");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/forms/{id}/template")).StatusCode);
        var template = await download.Content.ReadAsByteArrayAsync();

        async Task<HttpResponseMessage> Upload(HttpClient c, byte[] bytes)
        {
            var content = new MultipartFormDataContent();
            content.Add(new ByteArrayContent(bytes), "file", "监控表.xlsx");
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/forms/{id}/template") { Content = content };
            request.Headers.Add("X-Requested-With", "test");
            return await c.SendAsync(request);
        }

        // Two likelihoods ticked on row 7 (sheet row 21): refused, naming the sheet, row and column; nothing saved.
        var broken = Jixiao.Tests.Export.XlsxFill.Set(template, Jixiao.Tests.Export.MonitoringTemplateTests.Sheet,
            [.. Jixiao.Tests.Export.MonitoringTemplateTests.Entries, ("L21", "√")]);
        var refused = await Upload(unit, broken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (string?)(await WebApp.JsonAsync(refused))["error"];
        Assert.Contains("第 21 行", message);
        Assert.Contains("完成目标可能性", message);
        Assert.Equal(1, (int)(await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}")))["version"]!);

        var filled = Jixiao.Tests.Export.XlsxFill.Set(template, Jixiao.Tests.Export.MonitoringTemplateTests.Sheet, Jixiao.Tests.Export.MonitoringTemplateTests.Entries);
        Assert.Equal(HttpStatusCode.NotFound, (await Upload(stranger, filled)).StatusCode);
        var saved = await Upload(unit, filled);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var form = await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}"));
        Assert.Equal(10.20m, (decimal)form["funds"]!["rows"]![0]!["executedToDate"]!);
        Assert.Equal(29.00m, (decimal)form["funds"]!["rows"]![0]!["forecastExecuted"]!);
        Assert.NotNull(form["funds"]!["rows"]![0]!["executionRate"]);   // computed on save, not read from the sheet
        var days = form["indicators"]![6]!;
        Assert.Equal(255m, (decimal)days["forecast"]!["value"]!);
        Assert.Equal("impossible", (string?)days["likelihood"]);
        Assert.Equal(["funding", "facilities"], days["deviation"]!["causes"]!.AsArray().Select(c => (string)c!));
        Assert.Equal("≥260.00(天)", (string?)days["target"]!["text"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_imported_monitoring_form_opens_in_the_monitoring_editor_and_its_rate_is_computed_on_save(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (uu, up) = await app.UserAsync(Role.Unit, Unit);
        var unit = await app.ClientAsync(uu, up);
        var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(File.ReadAllBytes(Path.Combine(TestData.Root, "monitoring", "shenghuoyizhan-1-7", "input.json"))), "files", "监控表.json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports?confirm=true") { Content = content };
        request.Headers.Add("X-Requested-With", "test");
        var imported = await WebApp.JsonAsync(await unit.SendAsync(request));
        var id = (long)imported["files"]![0]!["forms"]![0]!["id"]!;

        var editor = await unit.GetAsync($"/forms/{id}/edit");
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        Assert.Contains("本表为导入的监控表", await editor.Content.ReadAsStringAsync());
        var form = (await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}"))).AsObject();
        form["funds"]!["rows"]![0]!["executionRate"] = 99;
        form["funds"]!["rows"]![0]!["executedToDate"] = 14.80;
        Assert.True((await PutAsync(unit, id, form)).IsSuccessStatusCode);
        var saved = await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}"));
        // 14.80 ÷ 29.60 = 50.00%, whatever was sent.
        Assert.Equal(50.00m, (decimal)saved["funds"]!["rows"]![0]!["executionRate"]!);
    }
}
