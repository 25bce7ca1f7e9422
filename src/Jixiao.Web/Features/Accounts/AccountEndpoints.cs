using System.ComponentModel;
using Jixiao.Core.Access;
using Jixiao.Web.Features.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Accounts;

[Description("登录")]
public sealed record LoginRequest([property: Description("用户名")] string? Username, [property: Description("密码")] string? Password);

[Description("登录成功")]
public sealed record LoginResponse([property: Description("用户名")] string Username, [property: Description("角色")] string Role);

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
            await SignInAsync(http, user, sessions);
            return Api.Json(new LoginResponse(user.Username, user.Role.ToCode()));
        })).WithSummary("登录：{\"username\",\"password\"}，成功后设置会话 Cookie")
            .Accepts<LoginRequest>("application/json").Produces<LoginResponse>().Produces<ApiError>(401).Produces<ApiError>(429);

        app.MapPost("/api/logout", (HttpContext http, SessionStore sessions) => Api.Run(async () =>
        {
            await SignOutAsync(http, sessions);
            return Results.NoContent();
        })).WithSummary("退出登录：会话在服务器上结束，旧的 Cookie 不再有效");

        app.MapPost("/api/account/password", (HttpContext http, AccountStore accounts, SessionStore sessions, LoginThrottle throttle) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Api.Error(401, "请先登录");
            var body = await Api.ReadAsync<PasswordChangeRequest>(http);
            if (string.IsNullOrEmpty(body.Current)) return Api.Error(400, "请填写当前密码", "current");
            if (body.New is not { Length: >= MinPasswordLength and <= 200 }) return Api.Error(400, $"新密码应为 {MinPasswordLength}–200 个字符", "new");
            if (body.New == body.Current) return Api.Error(400, "新密码不能与当前密码相同", "new");
            var (checkedUser, wait) = await LoginAsync(http, user.Username!, body.Current, accounts, throttle);
            if (wait is { } w) return TooManyAttempts(http, w);
            if (checkedUser is null) return Api.Error(400, "当前密码不正确", "current");
            await accounts.SetPasswordAsync(checkedUser.Username, body.New);
            // Every session ended with the old password; this person goes on in a new one.
            await SignInAsync(http, checkedUser, sessions);
            return Results.NoContent();
        })).WithSummary("修改自己的密码：{\"current\",\"new\"}；该账号的其他会话全部结束")
            .Accepts<PasswordChangeRequest>("application/json").Produces(204).Produces<ApiError>(400);

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
            await SignInAsync(http, user, sessions);
            return Results.Redirect(LocalPath(http.Request.Query["returnUrl"].ToString()) ?? "/");
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

    static IResult TooManyAttempts(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString();
        return Api.Json(new ApiError(TooManyMessage(wait), RetryAfter: seconds), 429);
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
