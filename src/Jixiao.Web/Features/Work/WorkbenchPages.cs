using System.ComponentModel;
using System.Text;
using Jixiao.Core.Access;
using Jixiao.Core.Workflow;
using Jixiao.Storage;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Work;

[Description("一项待办：名称、数目和列表地址")]
public sealed record TodoItem(
    [property: Description("待办")] string Label,
    [property: Description("张数")] int Count,
    [property: Description("列表地址")] string? Link,
    [property: Description("需要注意（逾期或即将截止）")] bool Urgent);

[Description("工作台：我的待办和本年度的填报时间")]
public sealed record Workbench(
    [property: Description("角色")] string Role,
    [property: Description("待办")] IReadOnlyList<TodoItem> Todo,
    [property: Description("填报时间")] IReadOnlyList<WindowDocument> Windows);

[Description("一个阶段的填报时间")]
public sealed record WindowDocument(
    [property: Description("年度")] int Year,
    [property: Description("阶段（declaration 申报、monitoring 监控、self-evaluation 自评）")] string Stage,
    [property: Description("开始日期")] string OpensOn,
    [property: Description("截止日期")] string ClosesOn,
    [property: Description("状态说明")] string? Description = null)
{
    public static WindowDocument Of(Window w, DateOnly today) =>
        new(w.Year, w.Stage.ToCode(), w.OpensOn.ToString("yyyy-MM-dd"), w.ClosesOn.ToString("yyyy-MM-dd"), w.Describe(today));
}

/// <summary>
/// Where each person starts: the 工作台 at `/` once logged in — what waits for them, counted, each count a link to
/// the list behind it, and the year's windows with their deadlines — and, for the public, a page that says what the
/// product is. Finance sets the windows (`/windows`).
/// </summary>
public static class WorkbenchPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/", async (HttpContext http, FormStore store, FormAccess access, WindowStore windows, MonitoringStore monitoring, TimeProvider clock) =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic)
                return Home(http, await store.PageAsync(new FormFilter(Status: FormStatus.Published, Limit: 8) { Sort = FormSort.Updated }, withTotal: false));
            var bench = await WorkbenchAsync(user, store, access, windows, monitoring, clock);
            var recent = await store.PageAsync(await access.ScopeAsync(user, new FormFilter(Limit: 8) { Sort = FormSort.Updated, Today = Today.In(clock) }), withTotal: false);
            return Page("工作台", Flash.Render(http) + Render(bench, user) + Recent("最近修改的表", recent, "/forms"), user, Antiforgery.Field(http));
        });

        app.MapGet("/api/workbench", (HttpContext http, FormStore store, FormAccess access, WindowStore windows, MonitoringStore monitoring, TimeProvider clock) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Api.Error(401, "请先登录");
            return Api.Json(await WorkbenchAsync(user, store, access, windows, monitoring, clock));
        })).WithSummary("工作台：我的待办（各项张数及列表地址）和填报时间").Produces<Workbench>();

        app.MapGet("/api/windows", (HttpContext http, WindowStore windows, TimeProvider clock) => Api.Run(async () =>
        {
            if (CurrentUser.From(http).IsPublic) return Api.Error(401, "请先登录");
            var today = Today.In(clock);
            return Api.Json((await windows.AllAsync()).Select(w => WindowDocument.Of(w, today)).ToList());
        })).WithSummary("各年度各阶段的填报时间").Produces<List<WindowDocument>>();

        app.MapPut("/api/windows", (HttpContext http, WindowStore windows, TimeProvider clock) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            RequireSchedule(user);
            var body = await Api.ReadAsync<WindowDocument>(http);
            var window = Validate(body);
            await windows.SetAsync(window, user.Username!);
            return Api.Json(WindowDocument.Of(window, Today.In(clock)));
        })).WithSummary("财政部门开放或调整一个阶段的填报时间：year、stage、opensOn、closesOn（yyyy-MM-dd）")
            .Accepts<WindowDocument>("application/json").Produces<WindowDocument>().Produces<ApiError>(400);

        app.MapGet("/windows", async (HttpContext http, WindowStore windows, TimeProvider clock) =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Results.Redirect("/login?returnUrl=/windows");
            var today = Today.In(clock);
            var may = Permissions.Decide(user.Role, FormAction.Schedule, null).Allowed;
            var sb = new StringBuilder(Flash.Render(http));
            sb.Append("<table><thead><tr><th>年度</th><th>阶段</th><th>开始</th><th>截止</th><th>状态</th></tr></thead><tbody>");
            foreach (var w in await windows.AllAsync())
                sb.Append($"<tr><td>{w.Year}</td><td>{E(w.Stage.ToChinese())}</td><td>{w.OpensOn:yyyy-MM-dd}</td><td>{w.ClosesOn:yyyy-MM-dd}</td><td>{E(w.Describe(today))}</td></tr>");
            sb.Append("</tbody></table>");
            if (may)
                sb.Append($"""
                    <h2>开放或调整填报时间</h2>
                    <form method="post" action="/windows" class="fields">{Antiforgery.Field(http)}
                      <label class="field">年度 <input name="year" type="number" min="1990" max="2100" value="{today.Year + 1}" required></label>
                      <label class="field">阶段 <select name="stage">{string.Concat(Stages.All.Select(s => $"<option value=\"{s.ToCode()}\">{E(s.ToChinese())}</option>"))}</select></label>
                      <label class="field">开始日期 <input name="opensOn" type="date" required></label>
                      <label class="field">截止日期 <input name="closesOn" type="date" required></label>
                      <p><button type="submit">保存</button></p>
                    </form>
                    """);
            return Page("填报时间", sb.ToString(), user, Antiforgery.Field(http));
        });

        app.MapPost("/windows", async (HttpContext http, WindowStore windows) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            var user = CurrentUser.From(http);
            var form = await http.Request.ReadFormAsync();
            try
            {
                RequireSchedule(user);
                var window = Validate(new WindowDocument(int.TryParse(form["year"], out var y) ? y : 0, form["stage"].ToString(),
                    form["opensOn"].ToString(), form["closesOn"].ToString()));
                await windows.SetAsync(window, user.Username!);
                Flash.Set(http, $"已保存：{window.Year}年度{window.Stage.ToChinese()}，{window.OpensOn:yyyy-MM-dd} 至 {window.ClosesOn:yyyy-MM-dd}。");
            }
            catch (ApiRefusal r) { Flash.Set(http, r.Error.Error, isError: true); }
            return Results.Redirect("/windows");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
    }

    static void RequireSchedule(CurrentUser user)
    {
        var d = Permissions.Decide(user.Role, FormAction.Schedule, null);
        if (!d.Allowed) throw user.IsPublic ? Api.Fail(401, "请先登录") : Api.Fail(403, d.Refusal ?? "无权安排填报时间");
    }

    static Window Validate(WindowDocument body)
    {
        if (body.Year is < 1990 or > 2100) throw Api.Fail(400, "年度应为 1990–2100 之间的年份", "year");
        if (Stages.FromCode(body.Stage) is not { } stage) throw Api.Fail(400, "阶段应为 declaration（申报）、monitoring（监控）或 self-evaluation（自评）", "stage");
        static DateOnly? Day(string? s) => DateOnly.TryParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
        var opens = Day(body.OpensOn) ?? throw Api.Fail(400, $"开始日期“{body.OpensOn}”应为 yyyy-MM-dd", "opensOn");
        var closes = Day(body.ClosesOn) ?? throw Api.Fail(400, $"截止日期“{body.ClosesOn}”应为 yyyy-MM-dd", "closesOn");
        if (closes < opens) throw Api.Fail(400, "截止日期不能早于开始日期", "closesOn");
        return new Window(body.Year, stage, opens, closes);
    }

    /// <summary>What waits for this person: each item a count over their scope and the list that shows it.</summary>
    public static async Task<Workbench> WorkbenchAsync(CurrentUser user, FormStore store, FormAccess access, WindowStore windows, MonitoringStore monitoring,
        TimeProvider clock)
    {
        var today = Today.In(clock);
        var scope = await access.ScopeAsync(user, new FormFilter { Today = today });
        var (counts, overdue) = await store.CountsAsync(scope);
        int N(FormStatus s) => counts.GetValueOrDefault(s);
        var todo = new List<TodoItem>();
        void Add(string label, int count, string? link, bool urgent = false) => todo.Add(new TodoItem(label, count, link, urgent));
        switch (user.Role)
        {
            case Role.Unit:
                Add("我的草稿", N(FormStatus.Draft), "/forms?status=draft");
                Add("被退回、待修改", N(FormStatus.Returned), "/forms?status=returned", N(FormStatus.Returned) > 0);
                Add("已提交、审核中", N(FormStatus.Submitted) + N(FormStatus.DepartmentApproved), "/forms?status=submitted,department-approved");
                Add("审核通过", N(FormStatus.Approved) + N(FormStatus.Published), "/forms?status=approved,published");
                break;
            case Role.DepartmentReviewer:
                Add("待我审核", N(FormStatus.Submitted), "/forms?status=submitted", N(FormStatus.Submitted) > 0);
                Add("已审核、待财政审核", N(FormStatus.DepartmentApproved), "/forms?status=department-approved");
                Add("已退回单位", N(FormStatus.Returned), "/forms?status=returned");
                break;
            case Role.FinanceReviewer:
                Add("待我审核（主管部门已审核）", N(FormStatus.DepartmentApproved), "/forms?status=department-approved", N(FormStatus.DepartmentApproved) > 0);
                Add("审核通过、待公开", N(FormStatus.Approved), "/forms?status=approved", N(FormStatus.Approved) > 0);
                Add("主管部门审核中", N(FormStatus.Submitted), "/forms?status=submitted");
                break;
            default:
                foreach (var s in FormStatuses.All) Add(s.ToChinese(), N(s), $"/forms?status={s.ToCode()}");
                break;
        }
        // Overdue: drafts and returned forms past their window. A 主管部门 or finance sees how many of its units are
        // late, though not their drafts.
        var overdueTotal = user.Role is Role.DepartmentReviewer or Role.FinanceReviewer
            ? (await store.CountsAsync(scope with { ExcludeDrafts = false, Statuses = [FormStatus.Draft, FormStatus.Returned] })).Overdue
            : overdue;
        Add("逾期未提交", overdueTotal, user.Role is Role.Unit or Role.Admin ? "/forms?overdue=true" : null, overdueTotal > 0);
        // 整改: a unit's items to answer; a reviewer's the ones past their deadline.
        var rectifications = await monitoring.RectificationsAsync(user.Role is Role.FinanceReviewer or Role.Admin ? null : await access.UnitsAsync(user));
        var openItems = rectifications.Count(r => !r.Done);
        var lateItems = rectifications.Count(r => r.OverdueOn(today));
        if (user.Role == Role.Unit) Add("整改待完成", openItems, "/rectifications?state=open", lateItems > 0);
        else Add("整改逾期未完成", lateItems, "/rectifications?state=overdue", lateItems > 0);
        var open = (await windows.AllAsync()).Where(w => !w.IsClosed(today) || w.ClosesOn.DayNumber > today.DayNumber - 30)
            .Select(w => WindowDocument.Of(w, today)).ToList();
        return new Workbench(user.Role.ToCode(), todo, open);
    }

    static string Render(Workbench bench, CurrentUser user)
    {
        var sb = new StringBuilder("<section class=\"todo\"><h2>待办</h2><div class=\"cards\">");
        foreach (var t in bench.Todo)
        {
            var inner = $"<span class=\"count\">{t.Count}</span><span class=\"label\">{E(t.Label)}</span>";
            sb.Append(t.Link is { } link && t.Count > 0
                ? $"<a class=\"card{(t.Urgent ? " urgent" : "")}\" href=\"{E(link)}\">{inner}</a>"
                : $"<div class=\"card{(t.Urgent ? " urgent" : "")}\">{inner}</div>");
        }
        sb.Append("</div></section><section class=\"windows\"><h2>填报时间</h2>");
        if (bench.Windows.Count == 0) sb.Append("<p>财政部门尚未开放本年度的填报。</p>");
        else sb.Append("<ul>").Append(string.Concat(bench.Windows.Select(w => $"<li>{E(w.Description)}</li>"))).Append("</ul>");
        if (Permissions.MayEver(user.Role, FormAction.Schedule)) sb.Append("<p><a class=\"button\" href=\"/windows\">安排填报时间</a></p>");
        sb.Append("</section><p><a class=\"button\" href=\"/forms\">全部绩效表</a>");
        if (Permissions.MayEver(user.Role, FormAction.Create)) sb.Append(" <a class=\"button\" href=\"/forms/new\">新建申报表</a> <a class=\"button\" href=\"/imports\">导入</a>");
        return sb.Append("</p>").ToString();
    }

    /// <summary>A short list of forms: project, kind, unit, status, score, when changed.</summary>
    static string Recent(string title, FormPage page, string link)
    {
        if (page.Forms.Count == 0) return "";
        var sb = new StringBuilder($"<section class=\"recent\"><h2>{E(title)}</h2><table class=\"list\"><thead><tr><th>项目名称</th><th>类型</th><th>实施单位</th><th>状态</th><th>总分</th><th>修改时间</th></tr></thead><tbody>");
        foreach (var f in page.Forms)
        {
            var when = DateTimeOffset.TryParse(f.UpdatedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t)
                ? t.ToOffset(Today.ChinaOffset).ToString("yyyy-MM-dd HH:mm") : "";
            var kind = Jixiao.Core.Model.FormKinds.FromCode(f.Kind) is { } k ? Jixiao.Core.Model.FormKinds.ShortName(k) : f.Kind;
            sb.Append($"<tr><td><a href=\"{link}/{f.Id}\">{E(f.ProjectName)}</a></td><td><span class=\"kind kind-{E(f.Kind)}\">{kind}</span></td><td>{E(f.ImplementingUnit)}</td>")
              .Append($"<td class=\"status\">{E(FormStatuses.FromCode(f.Status)?.ToChinese())}{(f.Overdue ? " <span class=\"error\">逾期</span>" : "")}</td><td>{E(f.TotalScore)}</td><td>{when}</td></tr>");
        }
        return sb.Append("</tbody></table></section>").ToString();
    }

    /// <summary>The public's first page: what the system is, where to go, and the latest published forms.</summary>
    static IResult Home(HttpContext http, FormPage published) => Page("预算绩效管理", """
        <section class="intro">
          <p class="lead">绩效是财政项目支出绩效管理的系统：预算单位申报绩效目标，主管部门和财政审核；年中运行监控；年后自评，系统按评分方案计算执行率、各指标得分、总分和等级，并列出计算过程；审核通过的表依法公开。</p>
          <ul>
            <li><strong>申报</strong>：三级指标体系（产出、效益、满意度、成本），逐行审核提示。</li>
            <li><strong>审核</strong>：主管部门审核、财政审核两级，错误拦截，警告须说明。</li>
            <li><strong>自评</strong>：指标取自审核通过的申报表，得分按规则计算，改分须写明理由。</li>
            <li><strong>公开</strong>：已公开的绩效表可查阅、下载，并提供开放数据。</li>
          </ul>
          <p><a class="button" href="/public">查看公开的绩效表</a> <a class="button" href="/login">登录</a></p>
        </section>
        """ + Recent("最近公开的绩效表", published, "/public/forms"), CurrentUser.Public, Antiforgery.Field(http));
}
