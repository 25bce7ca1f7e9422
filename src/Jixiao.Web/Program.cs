using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Jixiao.Storage;
using Jixiao.Web;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

var builder = WebApplication.CreateBuilder(args);

// Data folder and database: SQLite under Jixiao:DataDirectory unless Jixiao:Database names another (Host=… → PostgreSQL).
var dataDir = builder.Configuration["Jixiao:DataDirectory"] is { Length: > 0 } d ? d : "data";
if (!Path.IsPathRooted(dataDir)) dataDir = Path.Combine(builder.Environment.ContentRootPath, dataDir);
Directory.CreateDirectory(dataDir);
var connection = builder.Configuration["Jixiao:Database"] is { Length: > 0 } cs ? cs : Path.Combine(dataDir, "jixiao.db");

builder.Services.AddSingleton(Database.Open(connection));
// Session cookies must survive a restart: keep the data-protection keys with the data.
builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDir, "keys"))).SetApplicationName("Jixiao");
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<FormStore>();
builder.Services.AddSingleton<SessionStore>();
builder.Services.AddSingleton<AccountStore>();
builder.Services.AddSingleton<LoginThrottle>();
builder.Services.AddSingleton<OrganisationStore>();
builder.Services.AddSingleton<FormAccess>();
builder.Services.AddSingleton<SharedPdfPrinter>();
// Scoring profiles: the region's rules (weights, rounding, bands, whether finance approves after the 主管部门). A bureau
// keeps its own folder with Jixiao:ProfilesDirectory; by default the profiles shipped with the app.
var profilesDir = builder.Configuration["Jixiao:ProfilesDirectory"] is { Length: > 0 } pd ? pd
    : Jixiao.Formats.Profiles.ProfileCatalog.FindDirectory(AppContext.BaseDirectory) ?? throw new InvalidOperationException("找不到评分方案目录 profiles/");
builder.Services.AddSingleton(_ => Jixiao.Formats.Profiles.ProfileCatalog.Load(profilesDir));
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
{
    o.Cookie.Name = "jixiao";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.LoginPath = "/login";
    o.ExpireTimeSpan = TimeSpan.FromHours(8);
    o.SlidingExpiration = true;
    // APIs answer 401/403 instead of redirecting to the login page.
    o.Events.OnRedirectToLogin = ctx => Deny(ctx, 401, "请先登录");
    o.Events.OnRedirectToAccessDenied = ctx => Deny(ctx, 403, "无权执行此操作");
    // The cookie is only a pointer to a session row: an ended session (logout, password change) or a changed
    // account (role, organisation) is seen on the next request.
    o.Events.OnValidatePrincipal = async ctx =>
    {
        var claimed = CurrentUser.From(ctx.Principal!);
        var user = claimed.SessionId is { } sid ? await ctx.HttpContext.RequestServices.GetRequiredService<SessionStore>().FindAsync(sid) : null;
        if (user is null || user.Id != claimed.Id)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (user.Role != claimed.Role || user.OrganisationId != claimed.OrganisationId || user.Username != claimed.Username)
        {
            ctx.ReplacePrincipal(CurrentUser.Principal(user, claimed.SessionId!, CookieAuthenticationDefaults.AuthenticationScheme));
            ctx.ShouldRenew = true;
        }
    };
});
builder.Services.AddAuthorization();
builder.Services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
builder.Services.AddOpenApi();
// The live check scores and reviews on every keystroke pause: generous for a person, a wall for a script.
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = 429;
    o.AddPolicy(EditEndpoints.CheckRateLimit, http => RateLimitPartition.GetTokenBucketLimiter(
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new TokenBucketRateLimiterOptions { TokenLimit = 60, TokensPerPeriod = 2, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0 }));
    o.OnRejected = (ctx, _) =>
    {
        ctx.HttpContext.Response.Headers.RetryAfter = "5";
        return new ValueTask(ctx.HttpContext.Response.WriteAsJsonAsync(new ApiError("检查请求过于频繁，请稍后再试", RetryAfter: 5), Jixiao.Core.Interchange.FormJson.Options));
    };
});

var app = builder.Build();
ErrorPages.Use(app);
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();
JsonOnly.Use(app);

app.MapOpenApi("/openapi/v1.json");
app.MapGet("/health", (Database db) => Api.Json(new Health("ok", db.Kind == DatabaseKind.Sqlite ? "sqlite" : "postgresql")))
    .WithSummary("运行状态").Produces<Health>();
app.MapGet("/", () => Results.Redirect("/public"));
app.MapGet("/js/{name}", (string name) =>
{
    var stream = typeof(Program).Assembly.GetManifestResourceStream("js/" + name);
    return stream is null ? Results.NotFound() : Results.Stream(stream, "text/javascript; charset=utf-8");
});
AccountEndpoints.Map(app);
FormEndpoints.Map(app);
WorkflowEndpoints.Map(app);
ImportEndpoints.Map(app);
EditEndpoints.Map(app);
FormPages.Map(app);
DownloadEndpoints.Map(app);
AdminEndpoints.Map(app);
SummaryAndUploadPages.Map(app);

await Startup.PrepareAsync(app);
app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"绩效 Jixiao 已启动：{string.Join("、", app.Urls)}（{app.Environment.EnvironmentName}，数据库：{(connection.Contains("Host=") ? "PostgreSQL" : connection)}）。用 admin 账号登录。"));
app.Run();

static Task Deny(RedirectContext<CookieAuthenticationOptions> ctx, int status, string message)
{
    if (ctx.Request.Path.StartsWithSegments("/api"))
    {
        ctx.Response.StatusCode = status;
        return ctx.Response.WriteAsJsonAsync(new ApiError(message), Jixiao.Core.Interchange.FormJson.Options);
    }
    ctx.Response.Redirect(ctx.RedirectUri);
    return Task.CompletedTask;
}

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

/// <summary>What `/health` answers.</summary>
public sealed record Health(string Status, string Database);
