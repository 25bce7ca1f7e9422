using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Jixiao.Formats.Profiles;
using Jixiao.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace Jixiao.Web;

/// <summary>
/// The web application composed from the core, formats and storage: its services (<see cref="AddJixiao"/>), and its
/// middleware and endpoints (<see cref="UseJixiao"/>). Program.cs calls these two and nothing else.
/// </summary>
public static class JixiaoApp
{
    /// <summary>Everything the app needs, from configuration: the database, the data folder, profiles, sessions, limits.</summary>
    public static WebApplicationBuilder AddJixiao(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        // Data folder and database: SQLite under Jixiao:DataDirectory unless Jixiao:Database names another (Host=… → PostgreSQL).
        var dataDir = config["Jixiao:DataDirectory"] is { Length: > 0 } d ? d : "data";
        if (!Path.IsPathRooted(dataDir)) dataDir = Path.Combine(builder.Environment.ContentRootPath, dataDir);
        Directory.CreateDirectory(dataDir);
        var connection = config["Jixiao:Database"] is { Length: > 0 } cs ? cs : Path.Combine(dataDir, "jixiao.db");
        // Scoring profiles: the region's rules (weights, rounding, bands, whether finance approves after the 主管部门). A
        // bureau keeps its own folder with Jixiao:ProfilesDirectory; by default the profiles shipped with the app.
        var profilesDir = config["Jixiao:ProfilesDirectory"] is { Length: > 0 } pd ? pd
            : ProfileCatalog.FindDirectory(AppContext.BaseDirectory) ?? throw new InvalidOperationException("找不到评分方案目录 profiles/");

        var services = builder.Services;
        services.AddSingleton(Database.Open(connection));
        // Session cookies must survive a restart: keep the data-protection keys with the data.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDir, "keys"))).SetApplicationName("Jixiao");
        services.AddSingleton(TimeProvider.System);
        // Every save keeps what lists show beside the form (findings, 执行率, money), computed with the form's profile.
        services.AddSingleton(sp =>
        {
            var profiles = sp.GetRequiredService<ProfileCatalog>();
            return new FormStore(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>(),
                form => Jixiao.Core.Workflow.FormFigures.Of(form, profiles.ForForm(form)));
        });
        services.AddSingleton<SessionStore>();
        services.AddSingleton<WindowStore>();
        services.AddSingleton(sp =>
        {
            var profiles = sp.GetRequiredService<ProfileCatalog>();
            return new MonitoringStore(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>(),
                form => Jixiao.Core.Workflow.FormFigures.Of(form, profiles.ForForm(form)));
        });
        services.AddSingleton<Features.Monitoring.MonitoringWork>();
        services.AddSingleton<SpotCheckStore>();
        services.AddSingleton<Features.SpotChecks.SpotCheckWork>();
        services.AddSingleton<ResultsStore>();
        services.AddSingleton<Features.ResultsApplication.ResultsWork>();
        services.AddSingleton<LibraryStore>();
        services.AddSingleton<Features.Library.LibraryWork>();
        services.AddSingleton<DashboardStore>();
        services.AddSingleton<ProjectStore>();
        services.AddSingleton<Features.Analysis.DashboardCache>();
        services.AddSingleton<Features.Analysis.Dashboards>();
        services.AddSingleton<AccountStore>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<OrganisationStore>();
        services.AddSingleton<Administration>();
        services.AddSingleton<ActorNames>();
        services.AddSingleton<FormAccess>();
        services.AddSingleton<SharedPdfPrinter>();
        services.AddSingleton(_ => ProfileCatalog.Load(profilesDir));
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(Cookie);
        services.AddAuthorization();
        services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
        services.AddOpenApi();
        services.AddRateLimiter(RateLimits);
        return builder;
    }

    /// <summary>The middleware in its order, the endpoints of every feature, and the work done once at start.</summary>
    public static async Task<WebApplication> UseJixiaoAsync(this WebApplication app)
    {
        ErrorPages.Use(app);
        // A request that only reads asks the database for the data version once, however many kept answers it uses.
        app.Use(async (http, next) =>
        {
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)) { await next(); return; }
            using var _ = UntilChanged.ReadOnce();
            await next();
        });
        app.UseAuthentication();
        PasswordChangeGate.Use(app);
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        JsonOnly.Use(app);

        app.MapOpenApi("/openapi/v1.json");
        SiteEndpoints.Map(app);
        AccountEndpoints.Map(app);
        FormEndpoints.Map(app);
        WorkflowEndpoints.Map(app);
        ImportEndpoints.Map(app);
        EditEndpoints.Map(app);
        FormPages.Map(app);
        DownloadEndpoints.Map(app);
        AdminEndpoints.Map(app);
        SummaryAndUploadPages.Map(app);
        ListEndpoints.Map(app);
        Features.Work.WorkbenchPages.Map(app);
        Features.Public.OpenData.Map(app);
        Features.Analysis.DashboardPages.Map(app);
        ProjectPages.Map(app);
        Features.Monitoring.MonitoringEndpoints.Map(app);
        Features.Monitoring.MonitoringPages.Map(app);
        Features.SpotChecks.SpotCheckPages.Map(app);
        Features.ResultsApplication.ResultsEndpoints.Map(app);
        Features.ResultsApplication.ResultsPages.Map(app);
        Features.Library.LibraryPages.Map(app);
        Features.Library.LibraryImport.Map(app);

        await Startup.PrepareAsync(app);
        var db = app.Services.GetRequiredService<Database>();
        app.Lifetime.ApplicationStarted.Register(() =>
            Console.WriteLine($"绩效 Jixiao 已启动：{string.Join("、", app.Urls)}（{app.Environment.EnvironmentName}，数据库：{(db.Kind == DatabaseKind.PostgreSql ? "PostgreSQL" : db.ConnectionString)}）。用 admin 账号登录。"));
        return app;
    }

    static void Cookie(CookieAuthenticationOptions o)
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
        // The cookie is only a pointer to a session row: an ended session (logout, password change, a disabled
        // account) or a changed account (role, organisation, name) is seen on the next request.
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
            if (user.Role != claimed.Role || user.OrganisationId != claimed.OrganisationId || user.Username != claimed.Username
                || user.RealName != claimed.RealName || user.MustChangePassword != claimed.MustChangePassword)
            {
                ctx.ReplacePrincipal(CurrentUser.Principal(user, claimed.SessionId!, CookieAuthenticationDefaults.AuthenticationScheme));
                ctx.ShouldRenew = true;
            }
        };
    }

    // The live check scores and reviews on every keystroke pause: generous for a person, a wall for a script.
    static void RateLimits(Microsoft.AspNetCore.RateLimiting.RateLimiterOptions o)
    {
        o.RejectionStatusCode = 429;
        o.AddPolicy(EditEndpoints.CheckRateLimit, http => RateLimitPartition.GetTokenBucketLimiter(
            http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new TokenBucketRateLimiterOptions { TokenLimit = 60, TokensPerPeriod = 2, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0 }));
        o.OnRejected = (ctx, _) =>
        {
            ctx.HttpContext.Response.Headers.RetryAfter = "5";
            return new ValueTask(Api.Json(new ApiError("检查请求过于频繁，请稍后再试", RetryAfter: 5), 429).ExecuteAsync(ctx.HttpContext));
        };
    }

    static Task Deny(RedirectContext<CookieAuthenticationOptions> ctx, int status, string message)
    {
        if (ctx.Request.Path.StartsWithSegments("/api")) return Api.Json(new ApiError(message), status).ExecuteAsync(ctx.HttpContext);
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
