using Jixiao.Formats.Import;
using Jixiao.Core.Workflow;
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
                await db.AnalyzeAsync(app.Lifetime.ApplicationStopping);
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
        if (count > 0 && app.Configuration.GetValue("Jixiao:DemoWorkflow", true)) await DemoWorkflowAsync(app, store);
    }

    // Where the demo forms stand, so that every page has something to show: each status, a returned form with its
    // reason, published forms for the public pages, an approved declaration with its bound self-evaluation, this
    // year's windows. Set by "system" without the workflow's checks: the seeds have no error findings anyway.
    static readonly (string Project, FormStatus[] Path, string? Reason)[] DemoStatuses =
    [
        ("生活驿站运行经费", [FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved], null),
        ("党建经费", [FormStatus.Submitted], null),
        ("专户项目经费", [FormStatus.Submitted, FormStatus.Returned], "指标只有 3 个，缺少效益和满意度指标，请补充后重新提交。"),
        ("党建服务工作经费", [FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved, FormStatus.Published], null),
        ("电教远教工作经费", [FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved, FormStatus.Published], null),
        ("信息化建设项目", [FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved], null),
        ("信息化运维项目", [FormStatus.Submitted, FormStatus.DepartmentApproved], null),
        ("文体事务管理", [FormStatus.Submitted], null),
        ("社区自治管理", [FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved, FormStatus.Published], null),
        ("党群阵地设备运行维护", [FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.Approved, FormStatus.Published], null),
        ("上海市党员干部现代远程教育网络体系运维（非信息化项目）", [FormStatus.Submitted, FormStatus.Returned], "实际完成情况照抄了预期目标，请写明实际做了什么。"),
    ];

    // One account for each role at the demo's organisations, printed once with its password.
    static readonly (string Username, string RealName, Jixiao.Core.Access.Role Role, string Organisation)[] DemoAccounts =
    [
        ("unit-dangjian", "上海市党建服务中心填报员", Jixiao.Core.Access.Role.Unit, "上海市党建服务中心"),
        ("unit-xidu", "西渡街道党群服务中心填报员", Jixiao.Core.Access.Role.Unit, "上海市奉贤区西渡街道社区党群服务中心"),
        ("dept-zuzhibu", "市委组织部审核员", Jixiao.Core.Access.Role.DepartmentReviewer, "中共上海市委组织部"),
        ("dept-xidu", "西渡街道办事处审核员", Jixiao.Core.Access.Role.DepartmentReviewer, "上海市奉贤区人民政府西渡街道办事处"),
        ("finance", "财政局审核员", Jixiao.Core.Access.Role.FinanceReviewer, OrganisationTree.FinanceBureau),
    ];

    /// <summary>
    /// A 2024 1-7月 round over the approved declarations, still open; 生活驿站运行经费's form filled as a unit would fill
    /// it (execution behind time progress: yellow, with its reason and 纠偏措施) and submitted to its 主管部门.
    /// </summary>
    static async Task DemoMonitoringAsync(WebApplication app, FormStore store, DateOnly today)
    {
        var monitoring = app.Services.GetRequiredService<MonitoringStore>();
        var profiles = app.Services.GetRequiredService<Jixiao.Formats.Profiles.ProfileCatalog>();
        var period = new Jixiao.Core.Model.MonitoringPeriod(7, null);
        var drafts = (await monitoring.DeclarationsInForceAsync(2024)).Select(d =>
        {
            var declaration = (Jixiao.Core.Model.TargetDeclaration)d.Form;
            var form = Jixiao.Core.Entry.BoundMonitoring.Draft(declaration, period, profiles.ForForm(declaration));
            form.Source = new Jixiao.Core.Model.SourceRef($"2024年1-7月运行监控：由第 {d.Id} 号申报表建立", null);
            return (d, form);
        }).ToList();
        if (drafts.Count == 0) return;
        var round = await monitoring.OpenRoundAsync(2024, new DateOnly(2024, 7, 31), null, today.AddDays(20), false, drafts, "system");
        var line = round is null ? null : (await monitoring.RoundFormsAsync(round.Id)).FirstOrDefault(l => l.ProjectName == "生活驿站运行经费");
        if (line is null || await store.GetAsync(line.Id) is not { Form: Jixiao.Core.Model.MonitoringForm form } stored
            || await store.GetAsync(stored.DeclarationId!.Value) is not { Form: Jixiao.Core.Model.TargetDeclaration declaration }) return;
        var deviation = new Jixiao.Core.Model.Deviation([Jixiao.Core.Model.DeviationCause.Other], "设施维修集中在下半年招标，上半年只支付日常运行费用。", "8 月完成维修招标，9 月起按进度支付。");
        foreach (var row in form.Funds.Rows.Where(r => r.InitialBudget is > 0))
        {
            row.ExecutedToDate = Jixiao.Core.Scoring.Num.TwoPlaces(row.InitialBudget!.Value * 0.4m);
            row.ForecastExecuted = row.InitialBudget;
            row.Deviation = deviation;
        }
        foreach (var row in form.Funds.Rows.Where(r => r.InitialBudget is not > 0)) (row.ExecutedToDate, row.ForecastExecuted) = (0m, 0m);
        form.GoalProgress = "生活驿站 1-7 月正常开放，各功能室运行正常；设施维修尚未招标。";
        foreach (var row in form.Indicators)
        {
            // On course: the forecast is the target itself (its value, or achieved for a word).
            var t = row.Target;
            row.Progress = new Jixiao.Core.Model.ActualValue("按计划推进", null, null, null);
            // A strict comparator (< 5%, > 0) is met only off its bound.
            var value = t?.Value is not { } v ? 0m
                : t.Comparator == Jixiao.Core.Model.Comparator.Less ? v / 2m
                : t.Comparator == Jixiao.Core.Model.Comparator.Greater ? v + 1m : v;
            row.Forecast = t is { IsQuantitative: true }
                ? new Jixiao.Core.Model.ActualValue($"{Jixiao.Core.Scoring.Num.Plain(value)}{t.Unit}", value, t.Unit, null)
                : new Jixiao.Core.Model.ActualValue(t?.Text ?? "达成", null, null, Jixiao.Core.Model.Achievement.Achieved);
            row.Likelihood = Jixiao.Core.Model.Likelihood.Certain;
        }
        var record = Jixiao.Core.Entry.BoundMonitoring.Apply(form, declaration, period, profiles.ForForm(declaration)).Record;
        var saved = await store.UpdateAsync(stored.Id, stored.Version, record, "system");
        await store.ChangeStatusAsync(stored.Id, saved.CurrentVersion, FormStatus.Submitted, "system", "演示数据");
    }

    static async Task DemoWorkflowAsync(WebApplication app, FormStore store)
    {
        var forms = await store.ListAsync(new FormFilter(Limit: 1000));
        foreach (var (project, path, reason) in DemoStatuses)
        {
            if (forms.FirstOrDefault(f => f.ProjectName == project) is not { } f) continue;
            var version = f.Version;
            foreach (var status in path)
                version = (await store.ChangeStatusAsync(f.Id, version, status, "system", status == FormStatus.Returned ? reason : "演示数据")).CurrentVersion;
        }
        // The approved declaration's self-evaluation, made as a unit would make it (bound, figures computed).
        if (forms.FirstOrDefault(f => f.ProjectName == "生活驿站运行经费") is { } d && await store.GetAsync(d.Id) is { Form: Jixiao.Core.Model.TargetDeclaration declaration } stored)
        {
            var profiles = app.Services.GetRequiredService<Jixiao.Formats.Profiles.ProfileCatalog>();
            var evaluation = Jixiao.Core.Entry.BoundEvaluation.Draft(declaration, profiles.ForForm(declaration));
            evaluation.Source = new Jixiao.Core.Model.SourceRef($"由第 {d.Id} 号申报表建立", null);
            await store.ImportAsync(evaluation, stored.UnitId, "system", d.Id, null);
        }
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var today = Jixiao.Web.Features.Shared.Today.In(clock);
        await DemoMonitoringAsync(app, store, today);
        var windows = app.Services.GetRequiredService<WindowStore>();
        await windows.SetAsync(new Window(today.Year + 1, Stage.Declaration, today.AddDays(-14), today.AddDays(30)), "system");
        await windows.SetAsync(new Window(2024, Stage.SelfEvaluation, new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 30)), "system");

        var accounts = app.Services.GetRequiredService<AccountStore>();
        var organisations = await app.Services.GetRequiredService<OrganisationStore>().AllAsync();
        var lines = new List<string>();
        var configured = app.Configuration["Jixiao:DemoPassword"];
        foreach (var (username, realName, role, organisation) in DemoAccounts)
        {
            if (await accounts.ExistsAsync(username) || organisations.FirstOrDefault(o => o.Name == organisation) is not { } org) continue;
            var password = string.IsNullOrEmpty(configured) ? Passwords.Generate() : configured;
            await accounts.CreateAsync(username, password, role, org.Id, realName);
            lines.Add($"  {username,-14} {realName,-6} {Jixiao.Core.Access.Roles.ToChinese(role),-8} {organisation}  密码：{password}");
        }
        if (lines.Count > 0)
            Console.WriteLine("已创建演示账号（只显示这一次；可用配置 Jixiao:DemoPassword 指定统一密码）：\n" + string.Join("\n", lines));
        app.Logger.LogInformation("演示数据已就位：各状态的表、公开的表、一张依据申报表的自评表、填报时间和各角色的演示账号");
    }
}
