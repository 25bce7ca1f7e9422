using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jixiao.Core.Access;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Web;

/// <summary>The administration pages through HTTP: who reaches them, their posts, and a generated password shown once.</summary>
[Collection("databases")]
public partial class AdminPageTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("<code class=\"password\">([^<]+)</code>")]
    private static partial Regex PasswordRegex();

    static async Task<(string Html, string Token)> PageAsync(HttpClient c, string url)
    {
        var html = await (await c.GetAsync(url)).Content.ReadAsStringAsync();
        var m = TokenRegex().Match(html);
        return (html, m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : "");
    }

    static Task<HttpResponseMessage> PostAsync(HttpClient c, string url, string token, params (string, string)[] fields) =>
        c.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token))));

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_administration_page_shows_the_tree_and_the_accounts_to_the_administrator_only(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var (u, p) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var unit = await app.ClientAsync(u, p);

        var (page, _) = await PageAsync(admin, "/admin");
        var (found, _) = await PageAsync(admin, "/admin?q=" + u[..10]);
        var (badFilter, _) = await PageAsync(admin, "/admin?role=boss");
        var byUnit = await unit.GetAsync("/admin");
        var byUnitUser = await unit.GetAsync("/admin/users/1");
        var byPublic = await (await app.ClientAsync()).GetAsync("/admin/import");
        var missing = await admin.GetAsync("/admin/organisations/999999");

        Assert.Contains("class=\"tree\"", page);
        Assert.Contains("中共上海市委组织部", page);
        Assert.Contains("上海市党建服务中心", page);
        Assert.Contains("新增机构", page);
        Assert.Contains("新增账号", page);
        Assert.Contains("<optgroup label=\"实施单位 · 中共上海市委组织部\"", page);   // the organisation picker, not a typed id
        Assert.Contains(">admin</a>", page);
        Assert.Contains(u, found);
        Assert.Contains("无效", badFilter);
        Assert.Equal("/", byUnit.Headers.Location!.ToString());       // the 工作台, with the reason
        Assert.Equal("/", byUnitUser.Headers.Location!.ToString());
        Assert.StartsWith("/login", byPublic.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Page_posts_create_move_and_deactivate_and_a_generated_password_is_shown_only_in_the_answer(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var orgs = (await WebApp.JsonAsync(await admin.GetAsync("/api/organisations"))).AsArray();
        long Org(string name) => (long)orgs.Single(o => (string?)o!["name"] == name)!["id"]!;
        var (_, token) = await PageAsync(admin, "/admin");

        var forged = await admin.PostAsync("/admin/organisations", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x", ["kind"] = "unit" }));
        var created = await PostAsync(admin, "/admin/organisations", token, ("name", "页面新建的单位"), ("kind", "unit"), ("parentId", Org("中共上海市委组织部").ToString()));
        var (afterCreate, _) = await PageAsync(admin, "/admin");
        var refused = await PostAsync(admin, "/admin/organisations", token, ("name", "放错位置的单位"), ("kind", "unit"), ("parentId", Org("财政局").ToString()));
        var (afterRefused, _) = await PageAsync(admin, "/admin");
        var unitId = (long)(await WebApp.JsonAsync(await admin.GetAsync("/api/organisations"))).AsArray().Single(o => (string?)o!["name"] == "页面新建的单位")!["id"]!;
        var moved = await PostAsync(admin, $"/admin/organisations/{unitId}", token, ("name", "页面新建的单位"), ("parentId", Org("上海市松江区人民政府中山街道办事处").ToString()));
        var (orgPage, _) = await PageAsync(admin, $"/admin/organisations/{unitId}");
        var account = await PostAsync(admin, "/admin/users", token, ("username", "page-user"), ("realName", "孙丽"), ("role", "unit"), ("organisationId", unitId.ToString()), ("password", ""));
        var accountAnswer = await account.Content.ReadAsStringAsync();
        var generated = PasswordRegex().Match(accountAnswer).Groups[1].Value;
        var userId = (long)(await WebApp.JsonAsync(await admin.GetAsync("/api/users?q=page-user"))).AsArray().Single()!["id"]!;
        var (userPage, _) = await PageAsync(admin, $"/admin/users/{userId}");
        var login = await (await app.ClientAsync()).PostAsJsonAsync("/api/login", new { username = "page-user", password = generated });
        var deactivated = await PostAsync(admin, $"/admin/organisations/{unitId}/deactivate", token);
        var (offPage, _) = await PageAsync(admin, $"/admin/organisations/{unitId}");
        var otp = await PostAsync(admin, $"/admin/users/{userId}/one-time-password", token);
        var oneTime = PasswordRegex().Match(await otp.Content.ReadAsStringAsync()).Groups[1].Value;
        var oneTimeLogin = await (await app.ClientAsync()).PostAsJsonAsync("/api/login", new { username = "page-user", password = WebUtility.HtmlDecode(oneTime) });
        var disabled = await PostAsync(admin, $"/admin/users/{userId}/disable", token);
        var (disabledPage, _) = await PageAsync(admin, $"/admin/users/{userId}");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("/admin#organisations", created.Headers.Location!.ToString());
        Assert.Contains("已新增机构“页面新建的单位”", afterCreate);                   // said by the server, on the next page
        Assert.Contains("实施单位的上级应为一个主管部门", afterRefused);
        Assert.Equal($"/admin/organisations/{unitId}", moved.Headers.Location!.ToString());
        Assert.Contains("上海市松江区人民政府中山街道办事处</a>", orgPage);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);                          // the answer itself, not a redirect
        Assert.Equal(16, generated.Length);
        Assert.Contains("只显示这一次", accountAnswer);
        Assert.DoesNotContain(generated, userPage);                                    // shown once: not on the page again
        Assert.Contains("孙丽", userPage);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("已停用", offPage);
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otp.StatusCode);
        Assert.NotEqual(generated, oneTime);
        Assert.Equal(HttpStatusCode.OK, oneTimeLogin.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains("已停用账号“page-user”", disabledPage);
        Assert.Contains("启用账号", disabledPage);
    }
}
