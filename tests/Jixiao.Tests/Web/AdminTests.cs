using Jixiao.Core.Workflow;
using System.Net;
using System.Net.Http.Json;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Core.Access;

namespace Jixiao.Tests.Web;

[Collection("databases")]
public class AdminTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_administrator_builds_the_tree_and_creates_an_account_that_can_log_in(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var orgs = (await WebApp.JsonAsync(await admin.GetAsync("/api/organisations"))).AsArray();
        var finance = (long)orgs.Single(o => (string?)o!["kind"] == "finance")!["id"]!;

        var dept = await admin.PostAsJsonAsync("/api/organisations", new { name = "上海市普陀区城市管理行政执法局", kind = "department", parentId = finance });
        var deptId = (long)(await WebApp.JsonAsync(dept))["id"]!;
        var unit = await admin.PostAsJsonAsync("/api/organisations", new { name = "普陀区城市管理行政执法局执法大队", kind = "unit", parentId = deptId });
        var unitId = (long)(await WebApp.JsonAsync(unit))["id"]!;
        var user = await admin.PostAsJsonAsync("/api/users", new { username = "putuo-unit", password = "普陀执法大队-2026", role = "unit", organisationId = unitId });
        var login = await (await app.ClientAsync()).PostAsJsonAsync("/api/login", new { username = "putuo-unit", password = "普陀执法大队-2026" });
        var page = await (await admin.GetAsync("/admin")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, dept.StatusCode);
        Assert.Equal(HttpStatusCode.Created, unit.StatusCode);
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("普陀区城市管理行政执法局执法大队", page);
        Assert.Contains("中共上海市委组织部", page);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Administration_is_refused_to_others_and_bad_entries_name_the_field(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var (u, p) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var unit = await app.ClientAsync(u, p);
        var unitOrg = (long)(await WebApp.JsonAsync(await admin.GetAsync("/api/organisations"))).AsArray()
            .Single(o => (string?)o!["name"] == "上海市党建服务中心")!["id"]!;

        var byUnit = await unit.PostAsJsonAsync("/api/users", new { username = "x", password = "0123456789", role = "admin" });
        var byPublic = await (await app.ClientAsync()).PostAsJsonAsync("/api/organisations", new { name = "x", kind = "finance" });
        var cases = new (HttpResponseMessage R, string Field)[]
        {
            (await admin.PostAsJsonAsync("/api/users", new { username = "a", password = "short", role = "unit", organisationId = unitOrg }), "password"),
            (await admin.PostAsJsonAsync("/api/users", new { username = "a", password = "0123456789", role = "boss" }), "role"),
            (await admin.PostAsJsonAsync("/api/users", new { username = "admin", password = "0123456789", role = "admin" }), "username"),
            (await admin.PostAsJsonAsync("/api/users", new { username = "b", password = "0123456789", role = "department-reviewer", organisationId = unitOrg }), "organisationId"),
            (await admin.PostAsJsonAsync("/api/organisations", new { name = "新单位", kind = "unit", parentId = unitOrg }), "parentId"),
            (await admin.PostAsJsonAsync("/api/organisations", new { name = "", kind = "unit" }), "name"),
        };

        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byPublic.StatusCode);
        foreach (var (r, field) in cases)
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Equal(field, (string?)(await WebApp.JsonAsync(r))["field"]);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_administrator_renames_an_organisation_and_its_people_keep_their_forms(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var (u, p) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var unit = await app.ClientAsync(u, p);
        var orgs = (await WebApp.JsonAsync(await admin.GetAsync("/api/organisations"))).AsArray();
        var id = (long)orgs.Single(o => (string?)o!["name"] == "上海市党建服务中心")!["id"]!;
        var other = (long)orgs.Single(o => (string?)o!["name"] == "上海市松江区中山街道社区党群服务中心")!["id"]!;

        var renamed = await admin.PutAsJsonAsync($"/api/organisations/{id}", new { name = "上海市党建服务中心（新址）" });
        var clash = await admin.PutAsJsonAsync($"/api/organisations/{other}", new { name = "上海市党建服务中心（新址）" });
        var byUnit = await unit.PutAsJsonAsync($"/api/organisations/{id}", new { name = "自己改名" });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
        Assert.Equal(5, (await WebApp.JsonAsync(await unit.GetAsync("/api/forms?year=2024"))).AsArray().Count);
        Assert.Contains("（新址）", await (await admin.GetAsync("/admin")).Content.ReadAsStringAsync());
    }
}
