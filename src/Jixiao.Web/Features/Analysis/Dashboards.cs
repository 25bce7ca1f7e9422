using System.ComponentModel;
using System.Globalization;
using Jixiao.Core.Access;
using Jixiao.Core.Review;
using Jixiao.Core.Workflow;
using Jixiao.Storage;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;
using Jixiao.Web.Features.Work;

namespace Jixiao.Web.Features.Analysis;

[Description("一个张数及列出这些表的列表地址")]
public sealed record DashboardCount(
    [property: Description("名称")] string Label,
    [property: Description("张数")] int Count,
    [property: Description("列出这些表的地址（/forms?…）；无法列出时为空")] string? Link);

[Description("一个主管部门的数字")]
public sealed record DepartmentFigures(
    [property: Description("主管部门编号（不在机构树中的单位为空）")] long? Id,
    [property: Description("主管部门")] string Name,
    [property: Description("申报表（各项目现行的一版）")] DashboardCount Declarations,
    [property: Description("申报资金：申报表年度资金申请总额之和（元）")] decimal DeclaredYuan,
    [property: Description("自评表")] DashboardCount SelfEvaluations,
    [property: Description("自评表全年预算数之和（元）")] decimal BudgetYuan,
    [property: Description("自评表全年执行数之和（元）")] decimal ExecutedYuan,
    [property: Description("执行率：全年执行数之和 ÷ 全年预算数之和 × 100（%）")] decimal? ExecutionRate,
    [property: Description("有总分的自评表张数")] int Scored,
    [property: Description("平均总分（有总分的自评表）")] decimal? AverageScore,
    [property: Description("有错误的表")] DashboardCount WithErrors);

[Description("一个实施单位的平均总分")]
public sealed record UnitScore(
    [property: Description("单位编号")] long? Id,
    [property: Description("实施单位")] string Name,
    [property: Description("主管部门")] string? Department,
    [property: Description("自评表")] DashboardCount SelfEvaluations,
    [property: Description("有总分的自评表张数")] int Scored,
    [property: Description("平均总分")] decimal AverageScore);

[Description("一条审核规则的发现")]
public sealed record FindingCount(
    [property: Description("规则编码")] string Code,
    [property: Description("规则")] string Title,
    [property: Description("级别：error 错误、warning 警告")] string Severity,
    [property: Description("有此发现的表")] DashboardCount Forms);

[Description("一个主管部门逾期未提交的表")]
public sealed record OverdueFigures(
    [property: Description("主管部门编号")] long? Id,
    [property: Description("主管部门")] string Name,
    [property: Description("申报表（可查看的）")] DashboardCount Declarations,
    [property: Description("自评表（可查看的）")] DashboardCount SelfEvaluations,
    [property: Description("其中逾期的草稿：审核人员不查看草稿，只计张数")] int DraftsNotListed);

[Description("统计分析：某年度、本人范围内的绩效表；每个张数附列出这些表的地址")]
public sealed record DashboardDocument(
    [property: Description("年度")] int Year,
    [property: Description("选定的主管部门编号")] long? Department,
    [property: Description("选定的主管部门")] string? DepartmentName,
    [property: Description("统计范围")] string Scope,
    [property: Description("数据截至（读取数据库的时间）")] DateTimeOffset AsOf,
    [property: Description("自评表")] DashboardCount SelfEvaluations,
    [property: Description("申报表（各项目现行的一版）")] DashboardCount Declarations,
    [property: Description("有错误的表")] DashboardCount WithErrors,
    [property: Description("申报资金合计（元）")] decimal DeclaredYuan,
    [property: Description("自评表全年预算数合计（元）")] decimal BudgetYuan,
    [property: Description("自评表全年执行数合计（元）")] decimal ExecutedYuan,
    [property: Description("总执行率（%）")] decimal? ExecutionRate,
    [property: Description("评分等级分布（自评表：优、良、中、差）")] IReadOnlyList<DashboardCount> Grades,
    [property: Description("未定等级的自评表")] int Ungraded,
    [property: Description("执行率分布（自评表）：低于 60%、60%–80%、80%–90%、90%–100%、100% 及以上")] IReadOnlyList<DashboardCount> ExecutionRates,
    [property: Description("没有执行率的自评表")] int WithoutRate,
    [property: Description("各主管部门：申报资金与执行、平均总分")] IReadOnlyList<DepartmentFigures> Departments,
    [property: Description("平均总分最高的实施单位（至多 10 个）")] IReadOnlyList<UnitScore> TopUnits,
    [property: Description("平均总分最低的实施单位（至多 10 个，不与最高的重复）")] IReadOnlyList<UnitScore> BottomUnits,
    [property: Description("最常见的审核发现（至多 10 条）")] IReadOnlyList<FindingCount> Findings,
    [property: Description("逾期未提交（按主管部门）")] IReadOnlyList<OverdueFigures> Overdue,
    [property: Description("逾期未提交合计（可查看的）")] DashboardCount OverdueTotal,
    [property: Description("逾期的草稿合计（不列出）")] int OverdueDraftsNotListed,
    [property: Description("本年度的填报时间")] IReadOnlyList<WindowDocument> Windows);

/// <summary>
/// The dashboards (统计分析) of a 主管部门, finance or the administrator: every figure over the person's scope
/// (<see cref="FormAccess.ScopeAsync"/>), a year and optionally a 主管部门, aggregated in SQL (<see cref="DashboardStore"/>)
/// and kept a short while (<see cref="DashboardCache"/>). Each count carries the list address that shows exactly the
/// forms counted: the same filter, written as the list's query.
/// </summary>
public sealed class Dashboards(FormStore forms, DashboardStore store, WindowStore windows, FormAccess access,
    OrganisationStore organisations, DashboardCache cache, TimeProvider clock)
{
    public const int ListedUnits = 10;
    public const int ListedFindings = 10;
    const string Self = "self-evaluation", Declaration = "target-declaration";

    static readonly IReadOnlyDictionary<string, Check> ChecksByCode = Checks.All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    /// <summary>Refuses whoever may not see dashboards: 401 for the public, 403 (the table's reason) for a unit.</summary>
    public static void Require(CurrentUser user)
    {
        if (user.IsPublic) throw Api.Fail(401, "请先登录");
        var d = Permissions.Decide(user.Role, FormAction.Analyse, null);
        if (!d.Allowed) throw Api.Fail(403, d.Refusal ?? "无权查看统计分析");
    }

    /// <summary>`year` (default: the latest year in the person's scope) and `department` (a 主管部门's id), checked.</summary>
    public async Task<(int Year, long? Department)> ParseAsync(CurrentUser user, IQueryCollection q)
    {
        long? department = null;
        if (q["department"].FirstOrDefault() is { Length: > 0 } d)
        {
            var orgs = await organisations.AllAsync();
            if (!long.TryParse(d, out var id) || !orgs.Any(o => o.Id == id && o.Kind == "department"))
                throw Api.Fail(400, $"主管部门编号“{d}”无效", "department");
            department = id;
        }
        if (q["year"].FirstOrDefault() is { Length: > 0 } y)
        {
            if (!int.TryParse(y, out var year) || year is < 1990 or > 2100) throw Api.Fail(400, $"年度“{y}”不是有效年份（1990–2100）", "year");
            return (year, department);
        }
        var scope = await access.ScopeAsync(user, new FormFilter());
        return (await store.LatestYearAsync(scope) ?? Today.In(clock).Year, department);
    }

    public async Task<DashboardDocument> BuildAsync(CurrentUser user, int year, long? department) =>
        (await BuildWithOrganisationsAsync(user, year, department)).Assembled.Dashboard;

    /// <summary>
    /// A dashboard added up from one reading, with its JSON and page body once made: requests that find the reading
    /// kept (and the same organisation tree) reuse all three, so that a kept dashboard costs its session check and one
    /// read of the tree.
    /// </summary>
    public sealed class Assembled(int tree, DashboardDocument dashboard)
    {
        public int Tree => tree;
        public DashboardDocument Dashboard => dashboard;
        public byte[]? Json { get; set; }
        public string? Body { get; set; }
    }

    readonly System.Runtime.CompilerServices.ConditionalWeakTable<DashboardReading, Assembled> _assembled = new();

    /// <summary>The dashboard and the organisation tree it was drawn with (the page lists the 主管部门 from it).</summary>
    public async Task<(Assembled Assembled, IReadOnlyList<Organisation> Organisations)> BuildWithOrganisationsAsync(CurrentUser user, int year, long? department)
    {
        var today = Today.In(clock);
        var orgs = await organisations.AllAsync();
        var requested = new FormFilter(Year: year)
        {
            Today = today,
            WithinUnits = department is { } dep ? orgs.Where(o => o.Kind == "unit" && o.ParentId == dep).Select(o => o.Id).ToList() : null,
        };
        var scope = await access.ScopeAsync(user, requested with { CurrentOnly = true });
        // Overdue work is looked at whole (a draft 调整 that is late is late), drafts included: see FiguresAsync.
        var overdueScope = (await access.ScopeAsync(user, requested)) with { ExcludeDrafts = false };
        static string Ids(IReadOnlyCollection<long>? ids) => ids is null ? "*" : string.Join(",", ids.Order());
        var key = $"{Ids(scope.UnitIds)}|{department}:{Ids(scope.WithinUnits)}|{scope.ExcludeDrafts}|{year}|{today:yyyy-MM-dd}";
        // What a request that finds the figures kept still reads: its session and the organisation tree (names and
        // 主管部门 may change without a form changing).
        var (reading, asOf) = await cache.GetAsync(key, await forms.DataVersionAsync(), async () =>
            new DashboardReading(await store.FiguresAsync(scope, overdueScope), (await windows.AllAsync()).Where(w => w.Year == year).ToList()));
        var tree = orgs.Aggregate(orgs.Count, (h, o) => HashCode.Combine(h, o.Id, o.Name, o.Kind, o.ParentId));
        if (_assembled.TryGetValue(reading, out var kept) && kept.Tree == tree) return (kept, orgs);
        var yearWindows = reading.Windows.Select(w => WindowDocument.Of(w, today)).ToList();
        var made = new Assembled(tree, Assemble(reading.Figures, asOf, year, department, orgs, scope, yearWindows));
        _assembled.AddOrUpdate(reading, made);
        return (made, orgs);
    }

    /// <summary>The figures of units added up into the dashboard, each count with its list address.</summary>
    static DashboardDocument Assemble(DashboardFigures figures, DateTimeOffset asOf, int year, long? department,
        IReadOnlyList<Organisation> orgs, FormFilter scope, IReadOnlyList<WindowDocument> yearWindows)
    {
        var byId = orgs.ToDictionary(o => o.Id);
        (long? Id, string Name) DepartmentOf(long? unit) =>
            unit is { } u && byId.TryGetValue(u, out var o) && o.ParentId is { } p && byId.TryGetValue(p, out var d) && d.Kind == "department"
                ? (d.Id, d.Name) : (null, "（未归入机构树的单位）");
        string UnitName(long? unit) => unit is { } u && byId.TryGetValue(u, out var o) ? o.Name : "（未归入机构树的单位）";

        // The list's query for these forms: the year, the 主管部门 (the chosen one unless the figure is another's), the rest.
        string Link(long? dept, params (string Key, string? Value)[] more)
        {
            var parts = new List<(string, string?)> { ("year", year.ToString(CultureInfo.InvariantCulture)) };
            if ((dept ?? department) is { } d) parts.Add(("department", d.ToString(CultureInfo.InvariantCulture)));
            parts.AddRange(more);
            return "/forms?" + string.Join("&", parts.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        }
        DashboardCount Count(string label, int n, string? link) => new(label, n, link);
        const string Current = "true";

        var selfs = figures.Units.Where(u => u.Kind == Self).ToList();
        var declarations = figures.Units.Where(u => u.Kind == Declaration).ToList();
        var grades = DashboardStore.GradeNames.Select((g, i) =>
            Count(g, selfs.Sum(u => u.Grades[i]), Link(null, ("kind", Self), ("grade", g)))).ToList();
        var rates = ExecutionRateBand.All.Select((b, i) =>
            Count(b.Label, selfs.Sum(u => u.RateBands[i]), Link(null, ("kind", Self), ("rate", b.Code)))).ToList();

        var departments = figures.Units.GroupBy(u => DepartmentOf(u.UnitId)).Select(g =>
        {
            var (id, name) = g.Key;
            var s = g.Where(u => u.Kind == Self).ToList();
            var d = g.Where(u => u.Kind == Declaration).ToList();
            string? L(params (string, string?)[] more) => id is null ? null : Link(id, more);
            var (budget, executed, scored) = (s.Sum(u => u.Budget), s.Sum(u => u.Executed), s.Sum(u => u.Scored));
            return new DepartmentFigures(id, name,
                Count("申报表", d.Sum(u => u.Forms), L(("kind", Declaration), ("current", Current))), d.Sum(u => u.Budget),
                Count("自评表", s.Sum(u => u.Forms), L(("kind", Self))), budget, executed, Rate(executed, budget),
                scored, Average(s.Sum(u => u.ScoreSum), scored),
                Count("有错误的表", g.Sum(u => u.WithErrors), L(("errors", "true"), ("current", Current))));
        }).OrderByDescending(d => d.DeclaredYuan).ThenByDescending(d => d.BudgetYuan).ThenBy(d => d.Name, StringComparer.Ordinal).ToList();

        var units = selfs.Where(u => u.Scored > 0).GroupBy(u => u.UnitId).Select(g =>
        {
            var scored = g.Sum(u => u.Scored);
            var link = g.Key is { } unit ? Link(DepartmentOf(unit).Id, ("kind", Self), ("unit", unit.ToString(CultureInfo.InvariantCulture))) : null;
            return new UnitScore(g.Key, UnitName(g.Key), DepartmentOf(g.Key).Id is null ? null : DepartmentOf(g.Key).Name,
                Count("自评表", g.Sum(u => u.Forms), link), scored, Average(g.Sum(u => u.ScoreSum), scored)!.Value);
        }).ToList();
        var top = units.OrderByDescending(u => u.AverageScore).ThenBy(u => u.Name, StringComparer.Ordinal).Take(ListedUnits).ToList();
        var bottom = units.Except(top).OrderBy(u => u.AverageScore).ThenBy(u => u.Name, StringComparer.Ordinal).Take(ListedUnits).ToList();

        var findings = figures.FindingForms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(ListedFindings)
            .Select(f => ChecksByCode.TryGetValue(f.Key, out var check)
                ? new FindingCount(f.Key, check.Title, check.Severity.ToCode(), Count(check.Title, f.Value, Link(null, ("finding", f.Key), ("current", Current))))
                : new FindingCount(f.Key, f.Key, "warning", Count(f.Key, f.Value, Link(null, ("finding", f.Key), ("current", Current)))))
            .ToList();

        // A reviewer's scope leaves drafts out: their overdue drafts are counted, not listed.
        bool Listed(OverdueCount o) => !(scope.ExcludeDrafts && o.Status == "draft");
        var overdue = figures.Overdue.GroupBy(o => DepartmentOf(o.UnitId)).Select(g =>
        {
            var (id, name) = g.Key;
            int N(string kind) => g.Where(o => o.Kind == kind && Listed(o)).Sum(o => o.Forms);
            string? L(string kind) => id is null ? null : Link(id, ("kind", kind), ("overdue", "true"));
            return new OverdueFigures(id, name, Count("申报表", N(Declaration), L(Declaration)), Count("自评表", N(Self), L(Self)),
                g.Where(o => !Listed(o)).Sum(o => o.Forms));
        }).Where(o => o.Declarations.Count + o.SelfEvaluations.Count + o.DraftsNotListed > 0)
            .OrderByDescending(o => o.Declarations.Count + o.SelfEvaluations.Count + o.DraftsNotListed).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();

        var (totalBudget, totalExecuted) = (selfs.Sum(u => u.Budget), selfs.Sum(u => u.Executed));
        return new DashboardDocument(year, department, department is { } dd && byId.TryGetValue(dd, out var chosen) ? chosen.Name : null,
            ScopeText(scope), asOf,
            Count("自评表", selfs.Sum(u => u.Forms), Link(null, ("kind", Self))),
            Count("申报表", declarations.Sum(u => u.Forms), Link(null, ("kind", Declaration), ("current", Current))),
            Count("有错误的表", figures.Units.Sum(u => u.WithErrors), Link(null, ("errors", "true"), ("current", Current))),
            declarations.Sum(u => u.Budget), totalBudget, totalExecuted, Rate(totalExecuted, totalBudget),
            grades, selfs.Sum(u => u.Ungraded), rates, selfs.Sum(u => u.NoRate), departments, top, bottom, findings, overdue,
            Count("逾期未提交", figures.Overdue.Where(Listed).Sum(o => o.Forms), Link(null, ("overdue", "true"))),
            figures.Overdue.Where(o => !Listed(o)).Sum(o => o.Forms),
            yearWindows);
    }

    static string ScopeText(FormFilter scope) => scope.UnitIds is { } units
        ? $"所属 {units.Count} 个实施单位{(scope.ExcludeDrafts ? "（草稿除外）" : "")}"
        : scope.ExcludeDrafts ? "全部实施单位（草稿除外）" : "全部实施单位（含草稿）";

    static decimal? Rate(decimal executed, decimal budget) => budget > 0 ? Math.Round(executed / budget * 100m, 2, MidpointRounding.AwayFromZero) : null;

    static decimal? Average(decimal sum, int count) => count > 0 ? Math.Round(sum / count, 2, MidpointRounding.AwayFromZero) : null;
}
