using System.ComponentModel;
using System.Text;
using Jixiao.Core.Access;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using Jixiao.Formats.Profiles;
using Jixiao.Formats.Reports;
using Jixiao.Formats.Xlsx;
using Jixiao.Storage;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Forms;

[Description("批量流程操作：对选中的表逐一执行")]
public sealed record BulkTransitionRequest
{
    [Description("操作：approve 审核通过、publish 公开")] public required string Action { get; init; }
    [Description("选中的表及各自所依据的版本")] public required IReadOnlyList<FormVersion> Forms { get; init; }
}

[Description("一张表及其版本")]
public sealed record FormVersion([property: Description("编号")] long Id, [property: Description("版本")] int Version);

[Description("批量操作的结果")]
public sealed record BulkTransitionResponse(
    [property: Description("已完成的表")] IReadOnlyList<TransitionResponse> Done,
    [property: Description("未执行的表及原因")] IReadOnlyList<BulkRefusal> Refused);

[Description("未执行的表及原因")]
public sealed record BulkRefusal(
    [property: Description("编号")] long Id,
    [property: Description("原因")] string Error,
    [property: Description("阻止操作的审核发现")] IReadOnlyList<FindingDocument>? Findings);

/// <summary>
/// The lists people work from: search, filters, sort and pages over the person's scope, the same in the page
/// (`/forms`), the API (`GET /api/forms`, the total in `X-Total-Count`) and the workbook export; and the reviewers'
/// bulk approval or publication of a selection (forms with error findings are left out, each with its reason).
/// </summary>
public static class ListEndpoints
{
    public const int PageSize = 50;
    public const int MaxExportRows = 10_000;
    static readonly FormAction[] BulkActions = [FormAction.Approve, FormAction.Publish];

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/forms", (HttpContext http, FormStore store, FormAccess access, OrganisationStore organisations, TimeProvider clock) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            var filter = await access.ScopeAsync(user, await ParseAsync(http.Request.Query, organisations, clock, 200));
            var page = await store.PageAsync(filter);
            http.Response.Headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Api.Json(page.Forms.Select(FormSummaryDocument.Of).ToList());
        })).WithName("ListForms")
            .WithSummary("绩效表列表：q 搜索（项目、单位、主管部门），year、kind、status（可逗号分隔多个）、department、unit、grade、errors=true|false、overdue=true、rate=60-80（执行率区间，含下限不含上限）、finding=审核规则编码、current=true（各项目现行的一版）筛选，sort=newest|updated|score|-score|name 排序，limit、offset 分页；总数在响应头 X-Total-Count")
            .Produces<List<FormSummaryDocument>>();

        app.MapGet("/api/forms/export", (HttpContext http, FormStore store, FormAccess access, OrganisationStore organisations, TimeProvider clock) => Api.Run(async () =>
        {
            if (http.Request.Query["format"].ToString() is not ("xlsx" or "")) return Api.Error(400, "format 应为 xlsx", "format");
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Api.Error(401, "请先登录");
            var filter = await access.ScopeAsync(user, await ParseAsync(http.Request.Query, organisations, clock, MaxExportRows) with { Offset = 0, Limit = MaxExportRows });
            var page = await store.PageAsync(filter);
            var rows = page.Forms.Select(f => (IReadOnlyList<XlsxCell>)
            [
                XlsxCell.Count((int)f.Id), XlsxCell.Text(f.Year?.ToString()), XlsxCell.Text(KindName(f)), XlsxCell.Text(f.ProjectName),
                XlsxCell.Text(f.Department), XlsxCell.Text(f.ImplementingUnit), XlsxCell.Text(StatusName(f) + (f.Overdue ? "（逾期）" : "")),
                XlsxCell.Count(f.ErrorCount ?? 0), XlsxCell.Count(f.WarningCount ?? 0), XlsxCell.Fixed2(Score(f)), XlsxCell.Text(f.Grade),
            ]);
            var bytes = TableWorkbook.Render("绩效表", ["编号", "年度", "类型", "项目名称", "主管部门", "实施单位", "状态", "错误", "警告", "总分", "等级"], rows);
            var name = ExportFileName(page);
            return Results.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
        })).WithSummary($"把当前列表（同样的搜索、筛选和排序）导出为 Excel，最多 {MaxExportRows} 行");

        app.MapPost("/api/forms/transitions", (HttpContext http, FormStore store, FormAccess access, ProfileCatalog profiles) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Api.Error(401, "请先登录");
            var body = await Api.ReadAsync<BulkTransitionRequest>(http);
            return Api.Json(await BulkAsync(user, body, store, access, profiles));
        })).WithSummary("批量审核通过或公开：对每张选中的表执行一次，有错误的表不执行，结果逐张说明原因")
            .Accepts<BulkTransitionRequest>("application/json").Produces<BulkTransitionResponse>();

        app.MapGet("/forms", async (HttpContext http, FormStore store, FormAccess access, OrganisationStore organisations, TimeProvider clock) =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Results.Redirect("/login?returnUrl=/forms");
            FormFilter requested;
            try { requested = await ParseAsync(http.Request.Query, organisations, clock, PageSize); }
            catch (ApiRefusal r) { return Page("绩效表", $"<p class=\"error\">{E(r.Error.Error)}</p>", user, Antiforgery.Field(http)); }
            var page = await store.PageAsync(await access.ScopeAsync(user, requested));
            var body = new StringBuilder(Flash.Render(http));
            if (Permissions.MayEver(user.Role, FormAction.Create))
                body.Append("<p><a class=\"button\" href=\"/forms/new\">新建申报表</a> <a class=\"button\" href=\"/imports\">导入</a></p>");
            body.Append(await FiltersAsync(http.Request.Query, user, organisations, access, "/forms"));
            if ((requested.UnitId ?? (user.Role == Role.Unit ? user.OrganisationId : null)) is { } summaryUnit)
                body.Append($"<p class=\"note\"><a href=\"/summaries?unit={summaryUnit}{(requested.Year is { } sy ? $"&amp;year={sy}" : "")}\">项目绩效目标汇总表</a></p>");
            body.Append(ListTable(page, requested, http, user, "/forms", "/forms"));
            return Page("绩效表", body.ToString(), user, Antiforgery.Field(http));
        });

        app.MapGet("/public", async (HttpContext http, FormStore store, FormAccess access, OrganisationStore organisations, TimeProvider clock) =>
        {
            var user = CurrentUser.From(http);
            FormFilter requested;
            try { requested = await ParseAsync(http.Request.Query, organisations, clock, PageSize) with { Status = FormStatus.Published, Statuses = null }; }
            catch (ApiRefusal r) { return Page("公开的绩效表", $"<p class=\"error\">{E(r.Error.Error)}</p>", user, Antiforgery.Field(http)); }
            // Everyone reads the published forms, whoever asks: the public scope, not the person's working one.
            var page = await store.PageAsync(await access.ScopeAsync(CurrentUser.Public, requested));
            var body = new StringBuilder("<p>已公开的财政项目支出绩效目标申报表和绩效自评表。开放数据：")
                .Append("<a href=\"/public/data?format=csv\">CSV</a> <a href=\"/public/data?format=xlsx\">Excel</a> <a href=\"/public/data?format=json\">JSON</a>")
                .Append("（字段说明见 <a href=\"/public/data/schema\">数据说明</a>）</p>");
            body.Append(await FiltersAsync(http.Request.Query, CurrentUser.Public, organisations, access, "/public"));
            body.Append(ListTable(page, requested, http, CurrentUser.Public, "/public/forms", "/public"));
            return Page("公开的绩效表", body.ToString(), user, Antiforgery.Field(http));
        });

        app.MapPost("/forms/bulk", async (HttpContext http, FormStore store, FormAccess access, ProfileCatalog profiles) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            var form = await http.Request.ReadFormAsync();
            var selected = form["sel"].Select(v => v?.Split(':')).Where(p => p is { Length: 2 })
                .Select(p => long.TryParse(p![0], out var id) && int.TryParse(p[1], out var v) ? new FormVersion(id, v) : null)
                .OfType<FormVersion>().ToList();
            var back = "/forms" + (form["back"].ToString() is { Length: > 0 } q && q.StartsWith('?') ? q : "");
            if (selected.Count == 0)
            {
                Flash.Set(http, "没有选中任何表", isError: true);
                return Results.Redirect(back);
            }
            try
            {
                var result = await BulkAsync(CurrentUser.From(http), new BulkTransitionRequest { Action = form["action"].ToString(), Forms = selected }, store, access, profiles);
                var action = FormActions.FromCode(form["action"])?.ToChinese();
                var text = $"已{action} {result.Done.Count} 张" + (result.Refused.Count == 0 ? "。"
                    : $"；{result.Refused.Count} 张未执行：" + string.Join("；", result.Refused.Select(r => $"第 {r.Id} 号：{r.Error}")));
                Flash.Set(http, text, isError: result.Refused.Count > 0);
            }
            catch (ApiRefusal r) { Flash.Set(http, r.Error.Error, isError: true); }
            return Results.Redirect(back);
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
    }

    /// <summary>Each selected form in turn, as if one at a time: refused ones are left as they are, with the reason.</summary>
    static async Task<BulkTransitionResponse> BulkAsync(CurrentUser user, BulkTransitionRequest body, FormStore store, FormAccess access, ProfileCatalog profiles)
    {
        if (FormActions.FromCode(body.Action) is not { } action || !BulkActions.Contains(action))
            throw Api.Fail(400, "批量操作只能是 approve（审核通过）或 publish（公开）", "action");
        if (body.Forms.Count is 0 or > 500) throw Api.Fail(400, "请选中 1–500 张表", "forms");
        var done = new List<TransitionResponse>();
        var refused = new List<BulkRefusal>();
        foreach (var f in body.Forms.DistinctBy(f => f.Id))
        {
            try
            {
                done.Add(await WorkflowEndpoints.ApplyAsync(user, f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    new TransitionRequest { Action = body.Action, Version = f.Version }, store, access, profiles));
            }
            catch (ApiRefusal r) { refused.Add(new BulkRefusal(f.Id, r.Error.Error, r.Error.Findings)); }
        }
        return new BulkTransitionResponse(done, refused);
    }

    /// <summary>The list's query: what a person asked for. A value that does not parse is a 400 naming the parameter.</summary>
    public static async Task<FormFilter> ParseAsync(IQueryCollection q, OrganisationStore organisations, TimeProvider clock, int defaultLimit)
    {
        var filter = new FormFilter(Limit: defaultLimit) { Today = Today.In(clock) };
        string? Get(string name) => q[name].FirstOrDefault() is { Length: > 0 } v ? v.Trim() : null;
        if (Get("year") is { } y)
        {
            if (!int.TryParse(y, out var year) || year is < 1990 or > 2100) throw Api.Fail(400, $"年度“{y}”不是有效年份（1990–2100）", "year");
            filter = filter with { Year = year };
        }
        if (Get("unit") is { } u)
        {
            if (!long.TryParse(u, out var unit) || unit <= 0) throw Api.Fail(400, $"单位编号“{u}”无效", "unit");
            filter = filter with { UnitId = unit };
        }
        if (Get("department") is { } d)
        {
            if (!long.TryParse(d, out var dept) || dept <= 0) throw Api.Fail(400, $"主管部门编号“{d}”无效", "department");
            filter = filter with { WithinUnits = await organisations.UnitsUnderAsync(dept) };
        }
        if (Get("kind") is { } k)
        {
            if (FormKinds.FromCode(k) is null) throw Api.Fail(400, $"类型“{k}”无效，应为 {FormKinds.CodeList}", "kind");
            filter = filter with { Kind = k };
        }
        if (Get("status") is { } s)
        {
            var codes = s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var statuses = codes.Select(FormStatuses.FromCode).ToList();
            if (statuses.Any(x => x is null)) throw Api.Fail(400, $"状态“{s}”无效，应为 {FormStatuses.CodeList} 之一（可用逗号分隔多个）", "status");
            filter = statuses.Count == 1 ? filter with { Status = statuses[0] } : filter with { Statuses = statuses.Select(x => x!.Value).ToList() };
        }
        if (Get("q") is { } search)
        {
            if (search.Length > 100) throw Api.Fail(400, "搜索词不能超过 100 字", "q");
            filter = filter with { Search = search };
        }
        if (Get("grade") is { } g)
        {
            if (g is not ("优" or "良" or "中" or "差")) throw Api.Fail(400, $"等级“{g}”无效，应为 优、良、中、差 之一", "grade");
            filter = filter with { Grade = g };
        }
        if (Get("errors") is { } e)
        {
            if (e is not ("true" or "false")) throw Api.Fail(400, "errors 应为 true（有错误）或 false（没有错误）", "errors");
            filter = filter with { HasErrors = e == "true" };
        }
        if (Get("overdue") is { } o)
        {
            if (o is not ("true" or "false")) throw Api.Fail(400, "overdue 应为 true 或 false", "overdue");
            filter = filter with { OnlyOverdue = o == "true" };
        }
        // The dashboards' click-throughs (统计分析): a 执行率 band, one check's findings, the projects as they stand.
        if (Get("rate") is { } rate)
        {
            if (ExecutionRateBand.Parse(rate) is not { } band) throw Api.Fail(400, $"执行率区间“{rate}”无效，应为“下限-上限”（如 60-80、-60、100-；含下限、不含上限）", "rate");
            filter = filter with { RateFrom = band.From, RateBelow = band.Below };
        }
        if (Get("finding") is { } finding)
        {
            if (finding.Length > 64 || !finding.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
                throw Api.Fail(400, $"审核规则编码“{finding}”无效", "finding");
            filter = filter with { FindingCode = finding };
        }
        if (Get("current") is { } current)
        {
            if (current is not ("true" or "false")) throw Api.Fail(400, "current 应为 true（各项目现行的一版）或 false", "current");
            filter = filter with { CurrentOnly = current == "true" };
        }
        if (Get("sort") is { } sort)
            filter = filter with
            {
                Sort = sort switch
                {
                    "newest" => FormSort.Newest,
                    "updated" => FormSort.Updated,
                    "score" => FormSort.ScoreHigh,
                    "-score" => FormSort.ScoreLow,
                    "name" => FormSort.Name,
                    _ => throw Api.Fail(400, $"排序“{sort}”无效，应为 newest、updated、score、-score、name 之一", "sort"),
                },
            };
        if (Get("limit") is { } l)
        {
            if (!int.TryParse(l, out var limit) || limit is < 1 or > 1000) throw Api.Fail(400, $"每页条数“{l}”无效（1–1000）", "limit");
            filter = filter with { Limit = limit };
        }
        if (Get("offset") is { } off)
        {
            if (!int.TryParse(off, out var offset) || offset < 0) throw Api.Fail(400, $"偏移“{off}”无效", "offset");
            filter = filter with { Offset = offset };
        }
        if (Get("page") is { } pg)
        {
            if (!int.TryParse(pg, out var page) || page < 1) throw Api.Fail(400, $"页码“{pg}”无效", "page");
            filter = filter with { Offset = (page - 1) * filter.Limit };
        }
        return filter;
    }

    static decimal? Score(FormSummary f) => f.TotalScore is null ? null : decimal.Parse(f.TotalScore, System.Globalization.CultureInfo.InvariantCulture);

    static string KindName(FormSummary f) =>
        FormKinds.FromCode(f.Kind) is { } k && k != FormKind.TargetDeclaration ? k.ShortName() : f.AdjustsId is not null ? "申报表（调整）" : "申报表";

    static string StatusName(FormSummary f) => FormStatuses.FromCode(f.Status)?.ToChinese() ?? f.Status;

    static string ExportFileName(FormPage page) => $"绩效表列表_{page.Forms.Count}张.xlsx";

    /// <summary>Units offered in one list of the filter bar at most (a 主管部门's, or all of them when fewer).</summary>
    public const int UnitChoiceLimit = 300;

    /// <summary>The filter bar: search, year, kind, status, the person's 主管部门 and units, grade, errors, overdue, sort.</summary>
    static async Task<string> FiltersAsync(IQueryCollection q, CurrentUser user, OrganisationStore organisations, FormAccess access, string action)
    {
        string V(string name) => E(q[name].FirstOrDefault());
        string Options(string name, IEnumerable<(string Value, string Label)> options)
        {
            var current = q[name].FirstOrDefault() ?? "";
            return string.Concat(options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == current ? " selected" : "")}>{E(o.Label)}</option>"));
        }
        var orgs = await organisations.AllAsync();
        var units = (await access.UnitsAsync(user)).ToHashSet();
        var visibleUnits = user.Role is Role.FinanceReviewer or Role.Admin or Role.Public ? orgs.Where(o => o.Kind == "unit").ToList() : orgs.Where(o => units.Contains(o.Id)).ToList();
        var isPublic = user.IsPublic;
        var parents = visibleUnits.Select(u => u.ParentId).ToHashSet();
        var departments = orgs.Where(o => o.Kind == "department" && parents.Contains(o.Id)).ToList();
        var sb = new StringBuilder($"<form method=\"get\" action=\"{action}\" class=\"filters\">");
        sb.Append($"<input name=\"q\" value=\"{V("q")}\" placeholder=\"搜索项目、单位\" aria-label=\"搜索\" maxlength=\"100\">");
        sb.Append($"<select name=\"year\" aria-label=\"年度\"><option value=\"\">全部年度</option>{Options("year", Enumerable.Range(2020, 10).Reverse().Select(y => (y.ToString(), y + "年度")))}</select>");
        sb.Append($"<select name=\"kind\" aria-label=\"类型\"><option value=\"\">全部类型</option>{Options("kind", [("target-declaration", "申报表"), ("monitoring", "监控表"), ("self-evaluation", "自评表"), ("department-declaration", "部门整体目标表"), ("department-self-evaluation", "部门整体自评表")])}</select>");
        if (!isPublic)
            sb.Append($"<select name=\"status\" aria-label=\"状态\"><option value=\"\">全部状态</option>{Options("status", FormStatuses.All.Select(s => (s.ToCode(), s.ToChinese())))}</select>");
        if (departments.Count > 1)
            sb.Append($"<select name=\"department\" aria-label=\"主管部门\"><option value=\"\">全部主管部门</option>{Options("department", departments.Select(d => (d.Id.ToString(), d.Name)))}</select>");
        // A province has thousands of units: past UnitChoiceLimit the units are chosen within a 主管部门 (pick it
        // first) or found with the search box, so that the page does not carry every unit of the province.
        var unitChoices = long.TryParse(q["department"].FirstOrDefault(), out var department)
            ? visibleUnits.Where(u => u.ParentId == department).ToList() : visibleUnits;
        if (unitChoices.Count is > 1 and <= UnitChoiceLimit)
            sb.Append($"<select name=\"unit\" aria-label=\"实施单位\"><option value=\"\">全部实施单位</option>{Options("unit", unitChoices.Select(u => (u.Id.ToString(), u.Name)))}</select>");
        else if (unitChoices.Count > UnitChoiceLimit)
        {
            if (q["unit"].FirstOrDefault() is { Length: > 0 } chosen)
                sb.Append($"<input type=\"hidden\" name=\"unit\" value=\"{E(chosen)}\"><span class=\"kind\">{E(orgs.FirstOrDefault(o => o.Id.ToString() == chosen)?.Name ?? chosen)}</span>");
            sb.Append($"<span class=\"note\">实施单位有 {unitChoices.Count} 个：先选主管部门再选单位，或在搜索框输入单位名称</span>");
        }
        sb.Append($"<select name=\"grade\" aria-label=\"等级\"><option value=\"\">全部等级</option>{Options("grade", [("优", "优"), ("良", "良"), ("中", "中"), ("差", "差")])}</select>");
        if (!isPublic)
        {
            sb.Append($"<select name=\"errors\" aria-label=\"审核发现\"><option value=\"\">审核发现不限</option>{Options("errors", [("true", "有错误"), ("false", "没有错误")])}</select>");
            sb.Append($"<label><input type=\"checkbox\" name=\"overdue\" value=\"true\"{(q["overdue"] == "true" ? " checked" : "")}> 只看逾期</label>");
        }
        sb.Append($"<select name=\"sort\" aria-label=\"排序\">{Options("sort", [("newest", "最新"), ("updated", "最近修改"), ("score", "总分从高到低"), ("-score", "总分从低到高"), ("name", "项目名称")])}</select>");
        // The dashboards' filters have no control here: kept as they came, and said.
        foreach (var (name, label) in new[] { ("rate", $"执行率 {q["rate"]}%"), ("finding", $"审核发现 {q["finding"]}"), ("current", q["current"] == "true" ? "各项目现行的一版" : "") })
            if (q[name].FirstOrDefault() is { Length: > 0 } value)
                sb.Append($"<input type=\"hidden\" name=\"{name}\" value=\"{E(value)}\">").Append(label.Length > 0 ? $"<span class=\"kind\">{E(label)}</span>" : "");
        sb.Append($"<button type=\"submit\">查询</button> <a href=\"{action}\">清除</a></form>");
        return sb.ToString();
    }

    /// <summary>The page of the list, with its count, pager, export link and (for reviewers) the bulk actions.</summary>
    static string ListTable(FormPage page, FormFilter requested, HttpContext http, CurrentUser user, string link, string self)
    {
        var query = http.Request.QueryString.Value ?? "";
        var bulk = BulkActions.Where(a => Permissions.MayEver(user.Role, a)).ToList();
        var sb = new StringBuilder();
        var first = page.Total == 0 ? 0 : requested.Offset + 1;
        var last = requested.Offset + page.Forms.Count;
        var exportQuery = string.Join("&", http.Request.Query.Where(kv => kv.Key is not ("page" or "offset" or "limit")).Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value.ToString())}"));
        sb.Append($"<p class=\"list-count\">共 <strong id=\"total\">{page.Total}</strong> 张，显示第 {first}–{last} 张")
          .Append(user.IsPublic ? "</p>" : $" · <a href=\"/api/forms/export?{E(exportQuery)}\">导出 Excel</a></p>");
        if (page.Forms.Count == 0) return sb.Append("<p>没有符合条件的绩效表。</p>").ToString();
        if (bulk.Count > 0)
            sb.Append($"<form method=\"post\" action=\"/forms/bulk\" id=\"bulk\">{Antiforgery.Field(http)}<input type=\"hidden\" name=\"back\" value=\"{E(query)}\">");
        sb.Append("<table class=\"list\"><thead><tr>");
        if (bulk.Count > 0) sb.Append("<th><input type=\"checkbox\" aria-label=\"全选\" onclick=\"document.querySelectorAll('input[name=sel]').forEach(c=>c.checked=this.checked)\"></th>");
        sb.Append("<th>年度</th><th>类型</th><th>项目名称</th><th>主管部门</th><th>实施单位</th><th>状态</th>")
          .Append(user.IsPublic ? "" : "<th>审核发现</th>").Append("<th>总分</th><th>等级</th></tr></thead><tbody>");
        foreach (var f in page.Forms)
        {
            sb.Append(f.Overdue ? "<tr class=\"overdue\">" : "<tr>");
            if (bulk.Count > 0) sb.Append($"<td><input type=\"checkbox\" name=\"sel\" value=\"{f.Id}:{f.Version}\" aria-label=\"选择 {E(f.ProjectName)}\"></td>");
            var findings = f.ErrorCount is null ? "" : f.ErrorCount > 0 ? $"<span class=\"error\">错误 {f.ErrorCount}</span>" : f.WarningCount > 0 ? $"警告 {f.WarningCount}" : "无";
            sb.Append($"<td>{f.Year}</td><td><span class=\"kind kind-{E(f.Kind)}\">{E(KindName(f))}</span></td>")
              .Append($"<td><a href=\"{link}/{f.Id}\">{E(f.ProjectName)}</a></td><td>{E(f.Department)}</td><td>{E(f.ImplementingUnit)}</td>")
              .Append($"<td class=\"status\">{E(StatusName(f))}{(f.Overdue ? " <span class=\"error\">逾期</span>" : "")}</td>")
              .Append(user.IsPublic ? "" : $"<td>{findings}</td>")
              .Append($"<td>{E(f.TotalScore)}</td><td>{E(f.Grade)}</td></tr>");
        }
        sb.Append("</tbody></table>");
        if (bulk.Count > 0)
        {
            sb.Append("<p class=\"actions\">对选中的表：");
            foreach (var a in bulk) sb.Append($"<button type=\"submit\" name=\"action\" value=\"{a.ToCode()}\">批量{E(a.ToChinese())}</button> ");
            sb.Append("<span class=\"note\">有错误的表不会执行，结果逐张说明。</span></p></form>");
        }
        sb.Append(Pager(page.Total, requested, http, self));
        return sb.ToString();
    }

    static string Pager(int total, FormFilter requested, HttpContext http, string self)
    {
        var size = requested.Limit;
        var pages = Math.Max(1, (total + size - 1) / size);
        var current = requested.Offset / size + 1;
        if (pages == 1) return "";
        string Link(int page, string label)
        {
            var query = http.Request.Query.Where(kv => kv.Key is not ("page" or "offset")).Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value.ToString())}")
                .Append($"page={page}");
            return $"<a href=\"{self}?{E(string.Join("&", query))}\">{label}</a>";
        }
        var sb = new StringBuilder("<nav class=\"pager\" aria-label=\"分页\">");
        if (current > 1) sb.Append(Link(1, "首页")).Append(' ').Append(Link(current - 1, "上一页")).Append(' ');
        sb.Append($"第 {current} / {pages} 页");
        if (current < pages) sb.Append(' ').Append(Link(current + 1, "下一页")).Append(' ').Append(Link(pages, "末页"));
        return sb.Append("</nav>").ToString();
    }
}
