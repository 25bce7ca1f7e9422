using System.Globalization;
using System.Text;
using Jixiao.Core.Access;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using Jixiao.Storage;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.ResultsApplication;

/// <summary>
/// 结果应用's pages: the register of a year (finance records its decisions there) with its Excel export, and the line a
/// declaration's page adds when its project had a result the year before. Every post goes through
/// <see cref="ResultsWork"/>, as the API does.
/// </summary>
public static class ResultsPages
{
    const string Css = """
        table.results td.n { text-align: right; white-space: nowrap; }
        table.results td.action { font-weight: bold; }
        table.results tr.departs td.decision { background: #fdf5e0; }
        table.results form.decide select, table.results form.decide input { max-width: 14em; }
        section.last-year { border-left: 4px solid #8b1a1a; padding-left: .8rem; }
        """;

    public static void Map(WebApplication app)
    {
        app.MapGet("/results", async (HttpContext http, ResultsWork work) =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
            var sb = new StringBuilder($"<style>{Css}</style>").Append(Flash.Render(http));
            int year;
            try
            {
                year = http.Request.Query["year"].FirstOrDefault() is { Length: > 0 } y ? ResultsWork.Year(y) : await work.DefaultYearAsync();
            }
            catch (ApiRefusal r) { return Page("结果应用", $"<p class=\"error\">{E(r.Error.Error)}</p>", user, Antiforgery.Field(http)); }
            var register = await work.RegisterAsync(user, year);
            sb.Append($"""
                <form method="get" action="/results" class="fields inline">
                  <label class="field">自评年度 <input name="year" type="number" min="1990" max="2100" value="{year}" required></label>
                  <button type="submit">查看</button>
                </form>
                <p>{year} 年度审核通过的自评结果，用于 {year + 1} 年度预算安排（财预〔2020〕10号：评价结果与预算安排挂钩）。建议按评分方案的等级对应：等级依据复核分（有复核分时），否则依据单位自评分。财政部门记录决定；与建议不同时须写明理由。
                · <a class="export" href="/api/results-application/export?year={year}">导出 Excel</a></p>
                """);
            sb.Append(Table(register, http));
            return Page($"{year} 年度结果应用", sb.ToString(), user, Antiforgery.Field(http));
        });

        app.MapPost("/results/{id}/decision", async (string id, HttpContext http, ResultsWork work) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            var form = await http.Request.ReadFormAsync();
            var year = form["year"].ToString();
            try
            {
                var line = await work.DecideAsync(CurrentUser.From(http), id,
                    new ResultDecisionRequest { Decision = form["decision"].ToString(), Reason = form["reason"].ToString() });
                Flash.Set(http, $"已记录结果应用决定：{line.ProjectName}（{line.ImplementingUnit}）— {line.Decision?.Decision}。");
                year = line.Year?.ToString(CultureInfo.InvariantCulture) ?? year;
            }
            catch (ApiRefusal r) { Flash.Set(http, r.Error.Error, isError: true); }
            if (form["back"].ToString() is { Length: > 0 } back && back.StartsWith('/') && !back.StartsWith("//")) return Results.Redirect(back);
            return Results.Redirect(int.TryParse(year, out var y) ? $"/results?year={y}" : "/results");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
    }

    static string Score(decimal? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    static string Table(ResultsRegister register, HttpContext http)
    {
        if (register.Lines.Count == 0) return $"<p>{register.Year} 年度还没有审核通过的自评表。</p>";
        var sb = new StringBuilder("<table class=\"results\"><thead><tr><th>项目</th><th>实施单位</th><th>主管部门</th><th>总分</th><th>等级</th><th>复核分</th>")
            .Append("<th>建议的结果应用</th><th>财政决定</th><th>整改</th></tr></thead><tbody>");
        foreach (var l in register.Lines)
        {
            sb.Append($"<tr class=\"{(l.Decision is { Departs: true } ? "departs" : "")}\" data-id=\"{l.SelfEvaluationId}\">")
              .Append($"<td><a href=\"/forms/{l.SelfEvaluationId}\">{E(l.ProjectName)}</a></td><td>{E(l.ImplementingUnit)}</td><td>{E(l.Department)}</td>")
              .Append($"<td class=\"n\">{Score(l.TotalScore)}</td><td>{E(l.Grade ?? "—")}</td><td class=\"n\">{Score(l.ReviewScore)}</td>")
              .Append($"<td class=\"action\" title=\"{E(l.SuggestionSource)}（{E(l.SuggestionFirmness)}）\">{E(l.SuggestedAction ?? "（无建议）")}")
              .Append(l.SuggestionGrade is { } g ? $"<br><small>依据{ResultsWork.BasisChinese(l.GradeBasis)}等级 {E(g)}</small>" : "").Append("</td>")
              .Append("<td class=\"decision\">");
            if (l.Decision is { } d)
                sb.Append($"<strong>{E(d.Decision)}</strong>{(d.Reason is { } r ? $"：{E(r)}" : "")}<br><small>{E(d.DecidedBy)} {E(d.DecidedAt[..Math.Min(10, d.DecidedAt.Length)])}</small>");
            else sb.Append(register.MayDecide ? "" : "未决定");
            if (register.MayDecide) sb.Append(DecisionForm(l, http, null));
            sb.Append("</td>");
            var rc = l.Rectifications;
            sb.Append(rc.Open + rc.Done == 0 ? "<td>无</td>"
                : $"<td><a href=\"/rectifications\">未完成 {rc.Open}{(rc.Overdue > 0 ? $"（逾期 <strong class=\"error\">{rc.Overdue}</strong>）" : "")}，已完成 {rc.Done}</a></td>");
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>Finance's decision box for one line: the profile's choices (the current decision, else the suggestion, selected) and the reason.</summary>
    static string DecisionForm(ResultLineDocument l, HttpContext http, string? back)
    {
        var sb = new StringBuilder($"<form method=\"post\" action=\"/results/{l.SelfEvaluationId}/decision\" class=\"decide\">{Antiforgery.Field(http)}")
            .Append($"<input type=\"hidden\" name=\"year\" value=\"{l.Year}\">")
            .Append(back is null ? "" : $"<input type=\"hidden\" name=\"back\" value=\"{E(back)}\">")
            .Append("<select name=\"decision\" aria-label=\"决定\">");
        foreach (var c in l.Choices)
            sb.Append($"<option{((l.Decision?.Decision ?? l.SuggestedAction) == c ? " selected" : "")}>{E(c)}</option>");
        return sb.Append($"</select> <input name=\"reason\" maxlength=\"2000\" placeholder=\"理由（与建议不同时必填）\" aria-label=\"理由\" value=\"{E(l.Decision?.Reason)}\"> ")
            .Append($"<button type=\"submit\">{(l.Decision is null ? "记录决定" : "修改决定")}</button></form>").ToString();
    }

    /// <summary>
    /// What a form page adds. A declaration: the same unit's project of the same name, last year — its grade, 复核分,
    /// suggested action and finance's decision (nothing when there was none). An approved or published self-evaluation:
    /// its own suggestion and decision, with finance's decision box.
    /// </summary>
    public static async Task<string> SectionAsync(CurrentUser user, StoredForm form, FormFacts facts, HttpContext http)
    {
        if (user.IsPublic) return "";
        var work = http.RequestServices.GetRequiredService<ResultsWork>();
        if (form.Form is SelfEvaluation && form.Status is FormStatus.Approved or FormStatus.Published && await work.LineAsync(form) is { } own)
        {
            var mine = new StringBuilder($"<style>{Css}</style><section class=\"result-application\"><h2>结果应用</h2><p>")
                .Append($"建议 {own.Year + 1} 年度预算：").Append(Outcome(own, withSource: true)).Append("</p>");
            if (Permissions.Decide(user.Role, FormAction.DecideResult, facts).Allowed) mine.Append(DecisionForm(own, http, $"/forms/{form.Id}"));
            return mine.Append("</section>").ToString();
        }
        if (form.Form is not TargetDeclaration || await work.LastYearAsync(form) is not { } last) return "";
        return new StringBuilder($"<style>{Css}</style><section class=\"last-year\"><h2>上年绩效结果应用</h2><p>")
            .Append($"{last.Year} 年度自评（<a href=\"/forms/{last.SelfEvaluationId}\">第 {last.SelfEvaluationId} 号自评表</a>）：")
            .Append($"总分 {Score(last.TotalScore)}，等级 <strong>{E(last.Grade ?? "—")}</strong>，复核分 {Score(last.ReviewScore)}；建议的结果应用 ")
            .Append(Outcome(last, withSource: false)).Append("</p></section>").ToString();
    }

    /// <summary>The suggestion with its grade and basis, finance's decision and the link to the register, as one sentence.</summary>
    static string Outcome(ResultLineDocument l, bool withSource) =>
        $"<strong class=\"suggested\">{E(l.SuggestedAction ?? "（无建议）")}</strong>"
        + (l.SuggestionGrade is { } g ? $"（依据{ResultsWork.BasisChinese(l.GradeBasis)}等级 {E(g)}{(withSource ? $"；{E(l.SuggestionSource)}" : "")}）" : "")
        + "；财政决定："
        + (l.Decision is { } d ? $"<strong class=\"decision\">{E(d.Decision)}</strong>{(d.Reason is { } r ? $"（{E(r)}）" : "")}" : "尚未决定")
        + $"。<a href=\"/results?year={l.Year}\">结果应用台账</a>";
}
