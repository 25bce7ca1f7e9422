using System.Globalization;
using System.Text;
using Jixiao.Core.Access;
using Jixiao.Core.Model;
using Jixiao.Storage;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.SpotChecks;

/// <summary>抽查 over the API and as pages: draws, a draw's forms with 自评分 and 复核分, the gap per unit, a form's credibility.</summary>
public static class SpotCheckPages
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/api/spot-checks", (HttpContext http, SpotCheckWork work) => Api.Run(async () =>
        {
            var body = await Api.ReadAsync<SpotCheckRequest>(http);
            return Api.Json(await work.DrawAsync(CurrentUser.From(http), body), 201);
        })).WithSummary("财政部门抽查自评表：year、size，可选 seed（记录下来，同样的种子重抽得到同样的表）与 randomShare（随机部分，默认 0.3，按主管部门分配；其余为可信度最低的表）")
            .Accepts<SpotCheckRequest>("application/json").Produces<SpotCheckDocument>(201).Produces<ApiError>(400);

        app.MapGet("/api/spot-checks", (HttpContext http, SpotCheckWork work) => Api.Run(async () =>
            Api.Json(await work.AllAsync(CurrentUser.From(http))))).WithSummary("历次抽查").Produces<List<SpotCheck>>();

        app.MapGet("/api/spot-checks/{id}", (string id, HttpContext http, SpotCheckWork work) => Api.Run(async () =>
            Api.Json(await work.GetAsync(CurrentUser.From(http), id))))
            .WithSummary("一次抽查：抽中的表（原因、可信度及扣分理由、自评分、复核分、差）和按单位的平均差").Produces<SpotCheckDocument>();

        app.MapGet("/api/forms/{id}/credibility", (string id, HttpContext http, SpotCheckWork work) => Api.Run(async () =>
            Api.Json(await work.FormCredibilityAsync(CurrentUser.From(http), id))))
            .WithSummary("自评表的可信度（0–100）及扣分理由（审核人员）").Produces<CredibilityDocument>();

        app.MapGet("/spot-checks", async (HttpContext http, SpotCheckWork work, TimeProvider clock) =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Results.Redirect("/login?returnUrl=/spot-checks");
            IReadOnlyList<SpotCheck> draws;
            try { draws = await work.AllAsync(user); }
            catch (ApiRefusal r) { return Page("抽查", $"<p class=\"error\">{E(r.Error.Error)}</p>", user, Antiforgery.Field(http)); }
            var sb = new StringBuilder(Flash.Render(http));
            sb.Append("<p>从审核通过的自评表中抽查：先抽可信度最低的表，再按主管部门随机抽取。随机种子记录在案，用同样的种子重抽得到同样的表。抽中后在表的页面或下表中记录复核分，系统给出自评分与复核分之差。</p>");
            if (draws.Count > 0)
            {
                sb.Append("<table><thead><tr><th>抽查</th><th>年度</th><th>张数</th><th>随机种子</th><th>随机比例</th><th>抽取人</th><th>时间</th></tr></thead><tbody>");
                foreach (var d in draws)
                    sb.Append($"<tr><td><a href=\"/spot-checks/{d.Id}\">第 {d.Id} 次</a></td><td>{d.Year}</td><td>{d.Size}</td><td><code>{d.Seed}</code></td><td>{d.RandomShare:0.##}</td><td>{E(d.DrawnBy)}</td><td>{E(d.DrawnAt[..Math.Min(16, d.DrawnAt.Length)].Replace('T', ' '))}</td></tr>");
                sb.Append("</tbody></table>");
            }
            var year = Today.In(clock).Year - 1;
            sb.Append($"""
                <h2>抽查</h2>
                <form method="post" action="/spot-checks" class="fields">{Antiforgery.Field(http)}
                  <label class="field">年度 <input name="year" type="number" min="1990" max="2100" value="{year}" required></label>
                  <label class="field">抽取张数 <input name="size" type="number" min="1" max="{SpotCheckWork.MaxSize}" value="20" required></label>
                  <label class="field">随机比例（0–1） <input name="randomShare" inputmode="decimal" value="{SpotCheckWork.DefaultRandomShare}"></label>
                  <label class="field">随机种子（可不填） <input name="seed" inputmode="numeric"></label>
                  <p><button type="submit">抽取</button></p>
                </form>
                """);
            return Page("抽查", sb.ToString(), user, Antiforgery.Field(http));
        });

        app.MapPost("/spot-checks", async (HttpContext http, SpotCheckWork work) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            var form = await http.Request.ReadFormAsync();
            try
            {
                decimal? share = form["randomShare"].ToString() is { Length: > 0 } s
                    ? decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : throw Api.Fail(400, $"随机比例“{s}”不是数字", "randomShare")
                    : null;
                long? seed = form["seed"].ToString() is { Length: > 0 } t
                    ? long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw Api.Fail(400, $"随机种子“{t}”不是整数", "seed")
                    : null;
                var drawn = await work.DrawAsync(CurrentUser.From(http), new SpotCheckRequest
                {
                    Year = int.TryParse(form["year"], out var y) ? y : 0, Size = int.TryParse(form["size"], out var z) ? z : 0, Seed = seed, RandomShare = share,
                });
                Flash.Set(http, $"已抽取 {drawn.Forms.Count} 张（随机种子 {drawn.Seed}）。");
                return Results.Redirect($"/spot-checks/{drawn.Id}");
            }
            catch (ApiRefusal r)
            {
                Flash.Set(http, r.Error.Error, isError: true);
                return Results.Redirect("/spot-checks");
            }
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());

        app.MapGet("/spot-checks/{id}", async (string id, HttpContext http, SpotCheckWork work) =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Results.Redirect($"/login?returnUrl=/spot-checks/{Uri.EscapeDataString(id)}");
            SpotCheckDocument s;
            try { s = await work.GetAsync(user, id); }
            catch (ApiRefusal r)
            {
                Flash.Set(http, r.Error.Error, isError: true);
                return Results.Redirect("/spot-checks");
            }
            return Page($"第 {s.Id} 次抽查（{s.Year} 年度）", Flash.Render(http) + Sample(s, http), user, Antiforgery.Field(http));
        });

        app.MapPost("/spot-checks/{id}/review-score/{formId}", async (string id, string formId, HttpContext http, FormStore store, FormAccess access) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            var form = await http.Request.ReadFormAsync();
            try
            {
                var text = form["score"].ToString();
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var score))
                    throw Api.Fail(400, $"复核分“{text}”不是数字", "score");
                var current = await access.RequireAsync(CurrentUser.From(http), formId, FormAction.ReviewScore, store);
                await WorkflowEndpoints.RecordReviewScoreAsync(CurrentUser.From(http), formId, new ReviewScoreRequest { Score = score, Version = current.Version }, store, access);
                Flash.Set(http, $"已记录第 {formId} 号表的复核分 {score:0.00}。");
            }
            catch (ApiRefusal r) { Flash.Set(http, r.Error.Error, isError: true); }
            return Results.Redirect($"/spot-checks/{Uri.EscapeDataString(id)}");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
    }

    static string Sample(SpotCheckDocument s, HttpContext http)
    {
        var sb = new StringBuilder($"<p>随机种子 <code>{s.Seed}</code>，随机比例 {s.RandomShare:0.##}，{E(s.DrawnBy)} 抽取。共 {s.Forms.Count} 张，已复核 {s.Forms.Count(f => f.ReviewScore is not null)} 张。</p>");
        sb.Append("<h2>按单位：自评分与复核分</h2><table class=\"unit-gaps\"><thead><tr><th>实施单位</th><th>主管部门</th><th>抽中</th><th>已复核</th><th>平均自评分</th><th>平均复核分</th><th>平均差</th></tr></thead><tbody>");
        foreach (var u in s.Units)
            sb.Append($"<tr><td>{E(u.Unit)}</td><td>{E(u.Department)}</td><td>{u.Forms}</td><td>{u.Rechecked}</td><td>{u.SelfScore:0.00}</td><td>{u.ReviewScore:0.00}</td>")
              .Append($"<td class=\"{(u.Gap is > 5 ? "error" : "")}\">{u.Gap:+0.00;-0.00;0.00}</td></tr>");
        sb.Append("</tbody></table><h2>抽中的表</h2><table class=\"sample\"><thead><tr><th>序号</th><th>项目</th><th>实施单位</th><th>原因</th><th>可信度</th><th>扣分理由</th><th>自评分</th><th>复核分</th><th>差</th></tr></thead><tbody>");
        foreach (var f in s.Forms)
            sb.Append($"<tr data-form=\"{f.FormId}\"><td>{f.Rank}</td><td><a href=\"/forms/{f.FormId}\">{E(f.ProjectName)}</a></td><td>{E(f.ImplementingUnit)}</td>")
              .Append($"<td>{(f.Reason == "risk" ? "可信度低" : "随机")}</td><td>{f.Credibility:0.##}</td>")
              .Append($"<td><ul>{string.Concat(f.Reasons.Select(r => $"<li>{E(r)}</li>"))}</ul></td><td>{f.SelfScore:0.00}</td>")
              .Append($"<td><form method=\"post\" action=\"/spot-checks/{s.Id}/review-score/{f.FormId}\" class=\"inline\">{Antiforgery.Field(http)}")
              .Append($"<input name=\"score\" size=\"5\" inputmode=\"decimal\" value=\"{f.ReviewScore:0.00}\" aria-label=\"第 {f.Rank} 张的复核分\" required> <button type=\"submit\">记录</button></form></td>")
              .Append($"<td>{f.Gap:+0.00;-0.00;0.00}</td></tr>");
        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>The form page's 可信度 section of a self-evaluation, for those who review it.</summary>
    public static string Section(CurrentUser user, StoredForm f, SpotCheckWork work, IReadOnlyList<Jixiao.Core.Review.Finding> findings, MonitoringForm? forecast)
    {
        if (user.Role == Role.Unit || f.Form is not SelfEvaluation s) return "";
        var c = work.Credibility(s, findings, forecast);
        var sb = new StringBuilder($"<section class=\"credibility\"><h2>可信度 {c.Score:0.##}</h2><p class=\"note\">供审核和抽查参考：从 100 分起，每一项疑点扣分（评分方案的 credibility 部分）。</p>");
        sb.Append(c.Reasons.Count == 0 ? "<p>没有扣分的疑点。</p>" : "<ul>" + string.Concat(c.Reasons.Select(r => $"<li>−{r.Points:0.##}：{E(r.Message)}</li>")) + "</ul>");
        return sb.Append("</section>").ToString();
    }
}
