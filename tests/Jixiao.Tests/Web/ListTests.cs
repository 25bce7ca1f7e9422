using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jixiao.Core.Access;
using Jixiao.Core.Workflow;
using Jixiao.Storage;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Web;

/// <summary>
/// Issue 10, items 1, 2 and 9 over HTTP on both databases: lists with search, filters, sort and pages; bulk approval;
/// the 工作台's counts; the windows and overdue forms; the list export; open data; the demo as run.sh starts it.
/// The expected counts are read off the 13 seed forms (README of samples/seeds): 上海市党建服务中心 has 004's five
/// self-evaluations; "党建" is in those five and in 003's 党建经费.
/// </summary>
[Collection("databases")]
public class ListTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    static async Task<(List<long> Ids, int Total)> ListAsync(HttpClient c, string query)
    {
        var r = await c.GetAsync("/api/forms?" + query);
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{query}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        var ids = (await WebApp.JsonAsync(r)).AsArray().Select(f => (long)f!["id"]!).ToList();
        return (ids, int.Parse(r.Headers.GetValues("X-Total-Count").Single()));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Search_filters_sort_and_pages_come_with_the_total(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);

        var all = await ListAsync(admin, "limit=1000");
        var party = await ListAsync(admin, "q=党建");
        var partyDeclarations = await ListAsync(admin, "q=党建&kind=target-declaration");
        var first = await ListAsync(admin, "q=党建&limit=4");
        var second = await ListAsync(admin, "q=党建&limit=4&offset=4");
        var beyond = await ListAsync(admin, "q=党建&limit=4&offset=6");
        var literal = await ListAsync(admin, "q=%25");   // a % is searched for, not a wildcard

        Assert.Equal(13, all.Total);
        Assert.Equal(6, party.Total);
        Assert.Equal(1, partyDeclarations.Total);
        Assert.Equal(4, first.Ids.Count);
        Assert.Equal(2, second.Ids.Count);
        Assert.Empty(beyond.Ids);
        Assert.All(new[] { first, second, beyond }, p => Assert.Equal(6, p.Total));
        Assert.Empty(first.Ids.Intersect(second.Ids));
        Assert.Equal(party.Ids.Order(), first.Ids.Concat(second.Ids).Order());
        Assert.Equal(0, literal.Total);

        // Statuses, several at once; the score sort; a grade.
        var store = app.Service<FormStore>();
        await app.SetStatusAsync(party.Ids[0], FormStatus.Submitted);
        await app.SetStatusAsync(party.Ids[1], FormStatus.Submitted);
        await app.SetStatusAsync(party.Ids[1], FormStatus.DepartmentApproved);
        Assert.Equal(2, (await ListAsync(admin, "status=submitted,department-approved")).Total);
        var byScore = (await WebApp.JsonAsync(await admin.GetAsync("/api/forms?kind=self-evaluation&sort=score&limit=1000"))).AsArray()
            .Select(f => (decimal?)f!["totalScore"]).ToList();
        Assert.Equal(byScore.OrderByDescending(x => x ?? decimal.MinValue), byScore);
        var grades = (await WebApp.JsonAsync(await admin.GetAsync("/api/forms?grade=优&limit=1000"))).AsArray();
        Assert.All(grades, f => Assert.Equal("优", (string?)f!["grade"]));
        Assert.NotEmpty(grades);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_form_with_errors_is_found_by_the_errors_filter_and_bad_parameters_name_themselves(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var store = app.Service<FormStore>();
        var id = await app.FormIdAsync("电教远教工作经费");
        var stored = (await store.GetAsync(id))!;
        stored.Form.Indicators[2].Score = stored.Form.Indicators[2].Weight + 5m;   // as a scanned form may print it
        await store.UpdateAsync(id, stored.Version, stored.Form, "scanner");

        var withErrors = await ListAsync(admin, "errors=true");
        var clean = await ListAsync(admin, "errors=false");

        Assert.Equal([id], withErrors.Ids);
        Assert.Equal(12, clean.Total);
        foreach (var (query, field) in new[] { ("year=明年", "year"), ("sort=random", "sort"), ("status=done", "status"), ("errors=maybe", "errors"),
                                                ("q=" + new string('词', 101), "q"), ("grade=甲", "grade"), ("department=x", "department"), ("page=0", "page") })
        {
            var r = await admin.GetAsync("/api/forms?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Equal(field, (string?)(await WebApp.JsonAsync(r))["field"]);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_reviewer_approves_a_selection_and_forms_with_errors_or_outside_its_units_are_left_out_with_the_reason(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var store = app.Service<FormStore>();
        var (d, dp) = await app.UserAsync(Role.DepartmentReviewer, "中共上海市委组织部");
        var dept = await app.ClientAsync(d, dp);
        var ids = new List<long>();
        foreach (var name in new[] { "电教远教工作经费", "信息化运维项目", "信息化建设项目" })
        {
            var id = await app.FormIdAsync(name);
            await app.SetStatusAsync(id, FormStatus.Submitted);
            ids.Add(id);
        }
        var broken = (await store.GetAsync(ids[2]))!;
        broken.Form.Indicators[0].Score = broken.Form.Indicators[0].Weight + 1m;
        await store.UpdateAsync(ids[2], broken.Version, broken.Form, "scanner");
        var foreign = await app.FormIdAsync("文体事务管理");   // 松江区中山街道: not this 主管部门's
        await app.SetStatusAsync(foreign, FormStatus.Submitted);
        var versions = new List<object>();
        foreach (var id in ids.Append(foreign)) versions.Add(new { id, version = (await store.GetAsync(id))!.Version });

        var r = await dept.PostAsJsonAsync("/api/forms/transitions", new { action = "approve", forms = versions });

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var body = await WebApp.JsonAsync(r);
        Assert.Equal(ids.Take(2).Order(), body["done"]!.AsArray().Select(x => (long)x!["id"]!).Order());
        Assert.All(body["done"]!.AsArray(), x => Assert.Equal("department-approved", (string?)x!["status"]));
        var refused = body["refused"]!.AsArray().ToDictionary(x => (long)x!["id"]!, x => x!);
        Assert.Equal(2, refused.Count);
        Assert.Contains("错误", (string?)refused[ids[2]]["error"]);
        Assert.Contains(refused[ids[2]]["findings"]!.AsArray(), f => (string?)f!["code"] == "score-out-of-range");
        Assert.Contains("没有编号为", (string?)refused[foreign]["error"]);
        Assert.Equal(FormStatus.Submitted, (await store.GetAsync(ids[2]))!.Status);
        Assert.Equal(FormStatus.Submitted, (await store.GetAsync(foreign))!.Status);
        var notBulk = await dept.PostAsJsonAsync("/api/forms/transitions", new { action = "return", forms = versions });
        Assert.Equal(HttpStatusCode.BadRequest, notBulk.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_workbench_counts_what_waits_for_each_role_and_windows_make_late_forms_overdue(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (u, up) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var (d, dp) = await app.UserAsync(Role.DepartmentReviewer, "中共上海市委组织部");
        var (f, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var unit = await app.ClientAsync(u, up);
        var dept = await app.ClientAsync(d, dp);
        var finance = await app.ClientAsync(f, fp);
        async Task<Dictionary<string, int>> Bench(HttpClient c) =>
            (await WebApp.JsonAsync(await c.GetAsync("/api/workbench")))["todo"]!.AsArray().ToDictionary(t => (string)t!["label"]!, t => (int)t!["count"]!);
        var submitted = await app.FormIdAsync("信息化建设项目");
        Assert.Equal(HttpStatusCode.OK, (await WebApp.TransitionAsync(unit, submitted, "submit", acknowledgement: "已核对")).StatusCode);

        // No window yet: nothing is overdue.
        Assert.Equal(4, (await Bench(unit))["我的草稿"]);
        Assert.Equal(1, (await Bench(unit))["已提交、审核中"]);
        Assert.Equal(0, (await Bench(unit))["逾期未提交"]);
        Assert.Equal(1, (await Bench(dept))["待我审核"]);
        Assert.Equal(0, (await Bench(finance))["待我审核（主管部门已审核）"]);

        // Finance closes 2024's 自评 window yesterday; the unit cannot set windows.
        var yesterday = Jixiao.Web.Features.Shared.Today.In(TimeProvider.System).AddDays(-1).ToString("yyyy-MM-dd");
        var window = new { year = 2024, stage = "self-evaluation", opensOn = "2025-03-01", closesOn = yesterday };
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PutAsJsonAsync("/api/windows", window)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.PutAsJsonAsync("/api/windows", window with { closesOn = "2025-02-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await finance.PutAsJsonAsync("/api/windows", window)).StatusCode);

        Assert.Equal(4, (await Bench(unit))["逾期未提交"]);               // the four 2024 drafts; the submitted one is not late
        Assert.Equal(4, (await Bench(dept))["逾期未提交"]);               // a 主管部门 sees how many of its units are late
        var late = await ListAsync(unit, "overdue=true");
        Assert.Equal(4, late.Total);
        Assert.DoesNotContain(submitted, late.Ids);
        var rows = (await WebApp.JsonAsync(await unit.GetAsync("/api/forms?limit=100"))).AsArray();
        Assert.All(rows, r => Assert.Equal((long)r!["id"]! != submitted, (bool)r["overdue"]!));
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.ClientAsync()).GetAsync("/api/workbench")).StatusCode);
    }

    [Fact]
    public async Task A_province_of_many_units_offers_them_per_department_and_the_page_does_not_carry_them_all()
    {
        using var app = await WebApp.StartAsync(databases, "sqlite");
        var organisations = app.Service<Jixiao.Web.Features.Organisations.OrganisationStore>();
        var finance = (await organisations.AllAsync()).Single(o => o.Kind == "finance").Id;
        var east = await organisations.EnsureAsync("东区教育局", "department", finance);
        var west = await organisations.EnsureAsync("西区教育局", "department", finance);
        for (var i = 1; i <= 200; i++) await organisations.EnsureAsync($"东区第{i}小学", "unit", east);
        for (var i = 1; i <= 150; i++) await organisations.EnsureAsync($"西区第{i}小学", "unit", west);
        var (f, fp) = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var client = await app.ClientAsync(f, fp);

        // 350 units and the seeds' own: more than one list should hold.
        var all = await client.GetStringAsync("/forms");
        Assert.DoesNotContain("<select name=\"unit\"", all);
        Assert.DoesNotContain("东区第17小学", all);
        Assert.Contains("先选主管部门再选单位", all);

        // Within one 主管部门: its units only.
        var eastPage = await client.GetStringAsync($"/forms?department={east}");
        Assert.Contains("<select name=\"unit\"", eastPage);
        Assert.Contains("东区第200小学", eastPage);
        Assert.DoesNotContain("西区第1小学", eastPage);

        // A unit chosen that way stays chosen, by name, when the 主管部门 is cleared.
        var school = (await organisations.AllAsync()).Single(o => o.Name == "东区第17小学").Id;
        var chosen = await client.GetStringAsync($"/forms?unit={school}");
        Assert.Contains($"<input type=\"hidden\" name=\"unit\" value=\"{school}\">", chosen);
        Assert.Contains("东区第17小学", chosen);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_list_exports_to_xlsx_with_the_same_filters(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);

        var r = await admin.GetAsync("/api/forms/export?q=党建&format=xlsx");
        var grid = Jixiao.Formats.Xlsx.XlsxReader.ReadGrid(await r.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("项目名称", grid[0][3]);
        Assert.Equal(7, grid.Count(row => row.Any(c => c.Length > 0)));   // the header and the six forms
        Assert.Contains(grid, row => row.Length > 3 && row[3] == "党建经费");
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.ClientAsync()).GetAsync("/api/forms/export")).StatusCode);
    }

    /// <summary>RFC 4180 records: quoted fields may hold commas, quotes and line breaks.</summary>
    static List<List<string>> Csv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\n') { row.Add(field.ToString().TrimEnd('\r')); field.Clear(); rows.Add(row); row = []; }
            else field.Append(ch);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Open_data_holds_every_published_form_and_nothing_else(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        foreach (var name in new[] { "党建服务工作经费", "电教远教工作经费" })
        {
            var id = await app.FormIdAsync(name);
            foreach (var s in new[] { FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved, FormStatus.Published }) await app.SetStatusAsync(id, s);
        }
        var anyone = await app.ClientAsync();

        var json = (await WebApp.JsonAsync(await anyone.GetAsync("/public/data?format=json"))).AsArray();
        var csvBytes = await (await anyone.GetAsync("/public/data?format=csv")).Content.ReadAsByteArrayAsync();
        var csv = Csv(Encoding.UTF8.GetString(csvBytes));
        var xlsx = Jixiao.Formats.Xlsx.XlsxReader.ReadGrid(await (await anyone.GetAsync("/public/data?format=xlsx")).Content.ReadAsByteArrayAsync());
        var bad = await anyone.GetAsync("/public/data?format=docx");

        Assert.Equal(["党建服务工作经费", "电教远教工作经费"], json.Select(f => (string?)f!["projectName"]).Order());
        Assert.All(json, f => Assert.Equal(1, (int)f!["formatVersion"]!));
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        Assert.Equal("表编号", csv[0][0].TrimStart('\uFEFF'));
        // 党建服务工作经费 has 10 indicator rows, 电教远教工作经费 11 (seed 004): one CSV row each, after the header.
        Assert.Equal(1 + 10 + 11, csv.Count);
        Assert.All(csv, r => Assert.Equal(csv[0].Count, r.Count));
        Assert.Equal(22, xlsx.Count(r => r.Any(c => c.Length > 0)));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var page = await (await anyone.GetAsync("/public?q=电教")).Content.ReadAsStringAsync();
        Assert.Contains("电教远教工作经费", page);
        Assert.DoesNotContain("党建服务工作经费", page);
        Assert.Contains("共 <strong id=\"total\">1</strong> 张", page);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_demo_starts_with_every_status_published_forms_a_bound_self_evaluation_a_monitoring_round_windows_and_an_account_per_role(string kind)
    {
        using var app = await WebApp.StartWithDemoAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var forms = (await WebApp.JsonAsync(await admin.GetAsync("/api/forms?limit=1000"))).AsArray();
        var anyone = await app.ClientAsync();

        Assert.Equal(FormStatuses.All.Select(s => s.ToCode()).Order(), forms.Select(f => (string)f!["status"]!).Distinct().Order());
        Assert.Contains(forms, f => f!["declarationId"] is not null);
        Assert.Equal(14, forms.Count(f => (string?)f!["kind"] != "monitoring"));
        // A 1-7月 round over the approved declarations, one form each; 生活驿站运行经费's filled and submitted.
        var rounds = (await WebApp.JsonAsync(await admin.GetAsync("/api/monitoring/rounds"))).AsArray();
        var round = await WebApp.JsonAsync(await admin.GetAsync($"/api/monitoring/rounds/{(long)rounds.Single()!["id"]!}"));
        Assert.Equal(forms.Count(f => (string?)f!["kind"] == "monitoring"), (int)round["total"]!["forms"]!);
        var filled = round["forms"]!.AsArray().Single(f => (string?)f!["projectName"] == "生活驿站运行经费")!;
        Assert.Equal("submitted", (string?)filled["status"]);
        Assert.Equal("yellow", (string?)filled["light"]);  // 40% executed at 58.33% of the year: 68.57% of time progress
        Assert.NotEmpty((await WebApp.JsonAsync(await anyone.GetAsync("/api/forms?status=published"))).AsArray());
        Assert.NotEmpty((await WebApp.JsonAsync(await admin.GetAsync("/api/windows"))).AsArray());
        foreach (var user in new[] { "unit-dangjian", "unit-xidu", "dept-zuzhibu", "dept-xidu", "finance" })
            Assert.Equal(HttpStatusCode.OK, (await anyone.PostAsJsonAsync("/api/login", new { username = user, password = "演示-Demo-2024" })).StatusCode);
        var home = await (await (await app.ClientAsync()).GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains("财政项目支出绩效管理", home);
    }
}
