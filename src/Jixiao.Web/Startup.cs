using Jixiao.Formats.Import;
using Jixiao.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Organisations;

namespace Jixiao.Web;

/// <summary>What happens once at start: the schema, the administrator account, the demo data.</summary>
public static class Startup
{
    public static async Task PrepareAsync(WebApplication app)
    {
        var log = app.Logger;
        var db = app.Services.GetRequiredService<Database>();
        var applied = await db.MigrateAsync();
        if (applied.Count > 0) log.LogInformation("数据库迁移：{Migrations}", string.Join("、", applied.Select(m => m.Name)));

        var accounts = app.Services.GetRequiredService<AccountStore>();
        var configured = app.Configuration["Jixiao:AdminPassword"];
        if (!await accounts.ExistsAsync("admin"))
        {
            var password = string.IsNullOrEmpty(configured) ? Passwords.Generate() : configured;
            await accounts.CreateAsync("admin", password, Jixiao.Core.Access.Role.Admin, null);
            if (string.IsNullOrEmpty(configured))
                Console.WriteLine($"已创建管理员账号 admin，初始密码：{password}（只显示这一次；可用配置 Jixiao:AdminPassword 或环境变量 Jixiao__AdminPassword 指定）");
        }
        else if (!string.IsNullOrEmpty(configured)) await accounts.SetPasswordAsync("admin", configured);

        if (app.Configuration.GetValue("Jixiao:LoadDemoData", true)) await LoadDemoDataAsync(app, db);

        // Forms stored before their list columns existed (or imported without them) get them now, in the background:
        // lists and filters are right for them once it is done, and the app serves meanwhile.
        var store = app.Services.GetRequiredService<FormStore>();
        _ = Task.Run(async () =>
        {
            try
            {
                var filled = await store.FillFiguresAsync(ct: app.Lifetime.ApplicationStopping);
                if (filled > 0) log.LogInformation("已补算 {Count} 张表的列表数据（审核发现、执行率、金额）", filled);
            }
            catch (Exception ex) when (ex is StorageException or OperationCanceledException or System.Data.Common.DbException)
            {
                log.LogWarning("补算列表数据未完成：{Message}", ex.Message);
            }
        });
    }

    /// <summary>The seed forms, with their organisations, into an empty database.</summary>
    private static async Task LoadDemoDataAsync(WebApplication app, Database db)
    {
        var store = app.Services.GetRequiredService<FormStore>();
        if ((await store.ListAsync(new FormFilter(Limit: 1))).Count > 0) return;
        var dir = Path.Combine(AppContext.BaseDirectory, "DemoData");
        if (!Directory.Exists(dir)) return;
        var organisations = app.Services.GetRequiredService<OrganisationStore>();
        int count = 0;
        foreach (var file in Directory.EnumerateFiles(dir, "*.txt").Order(StringComparer.Ordinal))
            foreach (var form in FormImporter.ImportFile(file, Path.GetFileName(file)).Forms)
            {
                var unit = await organisations.EnsureUnitAsync(form.Department, form.ImplementingUnit);
                if ((await store.ImportAsync(form, unit, "system")).Created) count++;
            }
        app.Logger.LogInformation("已载入演示数据：{Count} 张绩效表", count);
    }
}
