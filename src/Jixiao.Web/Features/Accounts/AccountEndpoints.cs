using System.ComponentModel;
using Jixiao.Core.Access;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Accounts;

[Description("登录")]
public sealed record LoginRequest([property: Description("用户名")] string? Username, [property: Description("密码")] string? Password);

[Description("登录成功")]
public sealed record LoginResponse(
    [property: Description("用户名")] string Username,
    [property: Description("角色")] string Role,
    [property: Description("须先修改密码（管理员设置的密码）：在此之前其他请求都答 403")] bool MustChangePassword = false);

[Description("我的账号")]
public sealed record AccountInfo(
    [property: Description("用户名")] string Username,
    [property: Description("姓名")] string? RealName,
    [property: Description("角色")] string Role,
    [property: Description("所属机构编号")] long? OrganisationId,
    [property: Description("所属机构")] string? OrganisationName,
    [property: Description("须先修改密码")] bool MustChangePassword);

[Description("修改密码")]
public sealed record PasswordChangeRequest([property: Description("当前密码")] string? Current, [property: Description("新密码")] string? New);

/// <summary>
/// Log in and out, and change one's password. The JSON API takes `application/json` only: a cross-site form cannot
/// send that without a CORS preflight, which this app never grants, so the API needs no anti-forgery token. HTML
/// forms carry one. A session lives on the server (<see cref="SessionStore"/>): logging out ends it for every copy
/// of the cookie, and a password change ends every session of the account.
/// </summary>
public static class AccountEndpoints
{
    public const int MinPasswordLength = 10;

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/login", (HttpContext http, AccountStore accounts, SessionStore sessions, LoginThrottle throttle) => Api.Run(async () =>
        {
            var body = await Api.ReadAsync<LoginRequest>(http);
            if (string.IsNullOrWhiteSpace(body.Username) || string.IsNullOrEmpty(body.Password))
                return Api.Error(400, "请填写用户名和密码", string.IsNullOrWhiteSpace(body.Username) ? "username" : "password");
            if (body.Username.Length > 100 || body.Password.Length > 200)
                return Api.Error(400, "用户名或密码过长", body.Username.Length > 100 ? "username" : "password");
            var (user, wait) = await LoginAsync(http, body.Username.Trim(), body.Password, accounts, throttle);
            if (wait is { } w) return TooManyAttempts(http, w);
            if (user is null) return Api.Error(401, WrongCredentials);
            await LogInAsync(http, user, sessions, accounts);
            return Api.Json(new LoginResponse(user.Username, user.Role.ToCode(), user.MustChangePassword));
        })).WithSummary("登录：{\"username\",\"password\"}，成功后设置会话 Cookie")
            .Accepts<LoginRequest>("application/json").Produces<LoginResponse>().Produces<ApiError>(401).Produces<ApiError>(429);

        app.MapPost("/api/logout", (HttpContext http, SessionStore sessions) => Api.Run(async () =>
        {
            await SignOutAsync(http, sessions);
            return Results.NoContent();
        })).WithSummary("退出登录：会话在服务器上结束，旧的 Cookie 不再有效");

        app.MapPost("/api/account/password", (HttpContext http, AccountStore accounts, SessionStore sessions, LoginThrottle throttle) => Api.Run(async () =>
        {
            if (CurrentUser.From(http).IsPublic) return Api.Error(401, "请先登录");
            var body = await Api.ReadAsync<PasswordChangeRequest>(http);
            await ChangeOwnPasswordAsync(http, body, accounts, sessions, throttle);
            return Results.NoContent();
        })).WithSummary("修改自己的密码：{\"current\",\"new\"}；该账号的其他会话全部结束；管理员设置的密码须先这样改掉")
            .Accepts<PasswordChangeRequest>("application/json").Produces(204).Produces<ApiError>(400).Produces<ApiError>(429);

        app.MapGet("/api/account", (HttpContext http, OrganisationStore organisations) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Api.Error(401, "请先登录");
            var org = (await organisations.AllAsync()).FirstOrDefault(o => o.Id == user.OrganisationId);
            return Api.Json(new AccountInfo(user.Username!, user.RealName, user.Role.ToCode(), org?.Id, org?.Name, user.MustChangePassword));
        })).WithSummary("我的账号：用户名、姓名、角色、所属机构，是否须先修改密码").Produces<AccountInfo>();

        app.MapGet("/account", (HttpContext http, OrganisationStore organisations) => AccountPageAsync(http, organisations));

        app.MapPost("/account/password", async (HttpContext http, AccountStore accounts, SessionStore sessions, LoginThrottle throttle) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Results.Redirect("/login?returnUrl=/account");
            var form = await http.Request.ReadFormAsync();
            try
            {
                if (form["new"] != form["repeat"]) throw Api.Fail(400, "两次输入的新密码不一致", "repeat");
                await ChangeOwnPasswordAsync(http, new PasswordChangeRequest(form["current"].ToString(), form["new"].ToString()), accounts, sessions, throttle);
            }
            catch (ApiRefusal r)
            {
                Flash.Set(http, r.Error.Error, isError: true);
                return Results.Redirect("/account");
            }
            Flash.Set(http, user.MustChangePassword ? "密码已修改，现在可以使用系统了。" : "密码已修改；您在其他地方的登录已全部结束。");
            return Results.Redirect(user.MustChangePassword ? "/" : "/account");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        app.MapGet("/login", (HttpContext http) => LoginPage(http, null));

        app.MapPost("/login", async (HttpContext http, AccountStore accounts, SessionStore sessions, LoginThrottle throttle) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            var form = await http.Request.ReadFormAsync();
            var username = form["username"].ToString().Trim();
            var password = form["password"].ToString();
            if (username.Length == 0 || password.Length == 0) return LoginPage(http, "请填写用户名和密码");
            if (username.Length > 100 || password.Length > 200) return LoginPage(http, "用户名或密码过长");
            var (user, wait) = await LoginAsync(http, username, password, accounts, throttle);
            if (wait is { } w) return LoginPage(http, TooManyMessage(w), 429);
            if (user is null) return LoginPage(http, WrongCredentials);
            await LogInAsync(http, user, sessions, accounts);
            // A password the administrator set is changed first, wherever the person meant to go.
            return Results.Redirect(user.MustChangePassword ? "/account" : LocalPath(http.Request.Query["returnUrl"].ToString()) ?? "/");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        app.MapPost("/logout", async (HttpContext http, SessionStore sessions) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            await SignOutAsync(http, sessions);
            return Results.Redirect("/");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    const string WrongCredentials = "用户名或密码错误";

    /// <summary>
    /// A path on this site, or null. `/\evil.example` and `//evil.example` are other sites to a browser, as is
    /// anything with a scheme or a control character; only a single leading slash followed by a path is ours.
    /// </summary>
    public static string? LocalPath(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2000 || url[0] != '/') return null;
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\')) return null;
        if (url.Any(c => char.IsControl(c) || c == '\\')) return null;
        return url;
    }

    static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The throttle first, then the password; the same work for known and unknown names.</summary>
    static async Task<(User? User, TimeSpan? Wait)> LoginAsync(HttpContext http, string username, string password, AccountStore accounts, LoginThrottle throttle)
    {
        var address = Address(http);
        if (throttle.WaitFor(address, username) is { } wait) return (null, wait);
        var user = await accounts.CheckAsync(username, password);
        if (user is null) throttle.Failed(address, username);
        else throttle.Succeeded(address, username);
        return (user, null);
    }

    static string TooManyMessage(TimeSpan wait) => $"登录尝试过于频繁，请 {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} 秒后再试";

    static IResult TooManyAttempts(HttpContext http, TimeSpan wait) => TooManyRefusal(http, wait).Result;

    static ApiRefusal TooManyRefusal(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString();
        return new ApiRefusal(429, new ApiError(TooManyMessage(wait), RetryAfter: seconds));
    }

    /// <summary>
    /// The person's own password, for the API and the page alike: the current one checked through the throttle (a
    /// stolen session cannot guess it faster than a login could), then every session ended and a new one opened for
    /// this person. A refusal is thrown as <see cref="ApiRefusal"/> and nothing has changed.
    /// </summary>
    static async Task ChangeOwnPasswordAsync(HttpContext http, PasswordChangeRequest body, AccountStore accounts, SessionStore sessions, LoginThrottle throttle)
    {
        var user = CurrentUser.From(http);
        if (string.IsNullOrEmpty(body.Current)) throw Api.Fail(400, "请填写当前密码", "current");
        if (body.New is not { Length: >= MinPasswordLength and <= 200 }) throw Api.Fail(400, $"新密码应为 {MinPasswordLength}–200 个字符", "new");
        if (body.New == body.Current) throw Api.Fail(400, "新密码不能与当前密码相同", "new");
        var (checkedUser, wait) = await LoginAsync(http, user.Username!, body.Current, accounts, throttle);
        if (wait is { } w) throw TooManyRefusal(http, w);
        if (checkedUser is null) throw Api.Fail(400, "当前密码不正确", "current");
        await accounts.SetPasswordAsync(checkedUser.Username, body.New);
        // Every session ended with the old password; this person goes on in a new one, no longer held to change it.
        await SignInAsync(http, checkedUser with { MustChangePassword = false }, sessions);
    }

    /// <summary>A login proper: a new session, and the time shown in the administrator's list.</summary>
    static async Task LogInAsync(HttpContext http, User user, SessionStore sessions, AccountStore accounts)
    {
        await SignInAsync(http, user, sessions);
        await accounts.RecordLoginAsync(user.Id);
    }

    static async Task SignInAsync(HttpContext http, User user, SessionStore sessions)
    {
        var sessionId = await sessions.CreateAsync(user.Id);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            CurrentUser.Principal(user, sessionId, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    static async Task SignOutAsync(HttpContext http, SessionStore sessions)
    {
        if (CurrentUser.From(http).SessionId is { } id) await sessions.RevokeAsync(id);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    const string AccountCss = """
        <style>table.account { width: auto; min-width: 24rem; margin-bottom: 1rem; } table.account th { text-align: left; width: 6rem; }
          form.password p { display: flex; gap: .8rem; align-items: center; margin: .5rem 0; }
          form.password label { display: grid; grid-template-columns: 9.5rem 16rem; align-items: center; } form.password p:last-child { padding-left: 9.5rem; }</style>
        """;

    /// <summary>Everyone's own page: who they are, and the password change (the only page open while it is due).</summary>
    static async Task<IResult> AccountPageAsync(HttpContext http, OrganisationStore organisations)
    {
        var user = CurrentUser.From(http);
        if (user.IsPublic) return Results.Redirect("/login?returnUrl=/account");
        var org = (await organisations.AllAsync()).FirstOrDefault(o => o.Id == user.OrganisationId);
        var due = user.MustChangePassword
            ? "<p class=\"error\" role=\"alert\">管理员为您设置了密码（初始密码或一次性密码），它只用来登录这一次：请先设置自己的新密码，之后才能使用系统的其他功能。</p>"
            : "";
        var body = $"""
            {Flash.Render(http)}{due}
            <table class="account"><tbody>
              <tr><th>用户名</th><td>{E(user.Username)}</td></tr>
              <tr><th>姓名</th><td>{E(user.RealName ?? "（未填写，请管理员补充）")}</td></tr>
              <tr><th>角色</th><td>{E(user.Role.ToChinese())}</td></tr>
              <tr><th>所属机构</th><td>{E(org?.Name ?? "—")}</td></tr>
            </tbody></table>
            <h2>修改密码</h2>
            <form method="post" action="/account/password" class="password">
              {Antiforgery.Field(http)}
              <p><label>当前密码 <input name="current" type="password" autocomplete="current-password" maxlength="200" required></label></p>
              <p><label>新密码 <input name="new" type="password" autocomplete="new-password" minlength="{MinPasswordLength}" maxlength="200" required></label>
                 <span class="note">至少 {MinPasswordLength} 个字符，不能与当前密码相同</span></p>
              <p><label>再输入一次新密码 <input name="repeat" type="password" autocomplete="new-password" minlength="{MinPasswordLength}" maxlength="200" required></label></p>
              <p><button type="submit">修改密码</button></p>
            </form>
            <p class="note">修改后，这个账号在其他浏览器或电脑上的登录全部结束，您在这里继续使用。</p>
            """;
        return Page("我的账号", body + AccountCss, user, Antiforgery.Field(http));
    }

    private static IResult LoginPage(HttpContext http, string? error, int status = 400)
    {
        if (error is not null) http.Response.StatusCode = status;
        var returnUrl = LocalPath(http.Request.Query["returnUrl"].ToString());
        var action = returnUrl is null ? "/login" : "/login?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var body = $"""
            {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{E(error)}</p>")}
            <form method="post" action="{E(action)}">
              {Antiforgery.Field(http)}
              <p><label>用户名 <input name="username" autocomplete="username" maxlength="100" required></label></p>
              <p><label>密码 <input name="password" type="password" autocomplete="current-password" maxlength="200" required></label></p>
              <p><button type="submit">登录</button></p>
            </form>
            """;
        return Page("登录", body, CurrentUser.Public);
    }
}
