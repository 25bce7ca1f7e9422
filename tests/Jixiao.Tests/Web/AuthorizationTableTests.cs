using Jixiao.Core.Workflow;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Jixiao.Core.Model;
using Jixiao.Formats.Import;
using Jixiao.Core.Interchange;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Core.Access;
using Jixiao.Web.Features.Organisations;

namespace Jixiao.Tests.Web;

/// <summary>
/// Every role × every action × form state × own/other unit, each with the expected answer written out by hand from
/// the rules (issue 9: unit → 主管部门 → 财政 → published; a unit works on its own forms, a 主管部门 reviewer reviews
/// its units' submissions, finance the 主管部门-approved ones of all units) — not read from the table in the core,
/// which must not test itself. "Own" is a form of 上海市党建服务中心 (under 中共上海市委组织部); "other" one of
/// 上海市松江区中山街道社区党群服务中心. Each case acts on a fresh form in the state the action needs.
/// </summary>
[Collection("databases")]
public class AuthorizationTableTests(TestDatabases databases)
{
    private const string P = "public", U = "unit", D = "department-reviewer", F = "finance-reviewer", A = "admin";

    // action, the form it acts on (kind and state), then allowed for: public, unit, department, finance, admin — own unit | other unit
    private static readonly (string Action, string Form, FormStatus State, string Own, string Other)[] Table =
    [
        ("read",            "self",        FormStatus.Draft,              "-U--A", "----A"),
        ("read",            "self",        FormStatus.Submitted,          "-UDFA", "---FA"),
        ("read",            "self",        FormStatus.DepartmentApproved, "-UDFA", "---FA"),
        ("read",            "self",        FormStatus.Published,          "PUDFA", "PUDFA"),
        ("history",         "self",        FormStatus.Submitted,          "-UDFA", "---FA"),
        ("edit",            "self",        FormStatus.Draft,              "-U--A", "----A"),
        ("edit",            "self",        FormStatus.Returned,           "-U--A", "----A"),
        ("edit",            "self",        FormStatus.Submitted,          "-----", "-----"),
        ("edit",            "self",        FormStatus.Approved,           "-----", "-----"),
        ("submit",          "self",        FormStatus.Draft,              "-U--A", "----A"),
        ("submit",          "self",        FormStatus.Submitted,          "-----", "-----"),
        ("return",          "self",        FormStatus.Submitted,          "--D-A", "----A"),
        ("return",          "self",        FormStatus.DepartmentApproved, "---FA", "---FA"),
        ("approve",         "self",        FormStatus.Submitted,          "--D-A", "----A"),
        ("approve",         "self",        FormStatus.DepartmentApproved, "---FA", "---FA"),
        ("approve",         "self",        FormStatus.Draft,              "-----", "-----"),
        ("publish",         "self",        FormStatus.Approved,           "---FA", "---FA"),
        ("publish",         "self",        FormStatus.DepartmentApproved, "-----", "-----"),
        ("review-score",    "self",        FormStatus.Submitted,          "--DFA", "---FA"),
        ("review-score",    "declaration", FormStatus.Submitted,          "-----", "-----"),
        ("adjust",          "declaration", FormStatus.Approved,           "-U--A", "----A"),
        ("adjust",          "declaration", FormStatus.Submitted,          "-----", "-----"),
        ("self-evaluation", "declaration", FormStatus.Approved,           "-U--A", "----A"),
        ("self-evaluation", "declaration", FormStatus.DepartmentApproved, "-----", "-----"),
        ("address-comment", "self",        FormStatus.Returned,           "-U--A", "----A"),
        ("address-comment", "self",        FormStatus.Submitted,          "-----", "-----"),
        ("export",          "self",        FormStatus.Submitted,          "-UDFA", "---FA"),
        ("export",          "self",        FormStatus.Published,          "PUDFA", "PUDFA"),
        ("create",          "declaration", FormStatus.Draft,              "-U--A", "----A"),
        ("create",          "self",        FormStatus.Draft,              "-----", "-----"),
        ("import",          "declaration", FormStatus.Draft,              "-U--A", "----A"),
        ("check",           "declaration", FormStatus.Draft,              "-UDFA", "-UDFA"),
        ("admin",           "none",        FormStatus.Draft,              "----A", "----A"),
        ("dashboard",       "none",        FormStatus.Draft,              "--DFA", "--DFA"),
        // 运行监控 (issue 11): finance opens a round over chosen approved declarations; a reviewer requires 整改 of a
        // form it reviews (the 主管部门 for its units, finance for all), never of a draft or a declaration; the unit
        // records the result; finance holds an approved project's funds.
        ("open-round",      "declaration", FormStatus.Approved,           "---FA", "---FA"),
        ("rectify",         "self",        FormStatus.Submitted,          "--DFA", "---FA"),
        ("rectify",         "self",        FormStatus.Approved,           "--DFA", "---FA"),
        ("rectify",         "self",        FormStatus.Draft,              "-----", "-----"),
        ("rectify",         "declaration", FormStatus.Approved,           "-----", "-----"),
        ("rectification-result", "self",   FormStatus.Approved,           "-U--A", "----A"),
        ("hold",            "declaration", FormStatus.Approved,           "---FA", "---FA"),
        ("hold",            "declaration", FormStatus.Submitted,          "-----", "-----"),
        // 抽查 (issue 13): finance draws from the approved self-evaluations and records 复核分 on published ones too.
        ("spot-check",      "self",        FormStatus.Approved,           "---FA", "---FA"),
        ("review-score",    "self",        FormStatus.Published,          "---FA", "---FA"),
        // 结果应用 (issue 13): finance records its decision on an approved or published self-evaluation, nobody else and on
        // nothing else; every logged-in person reads the register (in their own scope).
        ("decide-result",   "self",        FormStatus.Approved,           "---FA", "---FA"),
        ("decide-result",   "self",        FormStatus.Published,          "---FA", "---FA"),
        ("decide-result",   "self",        FormStatus.DepartmentApproved, "-----", "-----"),
        ("decide-result",   "declaration", FormStatus.Approved,           "-----", "-----"),
        ("results",         "none",        FormStatus.Draft,              "-UDFA", "-UDFA"),
        // 指标库 (issue 13): every logged-in person reads it (what is shared with them); finance seeds and curates it.
        ("library",         "none",        FormStatus.Draft,              "-UDFA", "-UDFA"),
        ("library-seed",    "none",        FormStatus.Draft,              "---FA", "---FA"),
        ("library-import",  "none",        FormStatus.Draft,              "---FA", "---FA"),
    ];

    private static readonly string[] RoleOrder = [P, U, D, F, A];

    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_role_and_action_on_own_and_other_units_is_allowed_or_refused_as_the_table_says(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in RoleOrder)
            clients[role] = role switch
            {
                P => await app.ClientAsync(),
                A => await app.ClientAsync("admin", WebApp.AdminPassword),
                _ => await LoginAsync(app, Roles.FromCode(role)!.Value),
            };
        var seeds = new[] { "seed-001", "seed-003", "seed-004" }.SelectMany(c => FormImporter.ImportFile(TestData.CaseInput(c)).Forms).ToList();
        var mismatches = new List<string>();
        int n = 0;
        foreach (var (action, formKind, state, own, other) in Table)
            foreach (var place in new[] { "own", "other" })
                for (int r = 0; r < RoleOrder.Length; r++)
                {
                    var expected = (place == "own" ? own : other)[r] != '-';
                    var role = RoleOrder[r];
                    var id = formKind == "none" || action is "create" or "import" or "check" ? 0 : await FreshFormAsync(app, seeds, formKind, state, place, ++n);
                    var comment = action switch
                    {
                        "address-comment" => await CommentOfAsync(app, id),
                        // An 整改 item raised by a reviewer on the fresh form, for the unit to answer.
                        "rectification-result" => (await app.Service<MonitoringStore>().RaiseAsync(id, (await app.Service<FormStore>().GetAsync(id))!.UnitId,
                            "请整改", new DateOnly(2099, 12, 31), "test")).Id,
                        _ => 0,
                    };
                    var (allowed, answer) = await TryAsync(clients[role], action, formKind, id, place, seeds, ++n, comment);
                    if (allowed != expected)
                        mismatches.Add($"{action} {formKind}/{state.ToCode()} by {role} on {place}: expected {(expected ? "allow" : "deny")}, got {answer}");
                }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>Each person belongs to the own side: the unit 上海市党建服务中心, its 主管部门, the finance bureau.</summary>
    private static async Task<HttpClient> LoginAsync(WebApp app, Role role)
    {
        var org = role switch
        {
            Role.Unit => "上海市党建服务中心",
            Role.DepartmentReviewer => "中共上海市委组织部",
            _ => "财政局",
        };
        var (u, p) = await app.UserAsync(role, org);
        return await app.ClientAsync(u, p);
    }

    /// <summary>A new form of the own or other unit, in the state the action needs.</summary>
    private static async Task<long> FreshFormAsync(WebApp app, List<PerformanceForm> seeds, string kind, FormStatus state, string place, int n)
    {
        var template = kind == "declaration" ? seeds.First(f => f.ProjectName == "生活驿站运行经费") : seeds.First(f => f.ProjectName == "电教远教工作经费");
        var form = FormJsonReader.Parse(FormJson.ToJson(template).ToJsonString());
        form.ProjectName = $"{template.ProjectName}-{n}";
        (form.Department, form.ImplementingUnit) = place == "own"
            ? ("中共上海市委组织部", "上海市党建服务中心")
            : ("上海市松江区人民政府中山街道办事处", "上海市松江区中山街道社区党群服务中心");
        var unit = await app.Service<OrganisationStore>().EnsureUnitAsync(form.Department, form.ImplementingUnit);
        var store = app.Service<FormStore>();
        var (id, _) = await store.ImportAsync(form, unit, "test");
        var path = state switch
        {
            FormStatus.Submitted => new[] { FormStatus.Submitted },
            FormStatus.Returned => [FormStatus.Submitted, FormStatus.Returned],
            FormStatus.DepartmentApproved => [FormStatus.Submitted, FormStatus.DepartmentApproved],
            FormStatus.Approved => [FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved],
            FormStatus.Published => [FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved, FormStatus.Published],
            _ => [],
        };
        int version = 1;
        // Every return carries a comment on row 1, so that marking a comment addressed has one to mark.
        foreach (var s in path)
            version = (await store.ChangeStatusAsync(id, version, s, "test", null, s == FormStatus.Returned ? [(0, "请核对第 1 行")] : [])).CurrentVersion;
        return id;
    }

    /// <summary>Tries the action; allowed means it did what it should (a 2xx, and for an import a stored form).</summary>
    /// <summary>The row comment of the form's last return (none on a form never returned: 0, which no comment has).</summary>
    private static async Task<long> CommentOfAsync(WebApp app, long id) =>
        (await app.Service<FormStore>().HistoryAsync(id)).LastOrDefault(h => h.Action == "comment")?.Id ?? 0;

    private static async Task<(bool Allowed, string Answer)> TryAsync(HttpClient c, string action, string formKind, long id, string place, List<PerformanceForm> seeds, int n,
        long comment = 0)
    {
        var current = action is "read" or "history" or "export" or "admin" or "create" or "import" or "check" or "dashboard" or "results" or "library" or "library-seed" or "library-import" ? null : await CurrentVersionAsync(c, id);
        HttpResponseMessage r = action switch
        {
            "read" => await c.GetAsync($"/api/forms/{id}"),
            "history" => await c.GetAsync($"/api/forms/{id}/history"),
            "edit" => await EditAsync(c, id, current),
            "submit" or "return" or "approve" or "publish" => await c.PostAsJsonAsync($"/api/forms/{id}/transitions",
                new { action, version = current ?? 1, reason = "理由", acknowledgement = "已核对各条警告，情况属实。" }),
            "review-score" => await c.PostAsJsonAsync($"/api/forms/{id}/review-score", new { score = "95.00", version = current ?? 1 }),
            "adjust" => await c.PostAsJsonAsync($"/api/forms/{id}/adjust", new { }),
            "self-evaluation" => await c.PostAsJsonAsync($"/api/forms/{id}/self-evaluation", new { }),
            "address-comment" => await c.PostAsJsonAsync($"/api/forms/{id}/comments/{comment}/addressed", new { addressed = true }),
            "export" => await c.GetAsync($"/api/forms/{id}/export?format=html"),
            "create" => await c.PostAsync("/api/forms", Json(NewForm(seeds, formKind, place, n))),
            "import" => await ImportAsync(c, seeds, place, n),
            "check" => await c.PostAsync("/api/check", Json(NewForm(seeds, formKind, place, n))),
            "admin" => await c.PostAsJsonAsync("/api/users", new { username = $"u{n}", password = "0123456789ab", role = "admin" }),
            "dashboard" => await c.GetAsync("/api/dashboard?year=2024"),
            "open-round" => await OpenRoundAsync(c, id),
            "rectify" => await c.PostAsJsonAsync($"/api/forms/{id}/rectifications", new { requirement = "请在期限内整改", deadline = "2099-12-31" }),
            "rectification-result" => await c.PostAsJsonAsync($"/api/rectifications/{comment}/result", new { result = "已整改" }),
            "hold" => await c.PostAsJsonAsync($"/api/forms/{id}/funding-hold", new { reason = "暂缓" }),
            "spot-check" => await c.PostAsJsonAsync("/api/spot-checks", new { year = 2024, size = 1 }),
            "decide-result" => await c.PostAsJsonAsync($"/api/forms/{id}/result-decision", new { decision = "其他", reason = "另行安排" }),
            "results" => await c.GetAsync("/api/results-application?year=2024"),
            "library" => await c.GetAsync("/api/indicator-library?q=x"),
            "library-seed" => await c.PostAsJsonAsync("/api/indicator-library/seed", new { }),
            "library-import" => await LibraryImportAsync(c),
            _ => throw new ArgumentException(action),
        };
        var answer = $"{(int)r.StatusCode}";
        if (action == "import" && r.IsSuccessStatusCode)
            return ((await WebApp.JsonAsync(r))["files"]![0]!["forms"]![0]!["id"] is not null, answer + " (not stored)");
        return (r.IsSuccessStatusCode, answer);
    }

    // Each try opens its own period (a year has one round per period end), so an allowed try is not refused as a repeat.
    private static int _roundMonth;

    private static Task<HttpResponseMessage> OpenRoundAsync(HttpClient c, long declarationId)
    {
        var month = Interlocked.Increment(ref _roundMonth) % 12 + 1;
        var end = new DateOnly(2024, month, DateTime.DaysInMonth(2024, month));
        return c.PostAsJsonAsync("/api/monitoring/rounds", new
        {
            year = 2024, periodEnd = end.ToString("yyyy-MM-dd"), deadline = end.AddDays(20).ToString("yyyy-MM-dd"), declarations = new[] { declarationId },
        });
    }

    /// <summary>The version the person sees; when they cannot see the form, a guess (the action is refused anyway).</summary>
    private static async Task<int?> CurrentVersionAsync(HttpClient c, long id)
    {
        var r = await c.GetAsync($"/api/forms/{id}");
        return r.IsSuccessStatusCode ? (int)(await WebApp.JsonAsync(r))["version"]! : 3;
    }

    private static async Task<HttpResponseMessage> EditAsync(HttpClient c, long id, int? version)
    {
        var r = await c.GetAsync($"/api/forms/{id}");
        if (!r.IsSuccessStatusCode) return r;
        var json = (await WebApp.JsonAsync(r)).AsObject();
        json["goals"]!["actual"] = "已完成。";
        // Sent back as it came: the server-owned fields (id, status, version …) are ignored, not refused.
        return await c.PutAsync($"/api/forms/{id}?version={version}", Json(json));
    }

    private static PerformanceForm NewForm(List<PerformanceForm> seeds, string kind, string place, int n)
    {
        var template = kind == "self" ? seeds.First(f => f.ProjectName == "电教远教工作经费") : seeds.First(f => f.ProjectName == "专户项目经费");
        var d = FormJsonReader.Parse(FormJson.ToJson(template).ToJsonString());
        d.ProjectName = $"新项目-{n}";
        (d.Department, d.ImplementingUnit) = place == "own"
            ? ("中共上海市委组织部", "上海市党建服务中心")
            : ("上海市松江区人民政府中山街道办事处", "上海市松江区中山街道社区党群服务中心");
        return d;
    }

    private static StringContent Json(PerformanceForm f) => Json(FormJson.ToJson(f));

    private static StringContent Json(System.Text.Json.Nodes.JsonNode n) => new(n.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>The 指标库 workbook with its header and no rows, confirmed: nothing to write, but only finance gets that far.</summary>
    private static Task<HttpResponseMessage> LibraryImportAsync(HttpClient c) =>
        LibraryImportTests.UploadAsync(c, LibraryImportTests.Workbook(Jixiao.Web.Features.Library.LibraryWork.ExportHeaders, []), confirm: true);

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient c, List<PerformanceForm> seeds, string place, int n)
    {
        var d = NewForm(seeds, "declaration", place, n);
        var content = new MultipartFormDataContent();
        c.DefaultRequestHeaders.Remove("X-Requested-With");
        c.DefaultRequestHeaders.Add("X-Requested-With", "test");
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(FormJson.Serialize([d])));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(part, "files", "form.json");
        return await c.PostAsync("/api/imports?confirm=true", content);
    }
}
