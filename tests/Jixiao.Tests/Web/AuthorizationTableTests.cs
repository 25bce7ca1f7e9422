using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Jixiao.Core.Model;
using Jixiao.Formats.Import;
using Jixiao.Formats.Json;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Organisations;

namespace Jixiao.Tests.Web;

/// <summary>
/// Every role × every action × own/other unit, each with the expected answer written out. "Own" is a form of
/// 上海市党建服务中心 (under 中共上海市委组织部); "other" one of 上海市松江区中山街道社区党群服务中心. Each case acts on a fresh
/// form in the state the action needs, so no case depends on another.
/// </summary>
[Collection("databases")]
public class AuthorizationTableTests(TestDatabases databases)
{
    private const string P = "public", U = Roles.Unit, D = Roles.DepartmentReviewer, F = Roles.FinanceReviewer, A = Roles.Admin;

    // action, the form it acts on (kind and state), then allowed for: public, unit, department, finance, admin — own unit | other unit
    private static readonly (string Action, string Form, FormStatus State, string Own, string Other)[] Table =
    [
        ("read-draft",      "self",        FormStatus.Draft,     "-U--A", "----A"),
        ("read-submitted",  "self",        FormStatus.Submitted, "-UDFA", "---FA"),
        ("read-published",  "self",        FormStatus.Published, "PUDFA", "PUDFA"),
        ("edit",            "self",        FormStatus.Draft,     "-U--A", "----A"),
        ("edit-approved",   "self",        FormStatus.Approved,  "-----", "-----"),
        ("submit",          "self",        FormStatus.Draft,     "-U--A", "----A"),
        ("return",          "self",        FormStatus.Submitted, "--DFA", "---FA"),
        ("approve",         "self",        FormStatus.Submitted, "--DFA", "---FA"),
        ("publish",         "self",        FormStatus.Approved,  "---FA", "---FA"),
        ("review-score",    "self",        FormStatus.Submitted, "--DFA", "---FA"),
        ("adjust",          "declaration", FormStatus.Approved,  "-U--A", "----A"),
        ("self-evaluation", "declaration", FormStatus.Approved,  "-U--A", "----A"),
        ("export",          "self",        FormStatus.Submitted, "-UDFA", "---FA"),
        ("create",          "declaration", FormStatus.Draft,     "-U--A", "----A"),
        ("import",          "declaration", FormStatus.Draft,     "-U--A", "----A"),
        ("admin",           "none",        FormStatus.Draft,     "----A", "----A"),
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
                _ => await LoginAsync(app, role),
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
                    var id = formKind == "none" ? 0 : await FreshFormAsync(app, seeds, formKind, state, place, ++n);
                    var allowed = await TryAsync(clients[role], action, id, place, seeds, ++n);
                    if (allowed != expected) mismatches.Add($"{action} by {role} on {place}: expected {(expected ? "allow" : "deny")}, got {(allowed ? "allow" : "deny")}");
                }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>Each person belongs to the own side: the unit 上海市党建服务中心, its 主管部门, the finance bureau.</summary>
    private static async Task<HttpClient> LoginAsync(WebApp app, string role)
    {
        var org = role switch
        {
            Roles.Unit => "上海市党建服务中心",
            Roles.DepartmentReviewer => "中共上海市委组织部",
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
            FormStatus.Approved => [FormStatus.Submitted, FormStatus.Approved],
            FormStatus.Published => [FormStatus.Submitted, FormStatus.Approved, FormStatus.Published],
            _ => [],
        };
        int version = 1;
        foreach (var s in path) version = (await store.ChangeStatusAsync(id, version, s, "test", null)).CurrentVersion;
        return id;
    }

    private static async Task<bool> TryAsync(HttpClient c, string action, long id, string place, List<PerformanceForm> seeds, int n)
    {
        var current = action is "read-draft" or "read-submitted" or "read-published" or "export" or "admin" or "create" or "import"
            ? null : await CurrentVersionAsync(c, id);
        HttpResponseMessage r = action switch
        {
            "read-draft" or "read-submitted" or "read-published" => await c.GetAsync($"/api/forms/{id}"),
            "edit" or "edit-approved" => await EditAsync(c, id, current),
            "submit" or "return" or "approve" or "publish" =>
                await c.PostAsJsonAsync($"/api/forms/{id}/transitions", new { action, version = current ?? 1, reason = "理由" }),
            "review-score" => await c.PostAsJsonAsync($"/api/forms/{id}/review-score", new { score = "95.00", version = current ?? 1 }),
            "adjust" => await c.PostAsync($"/api/forms/{id}/adjust", null),
            "self-evaluation" => await c.PostAsync($"/api/forms/{id}/self-evaluation", null),
            "export" => await c.GetAsync($"/api/forms/{id}/export?format=html"),
            "create" => await c.PostAsync("/api/forms", Json(NewDeclaration(seeds, place, n))),
            "import" => await ImportAsync(c, seeds, place, n),
            "admin" => await c.PostAsJsonAsync("/api/users", new { username = $"u{n}", password = "0123456789ab", role = "admin" }),
            _ => throw new ArgumentException(action),
        };
        if (action == "import" && r.IsSuccessStatusCode)
            return (await WebApp.JsonAsync(r))["files"]![0]!["forms"]![0]!["id"] is not null;
        return r.IsSuccessStatusCode;
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
        json.Remove("id"); json.Remove("status"); json.Remove("version");
        return await c.PutAsync($"/api/forms/{id}?version={version}", Json(json));
    }

    private static PerformanceForm NewDeclaration(List<PerformanceForm> seeds, string place, int n)
    {
        var d = FormJsonReader.Parse(FormJson.ToJson(seeds.First(f => f.ProjectName == "专户项目经费")).ToJsonString());
        d.ProjectName = $"新项目-{n}";
        (d.Department, d.ImplementingUnit) = place == "own"
            ? ("中共上海市委组织部", "上海市党建服务中心")
            : ("上海市松江区人民政府中山街道办事处", "上海市松江区中山街道社区党群服务中心");
        return d;
    }

    private static StringContent Json(PerformanceForm f) => Json(FormJson.ToJson(f));

    private static StringContent Json(System.Text.Json.Nodes.JsonNode n) => new(n.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient c, List<PerformanceForm> seeds, string place, int n)
    {
        var d = NewDeclaration(seeds, place, n);
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(FormJson.Serialize([d])));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(part, "files", "form.json");
        return await c.PostAsync("/api/imports?confirm=true", content);
    }
}
