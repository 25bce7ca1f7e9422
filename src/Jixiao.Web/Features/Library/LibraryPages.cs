using System.Text;
using Jixiao.Core.Library;
using Jixiao.Core.Model;
using Jixiao.Core.Scoring;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Library;

/// <summary>The 指标库 over the API (search, xlsx export, seed, curation) and as pages (browse with the distribution; curate).</summary>
public static class LibraryPages
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static string? Query(HttpContext http, string name) => http.Request.Query[name].FirstOrDefault();

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/indicator-library", (HttpContext http, LibraryWork work) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            var (q, level1, status) = (Query(http, "q"), Query(http, "level1"), Query(http, "status"));
            if (Query(http, "format") is { Length: > 0 } format)
            {
                if (format != "xlsx") return Api.Error(400, "format 应为 xlsx（不写则为 JSON）", "format");
                var (bytes, name) = await work.ExportAsync(user, q, level1, status);
                return Results.File(bytes, XlsxType, name);
            }
            return Api.Json(await work.SearchAsync(user, q, level1, status));
        })).WithSummary("指标库（登录后可查）：q 在三级、二级指标名称、标签、指标解释中查找，level1 一级指标，status 状态（proposed / approved / retired）；财政部门看全部，其他人看共享给本单位的已审定指标和本单位的待审定指标；每条含使用的表数和按年度的目标值、实际值分布（中位数、四分位数）；format=xlsx 导出 Excel")
            .Produces<LibraryListDocument>().Produces<ApiError>(400);

        app.MapPost("/api/indicator-library/seed", (HttpContext http, LibraryWork work) => Api.Run(async () =>
            Api.Json(await work.SeedAsync(CurrentUser.From(http)))))
            .WithSummary("财政部门由已存的申报表和自评表汇集指标库：新的指标加为待审定，已有的只更新使用情况和分布，已维护的内容不变")
            .Produces<LibrarySeedDocument>().Produces<ApiError>(403);

        app.MapPut("/api/indicator-library/{id}", (string id, HttpContext http, LibraryWork work) => Api.Run(async () =>
        {
            var body = await Api.ReadAsync<LibraryCurateRequest>(http);
            return Api.Json(await work.CurateAsync(CurrentUser.From(http), id, body));
        })).WithSummary("财政部门维护一条指标：指标解释、计算方法、指标值依据、标签、共性/个性、共享范围、状态（只能 待审定 → 已审定 → 已停用）；不填的字段不变")
            .Accepts<LibraryCurateRequest>("application/json").Produces<LibraryEntryDocument>().Produces<ApiError>(400).Produces<ApiError>(403);

        app.MapGet("/indicator-library", async (HttpContext http, LibraryWork work) =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Results.Redirect("/login?returnUrl=/indicator-library");
            var (q, level1, status) = (Query(http, "q"), Query(http, "level1"), Query(http, "status"));
            var sb = new StringBuilder(Flash.Render(http));
            LibraryListDocument list;
            try { list = await work.SearchAsync(user, q, level1, status); }
            catch (ApiRefusal r) { return Page("指标库", sb + $"<p class=\"error\">{E(r.Error.Error)}</p>", user, Antiforgery.Field(http)); }
            sb.Append("<p>指标库由已存的申报表和自评表汇集：同一指标（一级、二级、三级名称规范化后相同）归为一条，列出使用的表数，以及按年度的目标值和实际完成值分布（以最常用的度量单位填写的；中位数和四分位数按最近秩之间线性插值）。财政部门审定后共享给各单位。</p>");
            sb.Append($"""
                <form method="get" action="/indicator-library" class="fields">
                  <label class="field">查找 <input name="q" value="{E(q)}" placeholder="指标名称、标签"></label>
                  <label class="field">一级指标 <select name="level1"><option value="">全部</option>{string.Concat(Framework.Level1Names.Select(n => $"<option{(n == level1 ? " selected" : "")}>{E(n)}</option>"))}</select></label>
                  <label class="field">状态 <select name="status"><option value="">全部</option>{string.Concat(Enum.GetValues<EntryStatus>().Select(s => $"<option value=\"{s.ToCode()}\"{(s.ToCode() == status ? " selected" : "")}>{s.ToChinese()}</option>"))}</select></label>
                  <p><button type="submit">查找</button> <a href="/api/indicator-library?format=xlsx&amp;q={Uri.EscapeDataString(q ?? "")}&amp;level1={Uri.EscapeDataString(level1 ?? "")}&amp;status={Uri.EscapeDataString(status ?? "")}">导出 Excel</a></p>
                </form>
                """);
            if (list.MayCurate)
                sb.Append($"<form method=\"post\" action=\"/indicator-library/seed\">{Antiforgery.Field(http)}<p><button type=\"submit\">由已存的表汇集</button> 新的指标加为待审定；已有的只更新使用情况，已维护的内容不变。</p></form>")
                  .Append("""
                    <details class="import" id="import"><summary>由 Excel 导入</summary>
                      <p class="note">导出的工作簿修改后可再导入，也可新建同样标题的工作簿（工作表“指标库”，见其中的导入说明）：有编号的行修改该指标的所属单位、指标解释、计算方法、指标值依据、标签、共性/个性、共享范围和状态，编号留空的行新增指标。先预览：每一处问题都写明工作表、行号和列；确认导入时全部导入，或有一处问题即什么都不导入。</p>
                      <form id="library-import"><input type="file" name="file" accept=".xlsx" required> <button type="submit">预览</button></form>
                      <div id="import-preview" aria-live="polite"></div>
                      <p><button type="button" id="import-confirm" hidden>确认导入</button> <span id="import-state" role="status"></span></p>
                      <script src="/js/workbook-import.js"></script>
                      <script src="/js/library.js"></script>
                    </details>
                    """);
            sb.Append($"<p>共 {list.Entries.Count} 条。</p>");
            if (list.Entries.Count > 0)
            {
                sb.Append("<table class=\"library\"><thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>性质、单位</th><th>使用</th><th>目标值、实际值分布</th><th>依据、标签</th><th>状态</th></tr></thead><tbody>");
                foreach (var e in list.Entries)
                {
                    var name = list.MayCurate ? $"<a href=\"/indicator-library/{e.Id}\">{E(e.Name)}</a>" : E(e.Name);
                    sb.Append($"<tr data-entry=\"{e.Id}\"><td>{E(e.Level1)}</td><td>{E(e.Level2)}</td><td>{name}{(e.Explanation is { } x ? $"<br><span class=\"note\">{E(x)}</span>" : "")}</td>")
                      .Append($"<td>{E(e.Comparator)} {E(e.Unit)}</td><td>{e.Forms} 张（申报表 {e.Declarations}，自评表 {e.SelfEvaluations}），{e.Units} 个单位</td>")
                      .Append($"<td>{Distribution(e)}</td><td>{E(LibraryWork.BasisName(e.ValueBasis))} {E(string.Join("、", e.Tags))}</td>")
                      .Append($"<td class=\"status\">{E(LibraryCuration.StatusFrom(e.Status)?.ToChinese())}</td></tr>");
                }
                sb.Append("</tbody></table>");
            }
            return Page("指标库", sb.ToString(), user, Antiforgery.Field(http));
        });

        app.MapPost("/indicator-library/seed", async (HttpContext http, LibraryWork work) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            try
            {
                var s = await work.SeedAsync(CurrentUser.From(http));
                Flash.Set(http, $"已读取 {s.Forms} 张表：新增待审定指标 {s.Added} 条，更新 {s.Refreshed} 条的使用情况。");
            }
            catch (ApiRefusal r) { Flash.Set(http, r.Error.Error, isError: true); }
            return Results.Redirect("/indicator-library");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());

        app.MapGet("/indicator-library/{id}", async (string id, HttpContext http, LibraryWork work) =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Results.Redirect($"/login?returnUrl=/indicator-library/{Uri.EscapeDataString(id)}");
            if (!LibraryWork.MayCurate(user)) return Page("指标库", "<p class=\"error\">只有财政部门维护指标库</p>", user, Antiforgery.Field(http));
            var e = (await work.SearchAsync(user, null, null, null)).Entries.FirstOrDefault(x => x.Id.ToString() == id);
            if (e is null) return Page("指标库", $"<p class=\"error\">指标库中没有编号为 {E(id)} 的指标</p>", user, Antiforgery.Field(http));
            static string Options<T>(IEnumerable<T> values, Func<T, string> code, Func<T, string> name, string? current) =>
                string.Concat(values.Select(v => $"<option value=\"{code(v)}\"{(code(v) == current ? " selected" : "")}>{name(v)}</option>"));
            var status = LibraryCuration.StatusFrom(e.Status)!.Value;
            var moves = Enum.GetValues<EntryStatus>().Where(s => LibraryCuration.RefuseMove(status, s) is null);
            var body = $"""
                {Flash.Render(http)}
                <p>{E(e.Level1)} / {E(e.Level2)} / <b>{E(e.Name)}</b>　{E(e.Comparator)} {E(e.Unit)}　{e.Forms} 张表使用，{e.Units} 个单位；所属：{E(e.Owner ?? "财政部门")}</p>
                <p>{Distribution(e)}</p>
                <form method="post" action="/indicator-library/{e.Id}" class="fields">{Antiforgery.Field(http)}
                  <label class="field">指标解释 <textarea name="explanation" rows="3">{E(e.Explanation)}</textarea></label>
                  <label class="field">计算方法 <textarea name="method" rows="3">{E(e.Method)}</textarea></label>
                  <label class="field">指标值依据 <select name="valueBasis"><option value="">（未定）</option>{Options(Enum.GetValues<ValueBasis>(), b => b.ToCode(), b => b.ToChinese(), e.ValueBasis)}</select></label>
                  <label class="field">标签（以“、”分隔） <input name="tags" value="{E(string.Join("、", e.Tags))}"></label>
                  <label class="field">共性/个性 <select name="nature">{Options(Enum.GetValues<IndicatorNature>(), n => n.ToCode(), n => n.ToChinese(), e.Nature)}</select></label>
                  <label class="field">共享范围 <select name="scope">{Options(Enum.GetValues<SharingScope>(), s => s.ToCode(), s => s.ToChinese(), e.Scope)}</select></label>
                  <label class="field">状态 <select name="status">{Options(moves, s => s.ToCode(), s => s.ToChinese(), e.Status)}</select></label>
                  <p><button type="submit">保存</button> <a href="/indicator-library">返回指标库</a></p>
                </form>
                """;
            return Page($"指标：{e.Name}", body, user, Antiforgery.Field(http));
        });

        app.MapPost("/indicator-library/{id}", async (string id, HttpContext http, LibraryWork work) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            var form = await http.Request.ReadFormAsync();
            try
            {
                var saved = await work.CurateAsync(CurrentUser.From(http), id, new LibraryCurateRequest
                {
                    Explanation = form["explanation"].ToString(), Method = form["method"].ToString(), ValueBasis = form["valueBasis"].ToString(),
                    Tags = form["tags"].ToString().Split('、', '，', ','), Nature = form["nature"].ToString(), Scope = form["scope"].ToString(),
                    Status = form["status"].ToString(),
                });
                Flash.Set(http, $"已保存“{saved.Name}”。");
            }
            catch (ApiRefusal r) { Flash.Set(http, r.Error.Error, isError: true); }
            return Results.Redirect($"/indicator-library/{Uri.EscapeDataString(id)}");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
    }

    /// <summary>Per year: the targets' and actuals' median with the quartiles and the count, in the entry's unit.</summary>
    static string Distribution(LibraryEntryDocument e)
    {
        if (e.Years.Count == 0) return "<span class=\"note\">无定量数值</span>";
        static string Q(string label, QuartilesDocument? q, string? unit) => q is null ? "" :
            $"{label}中位数 {Num.Plain(q.Median)}{E(unit)}（四分位 {Num.Plain(q.Lower)}–{Num.Plain(q.Upper)}，{q.Count} 个）";
        return string.Join("<br>", e.Years.Select(y => $"{y.Year} 年：" + string.Join("；", new[] { Q("目标", y.Targets, e.Unit), Q("实际", y.Actuals, e.Unit) }.Where(s => s.Length > 0))));
    }
}
