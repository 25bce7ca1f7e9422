using Jixiao.Web.Features.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Accounts;

/// <summary>
/// Log in and out. The JSON API takes `application/json` only: a cross-site form cannot send that without a CORS
/// preflight, which this app never grants, so the API needs no anti-forgery token. HTML forms carry one.
/// </summary>
public static class AccountEndpoints
{
    public sealed record LoginRequest(string? Username, string? Password);

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/login", async (LoginRequest? body, HttpContext http, AccountStore accounts) =>
        {
            if (body is null || string.IsNullOrWhiteSpace(body.Username) || string.IsNullOrEmpty(body.Password))
                return Results.Json(new { error = "请填写用户名和密码", field = string.IsNullOrWhiteSpace(body?.Username) ? "username" : "password" }, statusCode: 400);
            if (body.Username.Length > 100 || body.Password.Length > 200)
                return Results.Json(new { error = "用户名或密码过长", field = body.Username.Length > 100 ? "username" : "password" }, statusCode: 400);
            var (outcome, user) = await accounts.LoginAsync(body.Username.Trim(), body.Password);
            return outcome switch
            {
                LoginOutcome.Success => await SignIn(http, user!, Results.Json(new { username = user!.Username, role = user.Role })),
                LoginOutcome.LockedOut => Results.Json(new { error = LockedMessage }, statusCode: 423),
                _ => Results.Json(new { error = "用户名或密码错误" }, statusCode: 401),
            };
        }).DisableAntiforgery().WithSummary("登录：{\"username\",\"password\"}，成功后设置会话 Cookie");

        app.MapPost("/api/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).DisableAntiforgery().WithSummary("退出登录");

        app.MapGet("/login", (HttpContext http) => LoginPage(http, null));

        app.MapPost("/login", async (HttpContext http, AccountStore accounts) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            var form = await http.Request.ReadFormAsync();
            var username = form["username"].ToString().Trim();
            var password = form["password"].ToString();
            if (username.Length == 0 || password.Length == 0) return LoginPage(http, "请填写用户名和密码");
            var (outcome, user) = await accounts.LoginAsync(username, password);
            if (outcome == LoginOutcome.LockedOut) return LoginPage(http, LockedMessage);
            if (outcome != LoginOutcome.Success) return LoginPage(http, "用户名或密码错误");
            var returnUrl = http.Request.Query["returnUrl"].ToString();
            // Only local paths: an open redirect would send people anywhere after logging in.
            var target = returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/forms";
            return await SignIn(http, user!, Results.Redirect(target));
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        app.MapPost("/logout", async (HttpContext http) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    private static string LockedMessage =>
        $"连续 {AccountStore.MaxFailures} 次密码错误，账号已锁定 {AccountStore.LockOut.TotalMinutes:0} 分钟，请稍后再试或联系管理员";

    private static async Task<IResult> SignIn(HttpContext http, User user, IResult then)
    {
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            CurrentUser.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
        return then;
    }

    private static IResult LoginPage(HttpContext http, string? error)
    {
        if (error is not null) http.Response.StatusCode = 400;
        var body = $"""
            {(error is null ? "" : $"<p class=\"error\">{E(error)}</p>")}
            <form method="post" action="/login{E(http.Request.QueryString.Value)}">
              {Antiforgery.Field(http)}
              <p><label>用户名 <input name="username" autocomplete="username" maxlength="100" required></label></p>
              <p><label>密码 <input name="password" type="password" autocomplete="current-password" maxlength="200" required></label></p>
              <p><button type="submit">登录</button></p>
            </form>
            """;
        return Page("登录", body, CurrentUser.Public);
    }
}
