using Jixiao.Core.Workflow;
using System.Net;
using System.Net.Http.Json;
using Jixiao.Formats.Import;
using Jixiao.Core.Interchange;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Core.Access;

namespace Jixiao.Tests.Web;

/// <summary>The web application through HTTP, on SQLite and on PostgreSQL.</summary>
[Collection("databases")]
public class WebAppTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Starts_with_the_seed_forms_as_demo_data_and_reports_health(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);

        var health = await WebApp.JsonAsync(await admin.GetAsync("/health"));
        var forms = (await WebApp.JsonAsync(await admin.GetAsync("/api/forms"))).AsArray();

        Assert.Equal("ok", (string?)health["status"]);
        Assert.Equal(kind == "sqlite" ? "sqlite" : "postgresql", (string?)health["database"]);
        Assert.Equal(13, forms.Count);
        Assert.Equal(10, forms.Count(f => (string?)f!["kind"] == "self-evaluation"));
        Assert.All(forms, f => Assert.Equal("draft", (string?)f!["status"]));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_form_comes_back_as_the_interchange_json_with_id_status_and_version(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var id = await app.FormIdAsync("电教远教工作经费");
        var imported = FormImporter.ImportFile(TestData.CaseInput("seed-004")).Forms.Single(f => f.ProjectName == "电教远教工作经费");

        var json = await WebApp.JsonAsync(await admin.GetAsync($"/api/forms/{id}"));

        Assert.Equal(id, (long)json["id"]!);
        Assert.Equal("draft", (string?)json["status"]);
        Assert.Equal(1, (int)json["version"]!);
        json.AsObject().Remove("id");
        json.AsObject().Remove("status");
        json.AsObject().Remove("version");
        var expected = FormJson.Content(imported).ToJsonString();
        var actual = FormJson.Content(FormJsonReader.Read(json.AsObject())).ToJsonString();
        Assert.Equal(expected, actual);
        Assert.Equal(9.32m, json["indicators"]![9]!["score"]!.GetValue<decimal>());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_public_sees_published_forms_only(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var published = await app.FormIdAsync("信息化建设项目");
        var draft = await app.FormIdAsync("信息化运维项目");
        await app.SetStatusAsync(published, FormStatus.Submitted);
        await app.SetStatusAsync(published, FormStatus.DepartmentApproved);
        await app.SetStatusAsync(published, FormStatus.Approved);
        await app.SetStatusAsync(published, FormStatus.Published);
        var anyone = await app.ClientAsync();

        var list = (await WebApp.JsonAsync(await anyone.GetAsync("/api/forms"))).AsArray();
        var page = await anyone.GetAsync($"/public/forms/{published}");
        var hidden = await anyone.GetAsync($"/api/forms/{draft}");
        var hiddenPage = await anyone.GetAsync($"/public/forms/{draft}");

        Assert.Equal(published, (long)Assert.Single(list)!["id"]!);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("年访问次数", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hiddenPage.StatusCode);
    }

    /// <summary>
    /// Every role × own/other unit × form state, as a table. Units: 上海市党建服务中心 (004's five forms, under
    /// 中共上海市委组织部) is "own"; 上海市松江区中山街道社区党群服务中心 (001) is "other".
    /// </summary>
    public static TheoryData<string, string, string, string, bool> AccessTable()
    {
        var t = new TheoryData<string, string, string, string, bool>();
        foreach (var kind in new[] { "sqlite", "postgres" })
        {
            // role, whose form, status, expected
            void Row(string role, string whose, string status, bool allowed) => t.Add(kind, role, whose, status, allowed);
            Row("unit", "own", "draft", true);
            Row("unit", "own", "submitted", true);
            Row("unit", "other", "draft", false);
            Row("unit", "other", "submitted", false);
            Row("unit", "other", "published", true);
            Row("department-reviewer", "own", "draft", false);
            Row("department-reviewer", "own", "submitted", true);
            Row("department-reviewer", "other", "submitted", false);
            Row("department-reviewer", "other", "published", true);
            Row("finance-reviewer", "own", "draft", false);
            Row("finance-reviewer", "other", "submitted", true);
            Row("admin", "other", "draft", true);
            Row("public", "own", "submitted", false);
            Row("public", "own", "published", true);
        }
        return t;
    }

    [Theory]
    [MemberData(nameof(AccessTable))]
    public async Task Who_may_read_a_form_depends_on_role_unit_and_state(string kind, string role, string whose, string status, bool allowed)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var formName = whose == "own" ? "党建服务工作经费" : "文体事务管理";
        var id = await app.FormIdAsync(formName);
        foreach (var step in status switch
                 {
                     "submitted" => new[] { FormStatus.Submitted },
                     "published" => new[] { FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved, FormStatus.Published },
                     _ => Array.Empty<FormStatus>(),
                 })
            await app.SetStatusAsync(id, step);
        HttpClient client;
        if (role == "public") client = await app.ClientAsync();
        else if (role == "admin") client = await app.ClientAsync("admin", WebApp.AdminPassword);
        else
        {
            var org = role switch
            {
                "unit" => "上海市党建服务中心",
                "department-reviewer" => "中共上海市委组织部",
                _ => "财政局",
            };
            var (u, p) = await app.UserAsync(Roles.FromCode(role)!.Value, org);
            client = await app.ClientAsync(u, p);
        }

        var single = await client.GetAsync($"/api/forms/{id}");
        var list = (await WebApp.JsonAsync(await client.GetAsync("/api/forms?limit=1000"))).AsArray();
        var published = (await WebApp.JsonAsync(await client.GetAsync("/api/forms?status=published&limit=1000"))).AsArray();

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.NotFound, single.StatusCode);
        // The working list is the person's scope; another unit's published form, which anyone may read, is listed
        // when published forms are asked for (issue 10: each scope served by one index).
        var working = allowed && !(whose == "other" && status == "published" && role is "unit" or "department-reviewer");
        Assert.Equal(working, list.Any(f => (long)f!["id"]! == id));
        Assert.Equal(allowed && status == "published", published.Any(f => (long)f!["id"]! == id));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Bad_requests_get_a_chinese_message_naming_the_field(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var anyone = await app.ClientAsync();

        var cases = new (HttpResponseMessage Response, HttpStatusCode Status, string Field)[]
        {
            (await admin.GetAsync("/api/forms?year=abc"), HttpStatusCode.BadRequest, "year"),
            (await admin.GetAsync("/api/forms?status=done"), HttpStatusCode.BadRequest, "status"),
            (await admin.GetAsync("/api/forms?kind=report"), HttpStatusCode.BadRequest, "kind"),
            (await admin.GetAsync("/api/forms?limit=0"), HttpStatusCode.BadRequest, "limit"),
            (await admin.GetAsync("/api/forms/abc"), HttpStatusCode.NotFound, "id"),
            (await admin.GetAsync("/api/forms/999999"), HttpStatusCode.NotFound, "id"),
            (await anyone.PostAsJsonAsync("/api/login", new { username = "admin" }), HttpStatusCode.BadRequest, "password"),
            (await anyone.PostAsJsonAsync("/api/login", new { username = new string('名', 101), password = "x" }), HttpStatusCode.BadRequest, "username"),
        };

        foreach (var (response, status, field) in cases)
        {
            Assert.Equal(status, response.StatusCode);
            var body = await WebApp.JsonAsync(response);
            Assert.Equal(field, (string?)body["field"]);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (string?)body["error"] ?? "");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_login_form_carries_an_anti_forgery_token_and_refuses_a_post_without_one(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var client = await app.ClientAsync();

        var page = await (await client.GetAsync("/login")).Content.ReadAsStringAsync();
        var forged = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "admin",
            ["password"] = WebApp.AdminPassword,
        }));

        Assert.Contains("__RequestVerificationToken", page);
        Assert.Contains("用户名", page);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(forged.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("jixiao=", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_api_is_described_by_openapi(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var client = await app.ClientAsync();

        var doc = await WebApp.JsonAsync(await client.GetAsync("/openapi/v1.json"));

        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/login", paths);
        Assert.Contains("/api/forms", paths);
        Assert.Contains("/api/forms/{id}", paths);
        Assert.Contains("/health", paths);
        // Requests and responses are described, with the Chinese field names.
        string? Ref(System.Text.Json.Nodes.JsonNode? n) => (string?)n?["content"]?["application/json"]?["schema"]?["$ref"];
        var put = doc["paths"]!["/api/forms/{id}"]!["put"]!;
        Assert.Equal("#/components/schemas/StoredFormDocument", Ref(put["requestBody"]));
        Assert.Equal("#/components/schemas/SavedForm", Ref(put["responses"]!["200"]));
        Assert.Equal("#/components/schemas/ApiError", Ref(put["responses"]!["400"]));
        var transition = doc["paths"]!["/api/forms/{id}/transitions"]!["post"]!;
        Assert.Equal("#/components/schemas/TransitionRequest", Ref(transition["requestBody"]));
        Assert.Equal("#/components/schemas/ApiError", Ref(transition["responses"]!["422"]));
        var schemas = doc["components"]!["schemas"]!;
        Assert.Equal("提交时对警告的确认理由（有警告时必填）", (string?)schemas["TransitionRequest"]!["properties"]!["acknowledgement"]!["description"]);
        Assert.Contains("改分（单位认为应得的分及理由）", schemas["IndicatorDocument"]!["properties"]!["scoreOverride"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.NotNull(schemas["FindingDocument"]!["properties"]!["row"]);
        Assert.NotNull(schemas["ScoreSheetDocument"]!["properties"]!["ruleBasedTotalScore"]);
        Assert.Equal("#/components/schemas/CheckResponse", Ref(doc["paths"]!["/api/check"]!["post"]!["responses"]!["200"]));
    }
}
