using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Accounts;

/// <summary>
/// A password the administrator set (a one-time password, an initial password, an imported one) is known to someone
/// besides its owner, so it opens a session in which the only thing to do is to change it. Enforced here, for every
/// request, not by the pages: the API answers 403 and a page goes to /account until the password is changed. The flag
/// comes from the session row, read on every request (decision 0009), so it holds for every copy of the cookie.
/// </summary>
public static class PasswordChangeGate
{
    public const string Message = "管理员为您设置的密码须先修改：请在“我的账号”中设置新密码后再继续（POST /api/account/password）";

    // What a person must still reach: the password change (page and API), who they are, logging out or in as someone
    // else, the scripts the pages load, the health check.
    static readonly string[] Open = ["/account", "/api/account", "/logout", "/api/logout", "/login", "/api/login", "/js", "/health"];

    public static void Use(WebApplication app) => app.Use(async (http, next) =>
    {
        var user = CurrentUser.From(http);
        if (!user.IsPublic && user.MustChangePassword && !Open.Any(p => http.Request.Path.StartsWithSegments(p)))
        {
            if (http.Request.Path.StartsWithSegments("/api")) await Api.Error(403, Message, "password").ExecuteAsync(http);
            else http.Response.Redirect("/account");
            return;
        }
        await next();
    });
}
