using System.Text.Encodings.Web;
using System.Text.Unicode;
using Jixiao.Storage;
using Jixiao.Web;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Features.Organisations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Authentication.Cookies;

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
builder.Services.AddSingleton<AccountStore>();
builder.Services.AddSingleton<OrganisationStore>();
builder.Services.AddSingleton<FormAccess>();
builder.Services.AddSingleton<SharedPdfPrinter>();
builder.Services.AddSingleton(_ => Jixiao.Formats.Profiles.ProfileCatalog.Load(
    Jixiao.Formats.Profiles.ProfileCatalog.FindDirectory(AppContext.BaseDirectory)
    ?? throw new InvalidOperationException("找不到评分方案目录 profiles/")));
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
});
builder.Services.AddAuthorization();
builder.Services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi("/openapi/v1.json");
app.MapGet("/health", (Database db) => Results.Json(new { status = "ok", database = db.Kind == DatabaseKind.Sqlite ? "sqlite" : "postgresql" }));
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
    Console.WriteLine($"绩效 Jixiao 已启动：{string.Join("、", app.Urls)}（数据库：{(connection.Contains("Host=") ? "PostgreSQL" : connection)}）。用 admin 账号登录。"));
app.Run();

static Task Deny(RedirectContext<CookieAuthenticationOptions> ctx, int status, string message)
{
    if (ctx.Request.Path.StartsWithSegments("/api"))
    {
        ctx.Response.StatusCode = status;
        return ctx.Response.WriteAsJsonAsync(new { error = message });
    }
    ctx.Response.Redirect(ctx.RedirectUri);
    return Task.CompletedTask;
}

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
