using System.ComponentModel;
using System.Globalization;
using System.Text;
using Jixiao.Core.Access;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using Jixiao.Storage;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Forms;

[Description("项目中的一张表")]
public sealed record ProjectStep(
    [property: Description("编号")] long Id,
    [property: Description("类型：target-declaration 申报表、self-evaluation 自评表")] string Kind,
    [property: Description("第几次调整（原申报表为 0；自评表为空）")] int? Revision,
    [property: Description("状态")] string Status,
    [property: Description("在项目中的地位：current 现行、superseded 已被调整取代、pending 调整中（尚未审核通过）；自评表为空")] string? Standing,
    [property: Description("总分")] decimal? TotalScore,
    [property: Description("等级")] string? Grade,
    [property: Description("错误数")] int? ErrorCount,
    [property: Description("警告数")] int? WarningCount,
    [property: Description("申报表的年度资金申请总额、自评表的全年预算数（元）")] decimal? BudgetYuan,
    [property: Description("自评表的全年执行数（元）")] decimal? ExecutedYuan,
    [property: Description("执行率（%）")] decimal? ExecutionRate,
    [property: Description("所调整的表的编号")] long? AdjustsId,
    [property: Description("所依据的申报表的编号")] long? DeclarationId,
    [property: Description("表的页面")] string Link);

[Description("一个项目的全程：申报表、各次调整、依据它们的自评表（本人无权查看的表不列出）")]
public sealed record ProjectDocument(
    [property: Description("项目名称（现行的一版）")] string? ProjectName,
    [property: Description("年度")] int? Year,
    [property: Description("主管部门")] string? Department,
    [property: Description("实施单位")] string? ImplementingUnit,
    [property: Description("单位编号")] long? UnitId,
    [property: Description("申报表及其各次调整，按先后")] IReadOnlyList<ProjectStep> Declarations,
    [property: Description("自评表")] IReadOnlyList<ProjectStep> SelfEvaluations,
    [property: Description("本单位本年度的项目绩效目标汇总表页面")] string? Summary);

/// <summary>
/// A project's whole life on one page (`/projects/{id}`, any form of it; `GET /api/projects/{id}`): the declaration as
/// first approved, each 调整, the self-evaluations bound to any of them, each with its status, score and findings;
/// and a unit's 汇总表 of a year as a page (`/summaries?unit=&year=`) with its downloads. A 绩效运行监控 form will
/// join the chain here once the app has one.
/// </summary>
public static class ProjectPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/projects/{id}", (string id, HttpContext http, ProjectStore projects, FormAccess access) => Api.Run(async () =>
            Api.Json(await ProjectAsync(CurrentUser.From(http), id, projects, access) ?? throw Api.NotFound(id))))
            .WithName("GetProject").WithSummary("一个项目的全程（任一张表的编号）：申报表及各次调整、自评表，各自的状态、总分等级、错误与警告数")
            .Produces<ProjectDocument>().Produces<ApiError>(404);

        app.MapGet("/projects/{id}", async (string id, HttpContext http, ProjectStore projects, FormAccess access) =>
        {
            var user = CurrentUser.From(http);
            if (await ProjectAsync(user, id, projects, access) is not { } project)
            {
                if (user.IsPublic) return Results.Redirect($"/login?returnUrl=/projects/{Uri.EscapeDataString(id)}");
                http.Response.StatusCode = 404;
                return Page("未找到", "<p class=\"error\">没有这张绩效表，或您无权查看。</p>", user, Antiforgery.Field(http));
            }
            return Page($"项目全程：{project.ProjectName}", RenderProject(project), user, Antiforgery.Field(http));
        });

        app.MapGet("/summaries", async (HttpContext http, ProjectStore projects, DashboardStore dashboards, FormAccess access, OrganisationStore organisations) =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString("/summaries" + http.Request.QueryString));
            var q = http.Request.Query;
            var orgs = await organisations.AllAsync();
            var mine = (await access.UnitsAsync(user)).ToHashSet();
            var units = orgs.Where(o => o.Kind == "unit" && (user.Role is Role.FinanceReviewer or Role.Admin || mine.Contains(o.Id))).ToList();
            long? unit = long.TryParse(q["unit"], out var u) && u > 0 ? u : units.Count == 1 ? units[0].Id : null;
            int? year = int.TryParse(q["year"], out var y) && y is >= 1990 and <= 2100 ? y : null;
            var sb = new StringBuilder(Picker(units, unit, year));
            if (unit is null)
                return Page("项目绩效目标汇总表", sb.Append("<p>请选择实施单位。</p>").ToString(), user, Antiforgery.Field(http));
            var filter = new FormFilter(UnitId: unit, Kind: "target-declaration", Limit: 1000) { CurrentOnly = true };
            year ??= await dashboards.LatestYearAsync(await access.ScopeAsync(user, filter));
            if (year is null)
                return Page("项目绩效目标汇总表", sb.Append("<p>该单位还没有您可查看的申报表。</p>").ToString(), user, Antiforgery.Field(http));
            var rows = await projects.ListAsync(await access.ScopeAsync(user, filter with { Year = year }));
            var name = orgs.FirstOrDefault(o => o.Id == unit)?.Name ?? rows.FirstOrDefault()?.ImplementingUnit ?? "";
            sb.Append(RenderSummary(rows, unit.Value, year.Value));
            return Page(Jixiao.Formats.Export.OfficialLayout.SummaryTitle(new DeclarationSummary { UnitName = name, Year = year }), sb.ToString(), user, Antiforgery.Field(http));
        });
    }

    /// <summary>The chain of the form <paramref name="id"/>, without what the person may not view; null when they may not view that form.</summary>
    public static async Task<ProjectDocument?> ProjectAsync(CurrentUser user, string id, ProjectStore projects, FormAccess access)
    {
        if (!long.TryParse(id, out var n) || n <= 0) return null;
        var chain = await projects.ChainAsync(n);
        var units = (await access.UnitsAsync(user)).ToHashSet();
        bool Visible(ProjectForm f) => FormKinds.FromCode(f.Kind) is { } kind && FormStatuses.FromCode(f.Status) is { } status
            && Permissions.Decide(user.Role, FormAction.View, new FormFacts(kind, status, f.UnitId is { } u && units.Contains(u))).Allowed;
        if (!chain.Any(f => f.Id == n && Visible(f))) return null;

        // Revisions are counted along the whole chain (a hidden draft 调整 is always the last one, so counting it reveals nothing).
        var byId = chain.ToDictionary(f => f.Id);
        int? Revision(ProjectForm f)
        {
            if (f.Kind != "target-declaration") return null;
            int r = 0;
            for (var at = f; at.AdjustsId is { } up && byId.TryGetValue(up, out var parent) && r < 100; at = parent) r++;
            return r;
        }
        static bool Approved(string status) => status is "approved" or "published";
        string Standing(ProjectForm f) =>
            chain.Any(x => x.AdjustsId == f.Id && Approved(x.Status)) ? "superseded"
            : f.AdjustsId is not null && !Approved(f.Status) ? "pending" : "current";
        var prefix = user.IsPublic ? "/public/forms/" : "/forms/";
        ProjectStep Step(ProjectForm f) => new(f.Id, f.Kind, Revision(f), f.Status, f.Kind == "target-declaration" ? Standing(f) : null,
            Decimal(f.TotalScore), f.Grade, f.ErrorCount, f.WarningCount, Decimal(f.Budget), Decimal(f.Executed), Decimal(f.ExecutionRate),
            f.AdjustsId, f.DeclarationId, prefix + f.Id.ToString(CultureInfo.InvariantCulture));

        var visible = chain.Where(Visible).ToList();
        var declarations = visible.Where(f => f.Kind == "target-declaration").Select(Step).ToList();
        var evaluations = visible.Where(f => f.Kind == "self-evaluation").Select(Step).ToList();
        var lead = visible.LastOrDefault(f => f.Kind == "target-declaration" && Standing(f) == "current") ?? visible.First(f => f.Id == n);
        var summary = !user.IsPublic && lead.UnitId is { } unit && lead.Year is { } year
            ? $"/summaries?unit={unit}&year={year}" : null;
        return new ProjectDocument(lead.ProjectName, lead.Year, lead.Department, lead.ImplementingUnit, lead.UnitId, declarations, evaluations, summary);
    }

    static decimal? Decimal(string? text) => text is null ? null : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    static string RevisionName(ProjectStep s) => s.Revision is > 0 ? $"第 {s.Revision} 次调整" : "原申报表";

    static string StandingName(string? standing) => standing switch
    {
        "superseded" => "已被调整取代",
        "pending" => "调整中",
        "current" => "现行",
        _ => "",
    };

    static string Status(string code) => FormStatuses.FromCode(code)?.ToChinese() ?? code;

    const string Css = "<style>td.n, th.n { text-align: right; white-space: nowrap; } tr.standing-superseded td { color: #666; background: #f7f7f7; }</style>";

    static string RenderProject(ProjectDocument p)
    {
        var sb = new StringBuilder(Css);
        sb.Append($"<p>{p.Year}年度 · 主管部门：{E(p.Department)} · 实施单位：{E(p.ImplementingUnit)}")
          .Append(p.Summary is { } s ? $" · <a href=\"{E(s)}\">本单位{p.Year}年度项目绩效目标汇总表</a>" : "").Append("</p>");
        sb.Append("<table class=\"list project\"><thead><tr><th>表</th><th>编号</th><th>状态</th><th>地位</th><th>总分</th><th>等级</th><th>审核发现</th>")
          .Append("<th class=\"n\">资金（万元）</th><th class=\"n\">执行率</th></tr></thead><tbody>");
        var byId = p.Declarations.ToDictionary(d => d.Id);
        foreach (var d in p.Declarations)
            sb.Append($"<tr class=\"standing-{E(d.Standing)}\"><td><a href=\"{E(d.Link)}\">申报表 · {E(RevisionName(d))}</a>")
              .Append(d.AdjustsId is { } a ? $"<br><span class=\"note\">调整自第 {a} 号</span>" : "").Append("</td>")
              .Append(Cells(d, StandingName(d.Standing))).Append("</tr>");
        foreach (var e in p.SelfEvaluations)
        {
            var basis = e.DeclarationId is { } id ? byId.TryGetValue(id, out var basisStep) ? $"依据{RevisionName(basisStep)}（第 {id} 号）" : $"依据第 {id} 号申报表" : "导入的自评表";
            sb.Append($"<tr><td><a href=\"{E(e.Link)}\">自评表</a><br><span class=\"note\">{E(basis)}</span></td>").Append(Cells(e, "")).Append("</tr>");
        }
        sb.Append("</tbody></table>");
        if (p.SelfEvaluations.Count == 0) sb.Append("<p class=\"note\">还没有自评表。申报表审核通过后，单位可在申报表页面“建立自评表”。</p>");
        sb.Append("<p class=\"note\">资金：申报表为年度资金申请总额，自评表为全年预算数。“已被调整取代”：其后的调整已审核通过，汇总表和统计分析按现行的一版计；“调整中”：尚未审核通过。本人无权查看的表（如他人的草稿）不列出。</p>");
        return sb.ToString();
    }

    static string Cells(ProjectStep s, string standing)
    {
        var findings = s.ErrorCount is null ? "" : s.ErrorCount > 0 ? $"<span class=\"error\">错误 {s.ErrorCount}</span>" + (s.WarningCount > 0 ? $"，警告 {s.WarningCount}" : "")
            : s.WarningCount > 0 ? $"警告 {s.WarningCount}" : "无";
        return $"<td>{s.Id}</td><td class=\"status\">{E(Status(s.Status))}</td><td>{E(standing)}</td><td>{s.TotalScore:0.00}</td><td>{E(s.Grade)}</td><td>{findings}</td>"
               + $"<td class=\"n\">{WanYuan(s.BudgetYuan)}</td><td class=\"n\">{(s.ExecutionRate is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "")}</td>";
    }

    static string WanYuan(decimal? yuan) => yuan is { } y ? Math.Round(y / 10000m, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", CultureInfo.InvariantCulture) : "";

    static string Picker(IReadOnlyList<Organisation> units, long? unit, int? year)
    {
        var sb = new StringBuilder("<form method=\"get\" action=\"/summaries\" class=\"filters\">");
        if (units.Count > 1 || unit is null)
        {
            sb.Append("<select name=\"unit\" aria-label=\"实施单位\"><option value=\"\">选择实施单位</option>");
            foreach (var o in units) sb.Append($"<option value=\"{o.Id}\"{(o.Id == unit ? " selected" : "")}>{E(o.Name)}</option>");
            sb.Append("</select>");
        }
        else sb.Append($"<input type=\"hidden\" name=\"unit\" value=\"{unit}\">");
        sb.Append("<select name=\"year\" aria-label=\"年度\"><option value=\"\">最近的年度</option>");
        foreach (var y in Enumerable.Range(2020, 10).Reverse()) sb.Append($"<option value=\"{y}\"{(y == year ? " selected" : "")}>{y}年度</option>");
        return sb.Append("</select><button type=\"submit\">查看</button></form>").ToString();
    }

    static string RenderSummary(IReadOnlyList<ProjectForm> rows, long unit, int year)
    {
        var sb = new StringBuilder(Css);
        var api = $"/api/summaries?unit={unit}&year={year}";
        if (rows.Count == 0) return sb.Append($"<p>该单位 {year} 年度没有您可查看的申报表。</p>").ToString();
        sb.Append($"<p class=\"actions\">下载汇总表：<a class=\"button\" href=\"{E(api + "&format=xlsx")}\">Excel</a> <a class=\"button\" href=\"{E(api + "&format=pdf")}\">PDF</a> ")
          .Append($"<a class=\"button\" href=\"{E(api + "&format=html")}\">HTML</a> <a href=\"{E($"/forms?unit={unit}&year={year}&kind=target-declaration&current=true")}\">在列表中查看</a></p>");
        sb.Append("<table class=\"list summary\"><thead><tr><th>#</th><th>项目名称</th><th>版本</th><th>状态</th><th>审核发现</th><th class=\"n\">年度资金申请总额（万元）</th><th>项目全程</th></tr></thead><tbody>");
        decimal total = 0;
        int k = 0;
        foreach (var f in rows)
        {
            var budget = Decimal(f.Budget);
            total += budget ?? 0;
            var findings = f.ErrorCount is null ? "" : f.ErrorCount > 0 ? $"<span class=\"error\">错误 {f.ErrorCount}</span>" : f.WarningCount > 0 ? $"警告 {f.WarningCount}" : "无";
            sb.Append($"<tr><td>{++k}</td><td><a href=\"/forms/{f.Id}\">{E(f.ProjectName)}</a></td><td>{(f.AdjustsId is null ? "原申报表" : "调整后")}</td>")
              .Append($"<td class=\"status\">{E(Status(f.Status))}</td><td>{findings}</td><td class=\"n\">{WanYuan(budget)}</td><td><a href=\"/projects/{f.Id}\">查看</a></td></tr>");
        }
        sb.Append($"<tr><th></th><th>合计 {rows.Count} 个项目</th><th></th><th></th><th></th><th class=\"n\">{WanYuan(total)}</th><th></th></tr></tbody></table>");
        sb.Append("<p class=\"note\">每个项目列其现行的一版：已被审核通过的调整取代的版本、尚未审核通过的调整不列入；下载的汇总表与此相同。</p>");
        return sb.ToString();
    }
}
