using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jixiao.Core.Access;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Accounts;

namespace Jixiao.Tests.Web;

/// <summary>
/// Issue 10, item 7, the accounts: listed with real names, edited, disabled, given a one-time password, unlocked;
/// everyone's own password page; the history naming people. Each as the administrator would do it and as someone who
/// should not be able to would try.
/// </summary>
[Collection("databases")]
public partial class AdminAccountTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    static async Task<long> OrgIdAsync(HttpClient admin, string name) =>
        (long)(await WebApp.JsonAsync(await admin.GetAsync("/api/organisations"))).AsArray().Single(o => (string?)o!["name"] == name)!["id"]!;

    static async Task<long> CreateAsync(HttpClient admin, string username, string password, string role, long? organisationId, string? realName)
    {
        var r = await admin.PostAsJsonAsync("/api/users", new { username, password, role, organisationId, realName });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (long)(await WebApp.JsonAsync(r))["id"]!;
    }

    /// <summary>Logs in and changes the initial password the administrator chose, as the person must first.</summary>
    static async Task<HttpClient> FirstLoginAsync(WebApp app, string username, string initial, string chosen)
    {
        var c = await app.ClientAsync(username, initial);
        var changed = await c.PostAsJsonAsync("/api/account/password", new { current = initial, @new = chosen });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        return c;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_administrator_lists_accounts_with_real_names_and_finds_them_by_name_role_and_organisation(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var unitOrg = await OrgIdAsync(admin, "上海市党建服务中心");
        var deptOrg = await OrgIdAsync(admin, "中共上海市委组织部");
        await CreateAsync(admin, "zhang-wei", "张伟的初始密码-2026", "unit", unitOrg, "张伟");
        await CreateAsync(admin, "li-na", "李娜的初始密码-2026", "department-reviewer", deptOrg, "李娜");
        await FirstLoginAsync(app, "zhang-wei", "张伟的初始密码-2026", "张伟自己的密码-2026");

        var all = await admin.GetAsync("/api/users");
        var byName = (await WebApp.JsonAsync(await admin.GetAsync("/api/users?q=" + Uri.EscapeDataString("张")))).AsArray();
        var byUsername = (await WebApp.JsonAsync(await admin.GetAsync("/api/users?q=LI-N"))).AsArray();
        var byRole = (await WebApp.JsonAsync(await admin.GetAsync("/api/users?role=department-reviewer"))).AsArray();
        var byOrg = (await WebApp.JsonAsync(await admin.GetAsync($"/api/users?organisation={unitOrg}"))).AsArray();
        var literal = (await WebApp.JsonAsync(await admin.GetAsync("/api/users?q=%25"))).AsArray();
        var badRole = await admin.GetAsync("/api/users?role=boss");
        var (u, p) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var byUnit = await (await app.ClientAsync(u, p)).GetAsync("/api/users");
        var byPublic = await (await app.ClientAsync()).GetAsync("/api/users");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("3", all.Headers.GetValues("X-Total-Count").Single());   // admin, zhang-wei, li-na
        var zhang = Assert.Single(byName)!;
        Assert.Equal("zhang-wei", (string?)zhang["username"]);
        Assert.Equal("张伟", (string?)zhang["realName"]);
        Assert.Equal("unit", (string?)zhang["role"]);
        Assert.Equal("上海市党建服务中心", (string?)zhang["organisationName"]);
        Assert.False((bool)zhang["disabled"]!);
        Assert.False((bool)zhang["mustChangePassword"]!);                   // changed at the first login
        Assert.NotNull((string?)zhang["lastLoginAt"]);
        Assert.Equal("li-na", (string?)Assert.Single(byUsername)!["username"]);
        Assert.True((bool)byUsername[0]!["mustChangePassword"]!);           // never logged in: still the administrator's password
        Assert.Null((string?)byUsername[0]!["lastLoginAt"]);
        Assert.Equal("li-na", (string?)Assert.Single(byRole)!["username"]);
        Assert.Equal("zhang-wei", (string?)Assert.Single(byOrg)!["username"]);
        Assert.Empty(literal);                                              // % is a character looked for, not a wildcard
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Equal("role", (string?)(await WebApp.JsonAsync(badRole))["field"]);
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byPublic.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_account_is_edited_with_a_role_that_fits_its_organisation_and_the_change_reaches_its_session_at_once(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var unitOrg = await OrgIdAsync(admin, "上海市党建服务中心");
        var otherUnit = await OrgIdAsync(admin, "上海市松江区中山街道社区党群服务中心");
        var deptOrg = await OrgIdAsync(admin, "中共上海市委组织部");
        var id = await CreateAsync(admin, "wang-fang", "王芳的初始密码-2026", "unit", unitOrg, null);
        var person = await FirstLoginAsync(app, "wang-fang", "王芳的初始密码-2026", "王芳自己的密码-2026");
        var adminId = (long)(await WebApp.JsonAsync(await admin.GetAsync("/api/users?q=admin"))).AsArray().Single(x => (string?)x!["username"] == "admin")!["id"]!;

        var wrongKind = await admin.PutAsJsonAsync($"/api/users/{id}", new { realName = "王芳", role = "department-reviewer", organisationId = unitOrg });
        var unknownField = await admin.PutAsync($"/api/users/{id}", Json("""{"realName":"王芳","role":"unit","organisationId":1,"username":"x"}"""));
        var missing = await admin.PutAsJsonAsync("/api/users/999999", new { realName = "某人", role = "unit", organisationId = unitOrg });
        var demoteSelf = await admin.PutAsJsonAsync($"/api/users/{adminId}", new { realName = "管理员", role = "unit", organisationId = unitOrg });
        var byPerson = await person.PutAsJsonAsync($"/api/users/{id}", new { realName = "王芳", role = "admin" });
        var before = await WebApp.JsonAsync(await person.GetAsync("/api/account"));
        var saved = await admin.PutAsJsonAsync($"/api/users/{id}", new { realName = "王芳", role = "unit", organisationId = otherUnit });
        var after = await WebApp.JsonAsync(await person.GetAsync("/api/account"));
        var header = await (await person.GetAsync("/account")).Content.ReadAsStringAsync();
        var promoted = await admin.PutAsJsonAsync($"/api/users/{id}", new { realName = "王芳", role = "department-reviewer", organisationId = deptOrg });
        var reviewer = await WebApp.JsonAsync(await person.GetAsync("/api/account"));

        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
        Assert.Equal("organisationId", (string?)(await WebApp.JsonAsync(wrongKind))["field"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Equal("username", (string?)(await WebApp.JsonAsync(unknownField))["field"]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, demoteSelf.StatusCode);
        Assert.Equal("role", (string?)(await WebApp.JsonAsync(demoteSelf))["field"]);
        Assert.Equal(HttpStatusCode.Forbidden, byPerson.StatusCode);
        Assert.Null((string?)before["realName"]);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("王芳", (string?)(await WebApp.JsonAsync(saved))["realName"]);
        // The same cookie, the next request: the session row carries the change (decision 0009).
        Assert.Equal("王芳", (string?)after["realName"]);
        Assert.Equal(otherUnit, (long?)after["organisationId"]);
        Assert.Contains("王芳（单位填报）", header);                        // the header names the person
        Assert.Contains("href=\"/account\"", header);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal("department-reviewer", (string?)reviewer["role"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_disabled_account_is_answered_like_a_wrong_password_and_its_old_cookie_gets_401_at_once(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var (u, p) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var id = (long)(await WebApp.JsonAsync(await admin.GetAsync("/api/users?q=" + u))).AsArray().Single()!["id"]!;
        var adminId = (long)(await WebApp.JsonAsync(await admin.GetAsync("/api/users?q=admin"))).AsArray().Single(x => (string?)x!["username"] == "admin")!["id"]!;
        var person = await app.ClientAsync(u, p);
        var form = await app.FormIdAsync("电教远教工作经费");
        var fresh = await app.ClientAsync();
        async Task<(HttpStatusCode, string?)> Login(string username, string password)
        {
            var r = await fresh.PostAsJsonAsync("/api/login", new { username, password });
            return (r.StatusCode, (string?)(await WebApp.JsonAsync(r))["error"]);
        }

        var beforeDisable = await person.GetAsync($"/api/forms/{form}/history");
        var disabled = await admin.PostAsync($"/api/users/{id}/disable", Json("{}"));
        var oldCookie = await person.GetAsync($"/api/forms/{form}/history");
        var oldCookieAccount = await person.GetAsync("/api/account");
        var oldCookiePage = await person.GetAsync("/forms");
        var rightPassword = await Login(u, p);
        var wrongPassword = await Login(u, p + "x");
        var unknownName = await Login("no-such-person", p);
        var disableSelf = await admin.PostAsync($"/api/users/{adminId}/disable", Json("{}"));
        var byPerson = await (await app.ClientAsync("admin", WebApp.AdminPassword)).GetAsync("/api/users");
        var enabled = await admin.PostAsync($"/api/users/{id}/enable", Json("{}"));
        var afterEnable = await Login(u, p);

        Assert.Equal(HttpStatusCode.OK, beforeDisable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((bool)(await WebApp.JsonAsync(disabled))["disabled"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, oldCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldCookieAccount.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, oldCookiePage.StatusCode);
        Assert.StartsWith("/login", oldCookiePage.Headers.Location!.ToString());
        // A disabled account, a wrong password and an unknown name: one answer, so nobody learns which accounts exist.
        Assert.Equal(HttpStatusCode.Unauthorized, rightPassword.Item1);
        Assert.Equal(wrongPassword, rightPassword);
        Assert.Equal(unknownName, rightPassword);
        Assert.Equal(HttpStatusCode.BadRequest, disableSelf.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byPerson.StatusCode);               // the administrator is still one
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterEnable.Item1);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_one_time_password_ends_every_session_and_must_be_changed_before_anything_else(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var (u, p) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var id = (long)(await WebApp.JsonAsync(await admin.GetAsync("/api/users?q=" + u))).AsArray().Single()!["id"]!;
        var adminId = (long)(await WebApp.JsonAsync(await admin.GetAsync("/api/users?q=admin"))).AsArray().Single(x => (string?)x!["username"] == "admin")!["id"]!;
        var oldSession = await app.ClientAsync(u, p);
        var form = await app.FormIdAsync("电教远教工作经费");

        var issued = await admin.PostAsync($"/api/users/{id}/one-time-password", Json("{}"));
        var password = (string)(await WebApp.JsonAsync(issued))["password"]!;
        var oldSessionAfter = await oldSession.GetAsync("/api/account");
        var oldPassword = await (await app.ClientAsync()).PostAsJsonAsync("/api/login", new { username = u, password = p });
        var person = await app.ClientAsync();
        var login = await person.PostAsJsonAsync("/api/login", new { username = u, password });
        // Everything but the password change is refused, on the API and on the pages, until it is changed.
        var list = await person.GetAsync("/api/forms");
        var read = await person.GetAsync($"/api/forms/{form}");
        var edit = await person.PostAsJsonAsync($"/api/forms/{form}/transitions", new { action = "submit", version = 1 });
        var page = await person.GetAsync("/forms");
        var formPage = await person.GetAsync($"/forms/{form}");
        var me = await person.GetAsync("/api/account");
        var accountPage = await (await person.GetAsync("/account")).Content.ReadAsStringAsync();
        var sameAgain = await person.PostAsJsonAsync("/api/account/password", new { current = password, @new = password });
        var changed = await person.PostAsJsonAsync("/api/account/password", new { current = password, @new = "自己设置的新密码-2026" });
        var listAfter = await person.GetAsync("/api/forms");
        var pageAfter = await person.GetAsync("/forms");
        var otpAgain = await (await app.ClientAsync()).PostAsJsonAsync("/api/login", new { username = u, password });
        var forSelf = await admin.PostAsync($"/api/users/{adminId}/one-time-password", Json("{}"));
        var byUnit = await person.PostAsync($"/api/users/{id}/one-time-password", Json("{}"));

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal(16, password.Length);
        Assert.Equal(HttpStatusCode.Unauthorized, oldSessionAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True((bool)(await WebApp.JsonAsync(login))["mustChangePassword"]!);
        foreach (var refused in new[] { list, read, edit })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("须先修改", (string?)(await WebApp.JsonAsync(refused))["error"]);
        }
        Assert.Equal("/account", page.Headers.Location!.ToString());
        Assert.Equal("/account", formPage.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.True((bool)(await WebApp.JsonAsync(me))["mustChangePassword"]!);
        Assert.Contains("请先设置自己的新密码", accountPage);
        Assert.Equal(HttpStatusCode.BadRequest, sameAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pageAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otpAgain.StatusCode);        // one time: it no longer opens anything
        Assert.Equal(HttpStatusCode.BadRequest, forSelf.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_new_account_changes_the_administrators_password_at_the_first_login_and_a_generated_one_is_given_once(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var unitOrg = await OrgIdAsync(admin, "上海市党建服务中心");

        var chosen = await admin.PostAsJsonAsync("/api/users", new { username = "chen-jie", password = "陈杰的初始密码-2026", role = "unit", organisationId = unitOrg, realName = "陈杰" });
        var generated = await admin.PostAsJsonAsync("/api/users", new { username = "zhao-lei", role = "unit", organisationId = unitOrg, realName = "赵磊" });
        var generatedPassword = (string?)(await WebApp.JsonAsync(generated))["password"];
        var tooLong = await admin.PostAsJsonAsync("/api/users", new { username = "x", role = "unit", organisationId = unitOrg, realName = new string('名', 101) });
        var first = await (await app.ClientAsync()).PostAsJsonAsync("/api/login", new { username = "chen-jie", password = "陈杰的初始密码-2026" });
        var second = await (await app.ClientAsync()).PostAsJsonAsync("/api/login", new { username = "zhao-lei", password = generatedPassword });

        Assert.Equal(HttpStatusCode.Created, chosen.StatusCode);
        Assert.Null((string?)(await WebApp.JsonAsync(chosen))["password"]);      // the administrator typed it: not echoed
        Assert.Equal(HttpStatusCode.Created, generated.StatusCode);
        Assert.Equal(16, generatedPassword!.Length);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("realName", (string?)(await WebApp.JsonAsync(tooLong))["field"]);
        Assert.True((bool)(await WebApp.JsonAsync(first))["mustChangePassword"]!);
        Assert.True((bool)(await WebApp.JsonAsync(second))["mustChangePassword"]!);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_administration_endpoint_answers_403_to_a_unit_and_401_to_the_public_and_changes_nothing(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var (u, p) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var id = (long)(await WebApp.JsonAsync(await admin.GetAsync("/api/users?q=" + u))).AsArray().Single()!["id"]!;
        var org = await OrgIdAsync(admin, "上海市党建服务中心");
        var calls = new (HttpMethod Method, string Url, string? Body)[]
        {
            (HttpMethod.Get, "/api/users", null),
            (HttpMethod.Post, "/api/users", """{"username":"x","password":"0123456789ab","role":"admin"}"""),
            (HttpMethod.Put, $"/api/users/{id}", """{"realName":"x","role":"admin"}"""),
            (HttpMethod.Post, $"/api/users/{id}/disable", "{}"),
            (HttpMethod.Post, $"/api/users/{id}/enable", "{}"),
            (HttpMethod.Post, $"/api/users/{id}/one-time-password", "{}"),
            (HttpMethod.Post, $"/api/users/{id}/unlock", "{}"),
            (HttpMethod.Post, "/api/organisations", """{"name":"x","kind":"finance"}"""),
            (HttpMethod.Put, $"/api/organisations/{org}", """{"name":"x"}"""),
            (HttpMethod.Post, $"/api/organisations/{org}/deactivate", "{}"),
            (HttpMethod.Post, $"/api/organisations/{org}/activate", "{}"),
            (HttpMethod.Get, "/api/admin/import-template", null),
        };
        var unit = await app.ClientAsync(u, p);   // logged in first: the login itself is recorded (最近登录)
        var before = await (await admin.GetAsync("/api/users")).Content.ReadAsStringAsync() + await (await admin.GetAsync("/api/organisations")).Content.ReadAsStringAsync();

        foreach (var (client, expected) in new[] { (unit, HttpStatusCode.Forbidden), (await app.ClientAsync(), HttpStatusCode.Unauthorized) })
            foreach (var (method, url, body) in calls)
            {
                var r = await client.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : Json(body) });
                Assert.True(r.StatusCode == expected, $"{method} {url}: {(int)r.StatusCode}");
            }
        var after = await (await admin.GetAsync("/api/users")).Content.ReadAsStringAsync() + await (await admin.GetAsync("/api/organisations")).Content.ReadAsStringAsync();

        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Unlocking_a_name_lifts_its_login_throttle_and_no_other()
    {
        using var app = await WebApp.StartAsync(databases, "sqlite");
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var (u, p) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var (v, q) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var id = (long)(await WebApp.JsonAsync(await admin.GetAsync("/api/users?q=" + u))).AsArray().Single()!["id"]!;
        var guesser = await app.ClientAsync();
        for (int i = 0; i < LoginThrottle.FreeFailures; i++)
        {
            await guesser.PostAsJsonAsync("/api/login", new { username = u, password = "guess" + i });
            await guesser.PostAsJsonAsync("/api/login", new { username = v, password = "guess" + i });
        }

        var held = await guesser.PostAsJsonAsync("/api/login", new { username = u, password = p });
        var listed = (await WebApp.JsonAsync(await admin.GetAsync("/api/users?q=" + u))).AsArray().Single()!;
        var unlock = await admin.PostAsync($"/api/users/{id}/unlock", Json("{}"));
        var owner = await guesser.PostAsJsonAsync("/api/login", new { username = u, password = p });
        var other = await guesser.PostAsJsonAsync("/api/login", new { username = v, password = q });
        var byUnit = await (await app.ClientAsync(u, p)).PostAsync($"/api/users/{id}/unlock", Json("{}"));
        var missing = await admin.PostAsync("/api/users/abc/unlock", Json("{}"));

        Assert.Equal(HttpStatusCode.TooManyRequests, held.StatusCode);
        Assert.True((bool)listed["loginThrottled"]!);
        Assert.Equal(HttpStatusCode.OK, unlock.StatusCode);
        Assert.False((bool)(await WebApp.JsonAsync(unlock))["loginThrottled"]!);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, other.StatusCode);        // unlocking one name frees no other
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Everyone_changes_their_own_password_on_the_account_page(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (u, p) = await app.UserAsync(Role.DepartmentReviewer, "中共上海市委组织部");
        var person = await app.ClientAsync(u, p);
        var elsewhere = await app.ClientAsync(u, p);
        var page = await (await person.GetAsync("/account")).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(TokenRegex().Match(page).Groups[1].Value);
        Task<HttpResponseMessage> Change(string current, string next, string repeat) => person.PostAsync("/account/password", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["current"] = current, ["new"] = next, ["repeat"] = repeat }));

        var forged = await person.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string> { ["current"] = p, ["new"] = "新密码-0123456789", ["repeat"] = "新密码-0123456789" }));
        var mismatch = await Change(p, "新密码-0123456789", "新密码-9876543210");
        var mismatchPage = await (await person.GetAsync("/account")).Content.ReadAsStringAsync();
        var wrongCurrent = await Change(p + "x", "新密码-0123456789", "新密码-0123456789");
        var wrongPage = await (await person.GetAsync("/account")).Content.ReadAsStringAsync();
        var done = await Change(p, "新密码-0123456789", "新密码-0123456789");
        var donePage = await (await person.GetAsync("/account")).Content.ReadAsStringAsync();
        var otherSession = await elsewhere.GetAsync("/api/account");
        var newLogin = await (await app.ClientAsync()).PostAsJsonAsync("/api/login", new { username = u, password = "新密码-0123456789" });
        var anonymous = await (await app.ClientAsync()).GetAsync("/account");

        Assert.Contains("修改密码", page);
        Assert.Contains("name=\"current\"", page);
        Assert.Contains("中共上海市委组织部", page);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("/account", mismatch.Headers.Location!.ToString());
        Assert.Contains("两次输入的新密码不一致", mismatchPage);
        Assert.Equal("/account", wrongCurrent.Headers.Location!.ToString());
        Assert.Contains("当前密码不正确", wrongPage);
        Assert.Equal("/account", done.Headers.Location!.ToString());
        Assert.Contains("密码已修改", donePage);                            // this session goes on
        Assert.Equal(HttpStatusCode.Unauthorized, otherSession.StatusCode);  // the other one ended
        Assert.Equal(HttpStatusCode.OK, newLogin.StatusCode);
        Assert.StartsWith("/login", anonymous.Headers.Location!.ToString());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_history_names_each_person_beside_the_username_looked_up_once(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var (u, p) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var (d, dp) = await app.UserAsync(Role.DepartmentReviewer, "中共上海市委组织部");
        var unitOrg = await OrgIdAsync(admin, "上海市党建服务中心");
        var id = (long)(await WebApp.JsonAsync(await admin.GetAsync("/api/users?q=" + u))).AsArray().Single()!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/users/{id}", new { realName = "周敏", role = "unit", organisationId = unitOrg })).StatusCode);
        var unit = await app.ClientAsync(u, p);
        var dept = await app.ClientAsync(d, dp);
        var form = await app.FormIdAsync("电教远教工作经费");
        Assert.True((await WebApp.TransitionAsync(unit, form, "submit", acknowledgement: "警告已逐条核对，按原样提交。")).IsSuccessStatusCode);
        Assert.True((await WebApp.TransitionAsync(dept, form, "return", reason: "请补充时效指标")).IsSuccessStatusCode);

        var history = (await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{form}/history"))).AsArray();
        var page = await (await unit.GetAsync($"/forms/{form}")).Content.ReadAsStringAsync();
        var editor = await (await unit.GetAsync($"/forms/{form}/edit")).Content.ReadAsStringAsync();

        var submitted = history.First(h => (string?)h!["actor"] == u)!;
        Assert.Equal("周敏", (string?)submitted["actorName"]);
        var returned = history.First(h => (string?)h!["actor"] == d)!;
        Assert.Null((string?)returned["actorName"]);                          // no real name: the username alone
        Assert.Null((string?)history.First(h => (string?)h!["actor"] == "system")!["actorName"]);
        Assert.Contains($"<span class=\"who\">周敏（{u}）</span>", page);    // 修改记录: each save's person
        Assert.Contains($"<span class=\"who\">{d}</span>", page);
        Assert.Contains($"{d} 于 ", editor);                                  // 退回意见 in the editor
        Assert.Contains("退回：<strong>请补充时效指标</strong>", editor);
    }
}
