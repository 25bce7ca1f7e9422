using System.Globalization;
using System.Text;
using Jixiao.Core.Access;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Analysis;

/// <summary>
/// 统计分析 for 主管部门, finance and the administrator: `/dashboard?year=&department=` (charts, each with its table and
/// links to the forms behind every number) and the same figures as JSON at `/api/dashboard`.
/// </summary>
public static class DashboardPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/dashboard", (HttpContext http, Dashboards dashboards) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            Dashboards.Require(user);
            var (year, department) = await dashboards.ParseAsync(user, http.Request.Query);
            var (assembled, _) = await dashboards.BuildWithOrganisationsAsync(user, year, department);
            // The same JSON as Api.Json writes, made once per kept dashboard.
            assembled.Json ??= System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(assembled.Dashboard, Jixiao.Core.Interchange.FormJson.Options);
            return Results.Bytes(assembled.Json, "application/json; charset=utf-8");
        })).WithName("Dashboard")
            .WithSummary("统计分析：year（默认为范围内最近的年度）、department（主管部门编号，可选）；评分等级、执行率分布、申报资金与执行、平均总分、常见审核发现、逾期，每个张数附列表地址 link")
            .Produces<DashboardDocument>().Produces<ApiError>(403);

        app.MapGet("/dashboard", async (HttpContext http, Dashboards dashboards) =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString("/dashboard" + http.Request.QueryString));
            try
            {
                Dashboards.Require(user);
                var (year, department) = await dashboards.ParseAsync(user, http.Request.Query);
                var (assembled, orgs) = await dashboards.BuildWithOrganisationsAsync(user, year, department);
                // Finance and the administrator reach every 主管部门 (Reach.AllUnits): they may narrow to one. (The page body
                // is kept with the dashboard: a kept dashboard is someone of the same scope, hence the same role's choices.)
                assembled.Body ??= Render(assembled.Dashboard,
                    user.Role is Role.FinanceReviewer or Role.Admin ? orgs.Where(o => o.Kind == "department").ToList() : []);
                return Page("统计分析", assembled.Body, user, Antiforgery.Field(http));
            }
            catch (ApiRefusal r)
            {
                http.Response.StatusCode = r.Status;
                return Page("统计分析", $"<p class=\"error\">{E(r.Error.Error)}</p>", user, Antiforgery.Field(http));
            }
        });
    }

    const string Css = """
        .dash-note { color: #555; font-size: 13px; }
        .panel { margin: 1.4rem 0; }
        .panel h2 { font-size: 17px; border-bottom: 2px solid #8b1a1a; padding-bottom: .2rem; }
        .pair { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
        .pair > div > table { width: auto; min-width: 18rem; }
        .dash-cards .card { min-width: 8.6rem; padding: .6rem .9rem; }
        .pair svg.chart { max-width: 100%; height: auto; }
        td.n, th.n { text-align: right; white-space: nowrap; }
        svg.chart a.bar:hover rect { opacity: .75; }
        .cards .card .label { font-size: 13px; }
        table.compact td, table.compact th { padding: .2rem .4rem; }
        """;

    static string Render(DashboardDocument d, IReadOnlyList<Organisation> departments)
    {
        var sb = new StringBuilder($"<style>{Css}</style>");
        // The year and, for finance, a 主管部门.
        sb.Append("<form method=\"get\" action=\"/dashboard\" class=\"filters\">");
        sb.Append("<select name=\"year\" aria-label=\"年度\">");
        foreach (var y in Enumerable.Range(2020, 10).Append(d.Year).Distinct().OrderDescending())
            sb.Append($"<option value=\"{y}\"{(y == d.Year ? " selected" : "")}>{y}年度</option>");
        sb.Append("</select>");
        if (departments.Count > 0)
        {
            sb.Append("<select name=\"department\" aria-label=\"主管部门\"><option value=\"\">全部主管部门</option>");
            foreach (var o in departments)
                sb.Append($"<option value=\"{o.Id}\"{(o.Id == d.Department ? " selected" : "")}>{E(o.Name)}</option>");
            sb.Append("</select>");
        }
        sb.Append("<button type=\"submit\">查看</button></form>");
        var asOf = d.AsOf.ToOffset(Today.ChinaOffset);
        sb.Append($"<p class=\"dash-note\">{d.Year}年度 · {E(d.DepartmentName ?? d.Scope)} · <span id=\"as-of\">数据截至 {asOf:HH:mm:ss}</span>。")
          .Append("表的修改（包括用命令行导入的表）在下次查看时计入。")
          .Append("申报表按各项目现行的一版计（已被审核通过的调整取代的、尚未审核通过的调整不计）。点击数字或图中的条形可查看对应的绩效表。</p>");

        // The headline numbers.
        sb.Append("<div class=\"cards dash-cards\">");
        Card(sb, d.SelfEvaluations.Count.ToString("#,0", CultureInfo.InvariantCulture), "自评表（张）", d.SelfEvaluations.Link);
        Card(sb, d.Declarations.Count.ToString("#,0", CultureInfo.InvariantCulture), "申报表（张）", d.Declarations.Link);
        Card(sb, WanYuan(d.DeclaredYuan), "申报资金（万元）", null);
        Card(sb, d.ExecutionRate is { } r ? Fixed(r) + "%" : "—", "总执行率", null);
        Card(sb, d.WithErrors.Count.ToString("#,0", CultureInfo.InvariantCulture), "有错误的表（张）", d.WithErrors.Link, d.WithErrors.Count > 0);
        Card(sb, (d.OverdueTotal.Count + d.OverdueDraftsNotListed).ToString("#,0", CultureInfo.InvariantCulture), "逾期未提交（张）",
            d.OverdueDraftsNotListed == 0 ? d.OverdueTotal.Link : null, d.OverdueTotal.Count + d.OverdueDraftsNotListed > 0);
        sb.Append("</div>");

        var total = d.Grades.Sum(g => g.Count);
        Panel(sb, "grades", "评分等级分布（自评表）",
            Charts.Columns(d.Grades.Select((g, i) => new Bar(g.Label, g.Count, N(g.Count), g.Count > 0 ? g.Link : null, GradeColours[i])).ToList(), "评分等级分布"),
            CountTable("等级", d.Grades, total) + (d.Ungraded > 0 ? $"<p class=\"dash-note\">另有 {d.Ungraded} 张未定等级。</p>" : ""));

        var rated = d.ExecutionRates.Sum(g => g.Count);
        Panel(sb, "rates", "执行率分布（自评表）",
            Charts.Columns(d.ExecutionRates.Select((g, i) => new Bar(g.Label, g.Count, N(g.Count), g.Count > 0 ? g.Link : null, RateColours[i])).ToList(), "执行率分布"),
            CountTable("执行率", d.ExecutionRates, rated) + (d.WithoutRate > 0 ? $"<p class=\"dash-note\">另有 {d.WithoutRate} 张没有执行率。</p>" : "")
            + "<p class=\"dash-note\">执行率 = 全年执行数 ÷ 全年预算数 × 100；区间含下限、不含上限。</p>");

        // Money by 主管部门: the chart shows the largest; the table lists all.
        var charted = d.Departments.Take(15).ToList();
        var money = new StringBuilder("<table class=\"compact\"><caption class=\"dash-note\">金额单位：万元</caption><thead><tr><th>主管部门</th><th class=\"n\">申报表</th><th class=\"n\">申报资金</th><th class=\"n\">自评表</th>")
            .Append("<th class=\"n\">全年预算数</th><th class=\"n\">全年执行数</th><th class=\"n\">执行率</th></tr></thead><tbody>");
        foreach (var x in d.Departments)
            money.Append($"<tr><td>{E(x.Name)}</td><td class=\"n\">{Num(x.Declarations)}</td><td class=\"n\">{WanYuan(x.DeclaredYuan)}</td><td class=\"n\">{Num(x.SelfEvaluations)}</td>")
                 .Append($"<td class=\"n\">{WanYuan(x.BudgetYuan)}</td><td class=\"n\">{WanYuan(x.ExecutedYuan)}</td><td class=\"n\">{(x.ExecutionRate is { } xr ? Fixed(xr) + "%" : "—")}</td></tr>");
        money.Append($"<tr><th>合计</th><th class=\"n\">{Num(d.Declarations)}</th><th class=\"n\">{WanYuan(d.DeclaredYuan)}</th><th class=\"n\">{Num(d.SelfEvaluations)}</th>")
             .Append($"<th class=\"n\">{WanYuan(d.BudgetYuan)}</th><th class=\"n\">{WanYuan(d.ExecutedYuan)}</th><th class=\"n\">{(d.ExecutionRate is { } tr ? Fixed(tr) + "%" : "—")}</th></tr></tbody></table>");
        Panel(sb, "funds", "申报资金与执行（按主管部门，万元）",
            Charts.PairedBars(charted.Select(x => (x.Name,
                new Bar($"{x.Name} 申报资金", x.DeclaredYuan, WanYuan(x.DeclaredYuan), x.Declarations.Count > 0 ? x.Declarations.Link : null, "#9db8dc"),
                new Bar($"{x.Name} 全年执行数", x.ExecutedYuan, WanYuan(x.ExecutedYuan), x.SelfEvaluations.Count > 0 ? x.SelfEvaluations.Link : null, "#1f5fa8"))).ToList(),
                "申报资金", "全年执行数", "申报资金与执行")
            + (d.Departments.Count > charted.Count ? $"<p class=\"dash-note\">图中为申报资金最多的 {charted.Count} 个主管部门，表中为全部 {d.Departments.Count} 个。</p>" : ""),
            money.ToString());

        // Scores by 主管部门.
        var scoredDepartments = d.Departments.Where(x => x.AverageScore is not null).OrderByDescending(x => x.AverageScore).ToList();
        var scores = new StringBuilder("<table class=\"compact\"><thead><tr><th>主管部门</th><th class=\"n\">自评表</th><th class=\"n\">平均总分</th><th class=\"n\">有错误的表</th></tr></thead><tbody>");
        foreach (var x in d.Departments.OrderByDescending(x => x.AverageScore ?? -1))
            scores.Append($"<tr><td>{E(x.Name)}</td><td class=\"n\">{Num(x.SelfEvaluations)}</td><td class=\"n\">{(x.AverageScore is { } a ? Fixed(a) : "—")}</td><td class=\"n\">{Num(x.WithErrors)}</td></tr>");
        scores.Append("</tbody></table><p class=\"dash-note\">平均总分按有总分的自评表计算。</p>");
        Panel(sb, "department-scores", "平均总分（按主管部门）",
            Charts.HorizontalBars(scoredDepartments.Take(15).Select(x => new Bar(x.Name, x.AverageScore!.Value, Fixed(x.AverageScore.Value),
                x.SelfEvaluations.Count > 0 ? x.SelfEvaluations.Link : null, "#2e7d32")).ToList(), "平均总分（按主管部门）"),
            scores.ToString());

        // Scores by unit: the highest and the lowest.
        var unitBars = d.TopUnits.Select(u => new Bar(u.Name, u.AverageScore, Fixed(u.AverageScore), u.SelfEvaluations.Link, "#2e7d32"))
            .Concat(d.BottomUnits.Select(u => new Bar(u.Name, u.AverageScore, Fixed(u.AverageScore), u.SelfEvaluations.Link, "#c77d00"))).ToList();
        Panel(sb, "unit-scores", "平均总分（按实施单位）", Charts.HorizontalBars(unitBars, "平均总分（按实施单位）"),
            UnitTable("最高", d.TopUnits) + (d.BottomUnits.Count > 0 ? UnitTable("最低", d.BottomUnits) : ""));

        // Findings.
        var findings = new StringBuilder("<table class=\"compact\"><thead><tr><th>审核规则</th><th>级别</th><th class=\"n\">涉及表数</th></tr></thead><tbody>");
        foreach (var f in d.Findings)
            findings.Append($"<tr><td>{E(f.Title)}<br><code class=\"dash-note\">{E(f.Code)}</code></td><td class=\"{E(f.Severity)}\">{(f.Severity == "error" ? "错误" : "警告")}</td><td class=\"n\">{Num(f.Forms)}</td></tr>");
        findings.Append(d.Findings.Count == 0 ? "<tr><td colspan=\"3\">没有审核发现。</td></tr>" : "").Append("</tbody></table>");
        Panel(sb, "findings", "最常见的审核发现",
            Charts.HorizontalBars(d.Findings.Select(f => new Bar(f.Title, f.Forms.Count, N(f.Forms.Count), f.Forms.Link, f.Severity == "error" ? "#c0392b" : "#d68910")).ToList(), "最常见的审核发现"),
            findings.ToString());

        // Overdue.
        var overdue = new StringBuilder("<table class=\"compact\"><thead><tr><th>主管部门</th><th class=\"n\">申报表</th><th class=\"n\">自评表</th><th class=\"n\">其中草稿（不列出）</th></tr></thead><tbody>");
        foreach (var o in d.Overdue)
            overdue.Append($"<tr><td>{E(o.Name)}</td><td class=\"n\">{Num(o.Declarations)}</td><td class=\"n\">{Num(o.SelfEvaluations)}</td><td class=\"n\">{N(o.DraftsNotListed)}</td></tr>");
        overdue.Append(d.Overdue.Count == 0 ? "<tr><td colspan=\"4\">没有逾期未提交的表。</td></tr>" : "").Append("</tbody></table>");
        var windows = d.Windows.Count == 0 ? "<p class=\"dash-note\">财政部门尚未安排本年度的填报时间，无从判断逾期。</p>"
            : "<ul class=\"dash-note\">" + string.Concat(d.Windows.Select(w => $"<li>{E(w.Description)}</li>")) + "</ul>";
        Panel(sb, "overdue", "逾期未提交（填报时间已过，仍为草稿或已退回）",
            Charts.HorizontalBars(d.Overdue.Take(15).Select(o => new Bar(o.Name, o.Declarations.Count + o.SelfEvaluations.Count + o.DraftsNotListed,
                N(o.Declarations.Count + o.SelfEvaluations.Count + o.DraftsNotListed), null, "#a00")).ToList(), "逾期未提交"),
            overdue + (d.OverdueDraftsNotListed > 0 ? "<p class=\"dash-note\">审核人员不查看单位的草稿：逾期的草稿只计张数。</p>" : "") + windows);
        return sb.ToString();
    }

    static readonly string[] GradeColours = ["#2e7d32", "#7cb342", "#f9a825", "#c62828"];
    static readonly string[] RateColours = ["#c62828", "#ef6c00", "#f9a825", "#7cb342", "#2e7d32"];

    static void Panel(StringBuilder sb, string id, string title, string chart, string table) =>
        sb.Append($"<section class=\"panel\" id=\"{id}\"><h2>{E(title)}</h2><div class=\"pair\"><div>{chart}</div><div>{table}</div></div></section>");

    static void Card(StringBuilder sb, string value, string label, string? link, bool urgent = false)
    {
        var inner = $"<span class=\"count\">{E(value)}</span><span class=\"label\">{E(label)}</span>";
        sb.Append(link is not null ? $"<a class=\"card{(urgent ? " urgent" : "")}\" href=\"{E(link)}\">{inner}</a>" : $"<div class=\"card{(urgent ? " urgent" : "")}\">{inner}</div>");
    }

    static string CountTable(string heading, IReadOnlyList<DashboardCount> counts, int total)
    {
        var sb = new StringBuilder($"<table class=\"compact\"><thead><tr><th>{E(heading)}</th><th class=\"n\">张数</th><th class=\"n\">占比</th></tr></thead><tbody>");
        foreach (var c in counts)
            sb.Append($"<tr><td>{E(c.Label)}</td><td class=\"n\">{Num(c)}</td><td class=\"n\">{(total == 0 ? "—" : (100m * c.Count / total).ToString("0.0", CultureInfo.InvariantCulture) + "%")}</td></tr>");
        return sb.Append($"<tr><th>合计</th><th class=\"n\">{N(total)}</th><th></th></tr></tbody></table>").ToString();
    }

    static string UnitTable(string which, IReadOnlyList<UnitScore> units)
    {
        var sb = new StringBuilder($"<table class=\"compact\"><caption>平均总分{which}的实施单位</caption><thead><tr><th>实施单位</th><th>主管部门</th><th class=\"n\">自评表</th><th class=\"n\">平均总分</th></tr></thead><tbody>");
        foreach (var u in units)
            sb.Append($"<tr><td>{E(u.Name)}</td><td>{E(u.Department)}</td><td class=\"n\">{Num(u.SelfEvaluations)}</td><td class=\"n\">{Fixed(u.AverageScore)}</td></tr>");
        if (units.Count == 0) sb.Append("<tr><td colspan=\"4\">还没有有总分的自评表。</td></tr>");
        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>A count that opens the list of its forms (a zero opens nothing).</summary>
    static string Num(DashboardCount c) => c.Link is { } link && c.Count > 0 ? $"<a href=\"{E(link)}\">{N(c.Count)}</a>" : N(c.Count);

    static string N(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    static string Fixed(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>元 shown in 万元, two places (the API keeps the exact 元).</summary>
    static string WanYuan(decimal yuan) => Math.Round(yuan / 10000m, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", CultureInfo.InvariantCulture);
}
