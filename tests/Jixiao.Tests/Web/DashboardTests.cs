using Dapper;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jixiao.Core.Access;
using Jixiao.Core.Entry;
using Jixiao.Core.Interchange;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using Jixiao.Formats.Import;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Organisations;

namespace Jixiao.Tests.Web;

/// <summary>
/// A small set of 2025 forms whose dashboard figures are worked out by hand below (the demo data is 2024, all drafts).
/// Self-evaluations are copies of the seed 信息化运维项目 (万元; its rows score 90.00 with every target met, no finding)
/// with their funds, printed 执行率 and 执行率得分 (10 × rate, at most 10) set consistently, and a printed 总分 and 等级:
///
/// | form | unit | 全年预算数 | 全年执行数 | 执行率 | 总分 | 等级 | status | findings (by the checks' rules) |
/// |---|---|---|---|---|---|---|---|---|
/// | 自评甲 | 党建服务中心 (组织部) | 100 | 95 | 95.00 | 99.50 | 优 | submitted | none: 9.50 + 90.00 = 99.50 |
/// | 自评乙 | 党建服务中心 (组织部) | 200 | 120 | 60.00 | 85.00 | 良 | department-approved | score-sum (6.00 + 90 ≠ 85), low-execution-unexplained (&lt; 90) |
/// | 自评丙 | 中山街道 (松江) | 50 | 55 | 110.00 | 100.00 | 优 | approved | none: 10.00 + 90.00 |
/// | 自评丁 | 中山街道 (松江) | 80 | 40 | 50.00 | 65.00 | 中 | published | score-sum, low-execution-unexplained |
/// | 自评戊 | 西渡街道 (奉贤) | 10 | 9 | 90.00 | 55.00 | 差 | returned | score-sum (90.00 is not below 90) |
/// | 自评己 | 党建服务中心 (组织部) | 100 | 100 | 100.00 | 100.00 | 优 | draft | none |
///
/// Declarations are copies of the seed 生活驿站运行经费 (元; warnings cost-target-unquantified and indicator-wrong-level2):
/// 申报甲 党建服务中心 1,000,000.00 approved; 申报乙 中山街道 500,000.00 submitted; 申报丙 党建服务中心 300,000.00 approved, then
/// its 调整 360,000.00 approved (so 申报丙 itself is superseded); 申报丁 西渡街道 200,000.00 draft.
/// </summary>
internal static class DashboardData
{
    public const int Year = 2025;
    public const string Party = "上海市党建服务中心", PartyDepartment = "中共上海市委组织部";
    public const string Songjiang = "上海市松江区中山街道社区党群服务中心", SongjiangDepartment = "上海市松江区人民政府中山街道办事处";
    public const string Fengxian = "上海市奉贤区西渡街道社区党群服务中心", FengxianDepartment = "上海市奉贤区人民政府西渡街道办事处";

    public sealed record Ids(long Superseded, long Adjustment, long DraftEvaluation, long ReturnedEvaluation);

    public static async Task<Ids> LoadAsync(WebApp app)
    {
        var store = app.Service<FormStore>();
        var organisations = app.Service<OrganisationStore>();
        var evaluation = FormImporter.ImportFile(TestData.CaseInput("seed-004")).Forms.Single(f => f.ProjectName == "信息化运维项目");
        var declaration = FormImporter.ImportFile(TestData.CaseInput("seed-003")).Forms.Single(f => f.ProjectName == "生活驿站运行经费");

        async Task<long> Put(PerformanceForm f, string department, string unit, FormStatus status, long? adjusts = null)
        {
            (f.Department, f.ImplementingUnit, f.Year) = (department, unit, Year);
            var unitId = await organisations.EnsureUnitAsync(department, unit);
            var (id, created) = await store.ImportAsync(f, unitId, "test", null, adjusts);
            Assert.True(created);
            await MoveAsync(store, id, status);
            return id;
        }
        SelfEvaluation Evaluation(string name, decimal budget, decimal executed, decimal rate, decimal score, decimal total, string grade)
        {
            var f = (SelfEvaluation)Copy(evaluation);
            f.ProjectName = name;
            foreach (var row in f.Funds.Rows.Take(2))
                (row.InitialBudget, row.AdjustedBudget, row.Executed, row.ExecutionRate) = (budget, budget, executed, rate);
            f.Funds.Rows[0].Score = score;
            (f.TotalScore, f.Grade) = (total, grade);
            return f;
        }
        TargetDeclaration Declaration(string name, decimal yuan)
        {
            var f = (TargetDeclaration)Copy(declaration);
            f.ProjectName = name;
            (f.Funds.AnnualTotal, f.Funds.CurrentYearAppropriation) = (yuan, yuan);
            return f;
        }

        await Put(Evaluation("自评甲", 100m, 95m, 95.00m, 9.50m, 99.50m, "优"), PartyDepartment, Party, FormStatus.Submitted);
        await Put(Evaluation("自评乙", 200m, 120m, 60.00m, 6.00m, 85.00m, "良"), PartyDepartment, Party, FormStatus.DepartmentApproved);
        await Put(Evaluation("自评丙", 50m, 55m, 110.00m, 10.00m, 100.00m, "优"), SongjiangDepartment, Songjiang, FormStatus.Approved);
        await Put(Evaluation("自评丁", 80m, 40m, 50.00m, 5.00m, 65.00m, "中"), SongjiangDepartment, Songjiang, FormStatus.Published);
        var returned = await Put(Evaluation("自评戊", 10m, 9m, 90.00m, 9.00m, 55.00m, "差"), FengxianDepartment, Fengxian, FormStatus.Returned);
        var draft = await Put(Evaluation("自评己", 100m, 100m, 100.00m, 10.00m, 100.00m, "优"), PartyDepartment, Party, FormStatus.Draft);

        await Put(Declaration("申报甲", 1_000_000.00m), PartyDepartment, Party, FormStatus.Approved);
        await Put(Declaration("申报乙", 500_000.00m), SongjiangDepartment, Songjiang, FormStatus.Submitted);
        var original = Declaration("申报丙", 300_000.00m);
        var superseded = await Put(original, PartyDepartment, Party, FormStatus.Approved);
        var adjusted = Adjustment.Of(original, "调整自申报丙");
        (adjusted.Funds.AnnualTotal, adjusted.Funds.CurrentYearAppropriation) = (360_000.00m, 360_000.00m);
        var adjustment = await Put(adjusted, PartyDepartment, Party, FormStatus.Approved, superseded);
        await Put(Declaration("申报丁", 200_000.00m), FengxianDepartment, Fengxian, FormStatus.Draft);
        return new Ids(superseded, adjustment, draft, returned);
    }

    static PerformanceForm Copy(PerformanceForm f) => FormJsonReader.Parse(FormJson.ToJson(f).ToJsonString());

    /// <summary>Walks the workflow's steps to a status, through the store (as the authorisation test does).</summary>
    public static async Task MoveAsync(FormStore store, long id, FormStatus status)
    {
        FormStatus[] path = status switch
        {
            FormStatus.Submitted => [FormStatus.Submitted],
            FormStatus.Returned => [FormStatus.Submitted, FormStatus.Returned],
            FormStatus.DepartmentApproved => [FormStatus.Submitted, FormStatus.DepartmentApproved],
            FormStatus.Approved => [FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved],
            FormStatus.Published => [FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved, FormStatus.Published],
            _ => [],
        };
        var version = (await store.GetAsync(id))!.Version;
        foreach (var s in path) version = (await store.ChangeStatusAsync(id, version, s, "test", null)).CurrentVersion;
    }

    /// <summary>Every count of a dashboard answer that carries a list address: (where in the answer, count, address).</summary>
    public static IEnumerable<(string Path, int Count, string Link)> Links(JsonNode? node, string path = "")
    {
        switch (node)
        {
            case JsonObject o:
                if (o["count"] is JsonValue c && o["link"] is JsonValue l && l.TryGetValue<string>(out var link))
                    yield return (path, c.GetValue<int>(), link);
                foreach (var (key, value) in o)
                    foreach (var x in Links(value, $"{path}.{key}")) yield return x;
                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                    foreach (var x in Links(a[i], $"{path}[{i}]")) yield return x;
                break;
        }
    }

    /// <summary>How many forms a list address shows to this client: the API's X-Total-Count for the same query.</summary>
    public static async Task<int> ListedAsync(HttpClient c, string link)
    {
        var r = await c.GetAsync("/api" + link + "&limit=1");
        Assert.True(r.IsSuccessStatusCode, $"{link}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return int.Parse(r.Headers.GetValues("X-Total-Count").Single());
    }
}

[Collection("databases")]
public class DashboardTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    static async Task<JsonNode> DashboardAsync(HttpClient c, string query = "")
    {
        var r = await c.GetAsync($"/api/dashboard?year={DashboardData.Year}{query}");
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await WebApp.JsonAsync(r);
    }

    static int[] Counts(JsonNode d, string name) => d[name]!.AsArray().Select(x => (int)x!["count"]!).ToArray();

    static JsonNode Department(JsonNode d, string name) => d["departments"]!.AsArray().Single(x => (string?)x!["name"] == name)!;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Finance_figures_are_the_hand_counted_ones_and_every_link_lists_exactly_the_forms_counted(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        await DashboardData.LoadAsync(app);
        var (u, p) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var finance = await app.ClientAsync(u, p);

        var d = await DashboardAsync(finance);

        // Finance: every form but drafts (自评己, 申报丁); 申报丙 is superseded by its approved 调整.
        Assert.Equal(5, (int)d["selfEvaluations"]!["count"]!);
        Assert.Equal(3, (int)d["declarations"]!["count"]!);                            // 申报甲, 申报乙, 申报丙's 调整
        Assert.Equal([2, 1, 1, 1], Counts(d, "grades"));                               // 优 甲丙, 良 乙, 中 丁, 差 戊
        Assert.Equal([1, 1, 0, 2, 1], Counts(d, "executionRates"));                    // <60 丁(50); 60–80 乙(60.00); 80–90 none; 90–100 甲(95) 戊(90.00); ≥100 丙(110)
        Assert.Equal(1_860_000.00m, (decimal)d["declaredYuan"]!);                     // 1,000,000 + 500,000 + 360,000
        Assert.Equal(4_400_000.00m, (decimal)d["budgetYuan"]!);                       // (100 + 200 + 50 + 80 + 10) 万元
        Assert.Equal(3_190_000.00m, (decimal)d["executedYuan"]!);                     // (95 + 120 + 55 + 40 + 9) 万元
        Assert.Equal(72.50m, (decimal)d["executionRate"]!);                           // 319 ÷ 440
        Assert.Equal(3, (int)d["withErrors"]!["count"]!);                              // score-sum on 乙, 丁, 戊

        var party = Department(d, DashboardData.PartyDepartment);
        Assert.Equal(2, (int)party["declarations"]!["count"]!);
        Assert.Equal(1_360_000.00m, (decimal)party["declaredYuan"]!);
        Assert.Equal(2, (int)party["selfEvaluations"]!["count"]!);
        Assert.Equal(3_000_000.00m, (decimal)party["budgetYuan"]!);
        Assert.Equal(2_150_000.00m, (decimal)party["executedYuan"]!);
        Assert.Equal(71.67m, (decimal)party["executionRate"]!);                        // 215 ÷ 300 = 71.666…
        Assert.Equal(92.25m, (decimal)party["averageScore"]!);                         // (99.50 + 85.00) ÷ 2
        var songjiang = Department(d, DashboardData.SongjiangDepartment);
        Assert.Equal(500_000.00m, (decimal)songjiang["declaredYuan"]!);
        Assert.Equal(73.08m, (decimal)songjiang["executionRate"]!);                    // 95 ÷ 130 = 73.076…
        Assert.Equal(82.50m, (decimal)songjiang["averageScore"]!);                     // (100.00 + 65.00) ÷ 2
        var fengxian = Department(d, DashboardData.FengxianDepartment);
        Assert.Equal(0, (int)fengxian["declarations"]!["count"]!);                     // 申报丁 is a draft
        Assert.Equal(55.00m, (decimal)fengxian["averageScore"]!);
        // Departments by declared funds, largest first.
        Assert.Equal([DashboardData.PartyDepartment, DashboardData.SongjiangDepartment, DashboardData.FengxianDepartment],
            d["departments"]!.AsArray().Select(x => (string)x!["name"]!).ToArray());
        Assert.Equal([DashboardData.Party, DashboardData.Songjiang, DashboardData.Fengxian], d["topUnits"]!.AsArray().Select(x => (string)x!["name"]!).ToArray());
        Assert.Empty(d["bottomUnits"]!.AsArray());                                     // three units: all in the first list

        var findings = d["findings"]!.AsArray().ToDictionary(f => (string)f!["code"]!, f => (int)f!["forms"]!["count"]!);
        Assert.Equal(new Dictionary<string, int>
        {
            ["cost-target-unquantified"] = 3, ["indicator-wrong-level2"] = 3,         // the three current declarations
            ["score-sum"] = 3, ["low-execution-unexplained"] = 2,                     // 乙, 丁 (60 and 50 are below 90)
        }, findings);
        Assert.Equal("得分之和与总分不符", (string?)d["findings"]!.AsArray().Single(f => (string?)f!["code"] == "score-sum")!["title"]);

        // Every count that names a list: the list holds exactly that many forms, for the same person.
        var links = DashboardData.Links(d).ToList();
        // 3 totals + 4 grades + 5 bands + 3 per department × 3 + 3 units + 4 findings + the overdue total.
        Assert.Equal(29, links.Count);
        foreach (var (path, count, link) in links)
            Assert.True(count == await DashboardData.ListedAsync(finance, link), $"{path}: {count} counted, {link} lists {await DashboardData.ListedAsync(finance, link)}");
        // And the page the link opens says so too.
        var grade = d["grades"]![0]!["link"]!.GetValue<string>();
        var list = await (await finance.GetAsync(grade)).Content.ReadAsStringAsync();
        Assert.Matches("<strong id=\"total\">2</strong>", list);
        Assert.Contains("自评甲", list);
        Assert.Contains("自评丙", list);

        // The page draws the same figures, each bar and number a link.
        var page = await (await finance.GetAsync($"/dashboard?year={DashboardData.Year}")).Content.ReadAsStringAsync();
        Assert.Contains("评分等级分布", page);
        Assert.Contains($"href=\"{System.Net.WebUtility.HtmlEncode(grade)}\"", page);
        Assert.Contains("<svg class=\"chart\"", page);
        Assert.Contains("186.00", page);                                               // 1,860,000 元 = 186.00 万元
        Assert.Contains("数据截至", page);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_department_sees_its_units_only_finance_may_narrow_to_one_and_a_unit_or_the_public_is_refused(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        await DashboardData.LoadAsync(app);
        var (du, dp) = await app.UserAsync(Role.DepartmentReviewer, DashboardData.PartyDepartment);
        var department = await app.ClientAsync(du, dp);
        var (fu, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var finance = await app.ClientAsync(fu, fp);
        var (uu, up) = await app.UserAsync(Role.Unit, DashboardData.Party);
        var unit = await app.ClientAsync(uu, up);

        var d = await DashboardAsync(department);
        // 组织部's one unit: 自评甲 (优, 95%), 自评乙 (良, 60%); 申报甲 and 申报丙's 调整; 自评己 is a draft.
        Assert.Equal(2, (int)d["selfEvaluations"]!["count"]!);
        Assert.Equal([1, 1, 0, 0], Counts(d, "grades"));
        Assert.Equal([0, 1, 0, 1, 0], Counts(d, "executionRates"));
        Assert.Equal(1_360_000.00m, (decimal)d["declaredYuan"]!);
        Assert.Equal([DashboardData.PartyDepartment], d["departments"]!.AsArray().Select(x => (string)x!["name"]!).ToArray());
        Assert.Equal(1, (int)d["withErrors"]!["count"]!);                              // 自评乙
        foreach (var (path, count, link) in DashboardData.Links(d))
            Assert.True(count == await DashboardData.ListedAsync(department, link), $"{path}: {link}");

        // Finance narrowed to 松江中山: 自评丙 and 丁, 申报乙.
        var songjiang = (await app.Service<OrganisationStore>().AllAsync()).Single(o => o.Name == DashboardData.SongjiangDepartment).Id;
        var narrowed = await DashboardAsync(finance, $"&department={songjiang}");
        Assert.Equal(2, (int)narrowed["selfEvaluations"]!["count"]!);
        Assert.Equal([1, 0, 1, 0], Counts(narrowed, "grades"));
        Assert.Equal(500_000.00m, (decimal)narrowed["declaredYuan"]!);
        Assert.Equal(DashboardData.SongjiangDepartment, (string?)narrowed["departmentName"]);
        foreach (var (path, count, link) in DashboardData.Links(narrowed))
        {
            Assert.Contains($"department={songjiang}", link);
            Assert.True(count == await DashboardData.ListedAsync(finance, link), $"{path}: {link}");
        }

        // Another 主管部门 is another dashboard, not the one just kept.
        var party = (await app.Service<OrganisationStore>().AllAsync()).Single(o => o.Name == DashboardData.PartyDepartment).Id;
        var other = await DashboardAsync(finance, $"&department={party}");
        Assert.Equal(DashboardData.PartyDepartment, (string?)other["departmentName"]);
        Assert.Equal(2, (int)other["selfEvaluations"]!["count"]!);

        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync($"/api/dashboard?year={DashboardData.Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/dashboard")).StatusCode);
        Assert.DoesNotContain("统计分析</a>", await (await unit.GetAsync("/")).Content.ReadAsStringAsync());
        Assert.Contains("统计分析</a>", await (await department.GetAsync("/")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.ClientAsync()).GetAsync("/api/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.GetAsync("/api/dashboard?year=20x5")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.GetAsync("/api/dashboard?department=999999")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Overdue_forms_are_counted_by_the_windows_and_a_reviewer_gets_drafts_as_a_number_only(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        await DashboardData.LoadAsync(app);
        var (fu, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var finance = await app.ClientAsync(fu, fp);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var before = await DashboardAsync(finance);
        // Both 2025 windows closed long ago: overdue are the drafts and returned forms of 2025 — 自评己 (draft), 自评戊
        // (returned), 申报丁 (draft).
        var windows = app.Service<WindowStore>();
        await windows.SetAsync(new Window(DashboardData.Year, Stage.Declaration, new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)), "test");
        await windows.SetAsync(new Window(DashboardData.Year, Stage.SelfEvaluation, new DateOnly(2025, 4, 1), new DateOnly(2025, 6, 30)), "test");

        var d = await DashboardAsync(finance);
        var all = await DashboardAsync(admin);

        Assert.Equal(0, (int)before["overdueTotal"]!["count"]!);                       // no window, nothing overdue
        Assert.Equal(1, (int)d["overdueTotal"]!["count"]!);                            // 自评戊: finance lists no drafts
        Assert.Equal(2, (int)d["overdueDraftsNotListed"]!);                            // 自评己, 申报丁
        var fengxian = d["overdue"]!.AsArray().Single(o => (string?)o!["name"] == DashboardData.FengxianDepartment)!;
        Assert.Equal(1, (int)fengxian["selfEvaluations"]!["count"]!);
        Assert.Equal(1, (int)fengxian["draftsNotListed"]!);
        Assert.Equal(3, (int)all["overdueTotal"]!["count"]!);                          // the administrator lists drafts
        Assert.Equal(0, (int)all["overdueDraftsNotListed"]!);
        foreach (var (c, answer) in new[] { (finance, d), (admin, all) })
            foreach (var (path, count, link) in DashboardData.Links(answer).Where(l => l.Link.Contains("overdue=true")))
                Assert.True(count == await DashboardData.ListedAsync(c, link), $"{path}: {link}");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_change_made_in_the_app_is_counted_on_the_next_look(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var ids = await DashboardData.LoadAsync(app);
        var (fu, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var finance = await app.ClientAsync(fu, fp);
        var first = await DashboardAsync(finance);
        var again = await DashboardAsync(finance);

        // 自评己 (a draft: not finance's) is submitted: one more 优, one more in the ≥100% band.
        await DashboardData.MoveAsync(app.Service<FormStore>(), ids.DraftEvaluation, FormStatus.Submitted);
        var after = await DashboardAsync(finance);

        Assert.Equal((string?)first["asOf"], (string?)again["asOf"]);                  // kept: the same reading
        Assert.Equal([2, 1, 1, 1], Counts(first, "grades"));
        Assert.Equal([3, 1, 1, 1], Counts(after, "grades"));
        Assert.Equal([1, 1, 0, 2, 2], Counts(after, "executionRates"));
        Assert.Equal(6, await DashboardData.ListedAsync(finance, after["selfEvaluations"]!["link"]!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_change_made_by_another_process_is_counted_on_the_next_look_too(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var ids = await DashboardData.LoadAsync(app);
        var (fu, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var finance = await app.ClientAsync(fu, fp);
        var before = await DashboardAsync(finance);
        Assert.Equal([2, 1, 1, 1], Counts(before, "grades"));

        // A process of its own (a script, a second server): its own connection, a plain UPDATE, nothing the app sees.
        var other = Database.Open(app.Service<Database>().ConnectionString);
        await using (var c = await other.ConnectAsync())
            await c.ExecuteAsync("UPDATE forms SET status = 'submitted' WHERE id = @id", new { id = ids.DraftEvaluation });

        var after = await DashboardAsync(finance);
        Assert.Equal([3, 1, 1, 1], Counts(after, "grades"));
    }
}
