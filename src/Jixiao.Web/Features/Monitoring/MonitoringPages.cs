using System.Globalization;
using System.Text;
using Jixiao.Core.Access;
using Jixiao.Core.Entry;
using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Workflow;
using Jixiao.Formats.Profiles;
using Jixiao.Storage;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>
/// 运行监控's pages: the rounds (finance opens them here), a round's dashboard, the 整改 register, and the sections a
/// form page adds (a monitoring form's lights, a self-evaluation beside its forecast, 整改 items, 暂缓拨款). Every post
/// goes through <see cref="MonitoringWork"/>, as the API does.
/// </summary>
public static class MonitoringPages
{
    public const string Css = """
        .light { display: inline-block; min-width: 2.2em; text-align: center; border-radius: 3px; padding: 0 .3em; font-weight: bold; color: #fff; }
        .light.red { background: #b3261e; } .light.yellow { background: #c98a00; } .light.green { background: #2e7d32; } .light.none { background: #999; }
        tr.red td { background: #fbeaea; } tr.yellow td { background: #fdf5e0; }
        table.counts td.n { text-align: right; }
        table.register-counts { width: auto; min-width: 50%; margin-bottom: 1rem; }
        table.register td.deadline { white-space: nowrap; }
        .bar { display: flex; height: 1.1rem; min-width: 8rem; border: 1px solid #ccc; }
        .bar span { display: block; } .bar .red { background: #b3261e; } .bar .yellow { background: #c98a00; } .bar .green { background: #2e7d32; } .bar .none { background: #ccc; }
        """;

    public static string LightBadge(string? code) => code switch
    {
        "red" => "<span class=\"light red\">红</span>",
        "yellow" => "<span class=\"light yellow\">黄</span>",
        "green" => "<span class=\"light green\">绿</span>",
        _ => "<span class=\"light none\">—</span>",
    };

    static string Today(HttpContext http) => Shared.Today.In(http.RequestServices.GetRequiredService<TimeProvider>()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static void Map(WebApplication app)
    {
        app.MapGet("/monitoring", async (HttpContext http, MonitoringWork work, TimeProvider clock) =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Results.Redirect("/login?returnUrl=/monitoring");
            var sb = new StringBuilder($"<style>{Css}</style>").Append(Flash.Render(http));
            var rounds = await work.RoundsAsync(user);
            sb.Append("<p>运行监控（双监控）：预算执行进度和绩效目标实现程度。财政部门开展每一轮，每张审核通过的申报表生成一张监控表，由实施单位填报、主管部门和财政审核。</p>");
            if (rounds.Count == 0) sb.Append("<p>还没有开展过运行监控。</p>");
            else
            {
                sb.Append("<table><thead><tr><th>轮次</th><th>监控期</th><th>报送截止</th><th>范围</th><th>状态</th></tr></thead><tbody>");
                foreach (var r in rounds)
                    sb.Append($"<tr><td><a href=\"/monitoring/{r.Id}\">{E(r.Title)}</a></td><td>{E(r.Period)}（截至 {r.PeriodEnd}）</td><td>{r.Deadline}</td>")
                      .Append($"<td>{(r.Focused ? "重点监控（选定项目）" : "全部审核通过的项目")}</td><td>{(r.Closed ? "已截止" : "报送中")}</td></tr>");
                sb.Append("</tbody></table>");
            }
            if (Permissions.Decide(user.Role, FormAction.OpenRound, null).Allowed)
            {
                var year = Shared.Today.In(clock).Year;
                sb.Append($"""
                    <h2>开展运行监控</h2>
                    <form method="post" action="/monitoring" class="fields">{Antiforgery.Field(http)}
                      <label class="field">年度 <input name="year" type="number" min="1990" max="2100" value="{year}" required></label>
                      <label class="field">监控期末（月末） <input name="periodEnd" type="date" value="{year}-07-31" required></label>
                      <label class="field">报送截止日期 <input name="deadline" type="date" value="{year}-08-20" required></label>
                      <label class="field">名称（可不填） <input name="name" maxlength="{MonitoringWork.MaxNameLength}" placeholder="如 第三季度"></label>
                      <label class="field">重点监控的申报表编号（可不填，逗号分隔） <input name="declarations" placeholder="不填则为全部审核通过的申报表"></label>
                      <p><button type="submit">开展</button></p>
                    </form>
                    """);
            }
            return Page("运行监控", sb.ToString(), user, Antiforgery.Field(http));
        });

        app.MapPost("/monitoring", async (HttpContext http, MonitoringWork work) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            var form = await http.Request.ReadFormAsync();
            try
            {
                List<long>? ids = null;
                if (form["declarations"].ToString() is { Length: > 0 } list)
                {
                    ids = [];
                    foreach (var part in list.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries))
                        ids.Add(long.TryParse(part, out var n) ? n : throw Api.Fail(400, $"申报表编号“{part}”不是数字", "declarations"));
                }
                var opened = await work.OpenRoundAsync(CurrentUser.From(http), new OpenRoundRequest
                {
                    Year = int.TryParse(form["year"], out var y) ? y : 0, PeriodEnd = form["periodEnd"].ToString(), Deadline = form["deadline"].ToString(),
                    Name = form["name"].ToString(), Declarations = ids,
                });
                Flash.Set(http, $"已开展 {opened.Round.Title}：建立监控表 {opened.Forms.Count} 张，已通知各单位填报（报送截止 {opened.Round.Deadline}）。");
                return Results.Redirect($"/monitoring/{opened.Round.Id}");
            }
            catch (ApiRefusal r)
            {
                Flash.Set(http, r.Error.Error, isError: true);
                return Results.Redirect("/monitoring");
            }
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());

        app.MapGet("/monitoring/{id}", async (string id, HttpContext http, MonitoringWork work) =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Results.Redirect($"/login?returnUrl=/monitoring/{Uri.EscapeDataString(id)}");
            RoundSummary s;
            try { s = await work.SummaryAsync(user, id); }
            catch (ApiRefusal r)
            {
                Flash.Set(http, r.Error.Error, isError: true);
                return Results.Redirect("/monitoring");
            }
            return Page(s.Round.Title, $"<style>{Css}</style>" + Flash.Render(http) + Dashboard(s), user, Antiforgery.Field(http));
        });

        app.MapGet("/rectifications", async (HttpContext http, MonitoringWork work) =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Results.Redirect("/login?returnUrl=/rectifications");
            var state = http.Request.Query["state"].FirstOrDefault();
            IReadOnlyList<RectificationDocument> items;
            try { items = await work.RegisterAsync(user, state); }
            catch (ApiRefusal r) { return Page("整改台账", $"<p class=\"error\">{E(r.Error.Error)}</p>", user, Antiforgery.Field(http)); }
            var sb = new StringBuilder($"<style>{Css}</style>").Append(Flash.Render(http));
            sb.Append("<p>筛选：")
              .Append(string.Join(" · ", new[] { ("", "全部"), ("open", "未完成"), ("overdue", "逾期未完成"), ("done", "已完成") }
                  .Select(x => (state ?? "") == x.Item1 ? $"<strong>{x.Item2}</strong>" : $"<a href=\"/rectifications{(x.Item1.Length == 0 ? "" : "?state=" + x.Item1)}\">{x.Item2}</a>")))
              .Append("</p>");
            sb.Append(RegisterCounts(items));
            sb.Append(RegisterTable(items, user, http, withProject: true));
            return Page("整改台账", sb.ToString(), user, Antiforgery.Field(http));
        });

        app.MapPost("/rectifications/{id}/result", async (string id, HttpContext http, MonitoringWork work) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            var form = await http.Request.ReadFormAsync();
            var back = form["back"].ToString() is { Length: > 0 } b && b.StartsWith('/') && !b.StartsWith("//") ? b : "/rectifications";
            try
            {
                var done = await work.RecordResultAsync(CurrentUser.From(http), id, new RectificationResultRequest { Result = form["result"].ToString() });
                Flash.Set(http, $"已填报整改结果：{done.ProjectName}。");
            }
            catch (ApiRefusal r) { Flash.Set(http, r.Error.Error, isError: true); }
            return Results.Redirect(back);
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());

        app.MapPost("/forms/{id}/rectifications", async (string id, HttpContext http, MonitoringWork work) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            var form = await http.Request.ReadFormAsync();
            try
            {
                var item = await work.RaiseAsync(CurrentUser.From(http), id,
                    new RectificationRequest { Requirement = form["requirement"].ToString(), Deadline = form["deadline"].ToString() });
                Flash.Set(http, $"已提出整改要求，期限 {item.Deadline}。单位在“整改台账”中填报结果。");
            }
            catch (ApiRefusal r) { Flash.Set(http, r.Error.Error, isError: true); }
            return Results.Redirect($"/forms/{Uri.EscapeDataString(id)}");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());

        app.MapPost("/forms/{id}/template", async (string id, HttpContext http, MonitoringWork work) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            try
            {
                var (bytes, name) = await MonitoringEndpoints.UploadedAsync(http, requireHeader: false);
                var version = await work.UploadTemplateAsync(CurrentUser.From(http), id, bytes, name);
                Flash.Set(http, $"已读入填报模板“{name}”并保存（第 {version} 版）。请核对预警和审核发现后提交。");
            }
            catch (ApiRefusal r)
            {
                var problems = r.Error.Problems is { Count: > 0 } p ? " " + string.Join("；", p.Select(x => x.Message)) : "";
                Flash.Set(http, r.Error.Error + problems, isError: true);
            }
            return Results.Redirect($"/forms/{Uri.EscapeDataString(id)}");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());

        app.MapPost("/forms/{id}/funding-hold", async (string id, HttpContext http, MonitoringWork work) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            var form = await http.Request.ReadFormAsync();
            try
            {
                var request = new FundingHoldRequest { Reason = form["reason"].ToString() };
                if (form["release"] == "1")
                {
                    await work.ReleaseAsync(CurrentUser.From(http), id, request);
                    Flash.Set(http, "已解除暂缓拨款。");
                }
                else
                {
                    await work.HoldAsync(CurrentUser.From(http), id, request);
                    Flash.Set(http, "已暂缓拨款。");
                }
            }
            catch (ApiRefusal r) { Flash.Set(http, r.Error.Error, isError: true); }
            return Results.Redirect($"/forms/{Uri.EscapeDataString(id)}");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
    }

    /// <summary>A round's dashboard: the colours by 主管部门 and unit, the red list with reasons, overdue forms and 整改.</summary>
    static string Dashboard(RoundSummary s)
    {
        var sb = new StringBuilder();
        var r = s.Round;
        sb.Append($"<p>监控期 {E(r.Period)}（截至 {r.PeriodEnd}），报送截止 {r.Deadline}{(r.Closed ? "（已截止）" : "")}；{(r.Focused ? "重点监控选定的项目" : "全部审核通过的项目")}。")
          .Append("颜色由评分方案的预警规则算出：预算执行率 ÷ 时间进度、全年预计能否达到指标值、完成目标可能性。</p>");
        var t = s.Total;
        sb.Append($"<p class=\"totals\">共 {t.Forms} 张：{LightBadge("red")} {t.Red}　{LightBadge("yellow")} {t.Yellow}　{LightBadge("green")} {t.Green}　未填 {t.Unjudged}；已报送 {t.Submitted}，<strong>逾期未报 {t.Overdue}</strong>。</p>");
        sb.Append("<h2>按主管部门</h2>").Append(CountsTable(s.ByDepartment, "主管部门"));
        sb.Append("<h2>红灯清单</h2>");
        if (s.RedList.Count == 0) sb.Append("<p>没有已报送的红灯项目。</p>");
        else
        {
            sb.Append("<table><thead><tr><th>项目</th><th>实施单位</th><th>红灯的行、计算过程与单位填报的原因</th></tr></thead><tbody>");
            foreach (var item in s.RedList)
                sb.Append($"<tr class=\"red\"><td><a href=\"/forms/{item.FormId}\">{E(item.ProjectName)}</a></td><td>{E(item.ImplementingUnit)}</td><td><ul>")
                  .Append(string.Concat(item.Reasons.Select(x => $"<li>{E(x)}</li>"))).Append("</ul></td></tr>");
            sb.Append("</tbody></table>");
        }
        var overdue = s.Forms.Where(f => f.Overdue).ToList();
        sb.Append($"<h2>逾期未报（{overdue.Count}）</h2>");
        sb.Append(overdue.Count == 0 ? "<p>没有逾期未报的监控表。</p>" : FormsTable(overdue));
        var late = s.Rectifications.Where(x => x.State == "overdue").ToList();
        sb.Append($"<h2>整改事项（{s.Rectifications.Count}，逾期 {late.Count}）</h2>");
        sb.Append(s.Rectifications.Count == 0 ? "<p>本轮还没有提出整改要求。</p>" : RegisterTable(s.Rectifications, null, null, withProject: true));
        sb.Append("<h2>按实施单位</h2>").Append(CountsTable(s.ByUnit, "实施单位"));
        sb.Append($"<h2>全部监控表（{s.Forms.Count}）</h2>").Append(FormsTable(s.Forms));
        return sb.ToString();
    }

    static string CountsTable(IReadOnlyList<LightTally> rows, string head)
    {
        var sb = new StringBuilder($"<table class=\"counts\"><thead><tr><th>{head}</th><th>张数</th><th>红</th><th>黄</th><th>绿</th><th>未填</th><th>已报送</th><th>逾期未报</th><th>分布</th></tr></thead><tbody>");
        foreach (var c in rows)
        {
            string Part(int n, string cls) => n == 0 || c.Forms == 0 ? "" : $"<span class=\"{cls}\" style=\"width:{n * 100m / c.Forms:0.#}%\"></span>";
            sb.Append($"<tr><td>{E(c.Name)}</td><td class=\"n\">{c.Forms}</td><td class=\"n\">{c.Red}</td><td class=\"n\">{c.Yellow}</td><td class=\"n\">{c.Green}</td>")
              .Append($"<td class=\"n\">{c.Unjudged}</td><td class=\"n\">{c.Submitted}</td><td class=\"n\">{c.Overdue}</td>")
              .Append($"<td><div class=\"bar\">{Part(c.Red, "red")}{Part(c.Yellow, "yellow")}{Part(c.Green, "green")}{Part(c.Unjudged, "none")}</div></td></tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }

    static string FormsTable(IReadOnlyList<RoundFormDocument> forms)
    {
        var sb = new StringBuilder("<table><thead><tr><th>预警</th><th>项目</th><th>主管部门</th><th>实施单位</th><th>状态</th><th>执行率</th><th></th></tr></thead><tbody>");
        foreach (var f in forms)
            sb.Append($"<tr class=\"{f.Light}\"><td>{LightBadge(f.Light)}</td><td><a href=\"/forms/{f.Id}\">{E(f.ProjectName)}</a></td><td>{E(f.Department)}</td><td>{E(f.ImplementingUnit)}</td>")
              .Append($"<td class=\"status\">{E(FormStatuses.FromCode(f.Status)?.ToChinese() ?? f.Status)}{(f.Overdue ? " <strong class=\"error\">逾期</strong>" : "")}</td>")
              .Append($"<td>{(f.ExecutionRate is { } rate ? $"{rate:0.00}%" : "—")}</td><td>{(f.FundingHeld ? "<strong class=\"error\">暂缓拨款</strong>" : "")}</td></tr>");
        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>The register counted per 主管部门 and per unit: open, overdue and done (overdue items are open too).</summary>
    static string RegisterCounts(IReadOnlyList<RectificationDocument> items)
    {
        if (items.Count == 0) return "";
        var sb = new StringBuilder("<table class=\"counts register-counts\"><thead><tr><th>主管部门</th><th>实施单位</th><th>未完成</th><th>其中逾期</th><th>已完成</th></tr></thead><tbody>");
        foreach (var g in items.GroupBy(i => (i.Department ?? "（未填主管部门）", i.ImplementingUnit ?? "（未填实施单位）")).OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal))
            sb.Append($"<tr><td>{E(g.Key.Item1)}</td><td>{E(g.Key.Item2)}</td><td class=\"n\">{g.Count(i => i.State != "done")}</td>")
              .Append($"<td class=\"n\">{g.Count(i => i.State == "overdue")}</td><td class=\"n\">{g.Count(i => i.State == "done")}</td></tr>");
        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>The register's lines; a unit that may record a result gets the box for it beside each open item.</summary>
    static string RegisterTable(IReadOnlyList<RectificationDocument> items, CurrentUser? user, HttpContext? http, bool withProject)
    {
        if (items.Count == 0) return "<p>没有整改事项。</p>";
        var sb = new StringBuilder("<table class=\"register\"><thead><tr><th>状态</th>")
            .Append(withProject ? "<th>项目</th><th>实施单位</th>" : "")
            .Append("<th>整改要求</th><th>期限</th><th>提出</th><th>整改结果</th></tr></thead><tbody>");
        var mayRecord = user is not null && Permissions.MayEver(user.Role, FormAction.RecordRectification);
        foreach (var x in items)
        {
            sb.Append($"<tr class=\"{(x.State == "overdue" ? "red" : "")}\"><td class=\"status\">{RectificationDocument.StateChinese(x.State)}</td>");
            if (withProject)
                sb.Append($"<td><a href=\"/forms/{x.FormId}\">{E(x.ProjectName)}</a>（{E(x.Kind == "monitoring" ? "监控表" : "自评表")}）</td><td>{E(x.ImplementingUnit)}</td>");
            sb.Append($"<td>{E(x.Requirement)}</td><td class=\"deadline\">{x.Deadline}</td><td>{E(x.RaisedBy)}</td><td>");
            if (x.Result is not null) sb.Append($"{E(x.Result)}<br><small>{E(x.DoneBy)} {E(x.DoneAt?[..Math.Min(10, x.DoneAt.Length)])}</small>");
            else if (mayRecord && http is not null)
                sb.Append($"<form method=\"post\" action=\"/rectifications/{x.Id}/result\">{Antiforgery.Field(http)}<input type=\"hidden\" name=\"back\" value=\"{E(http.Request.Path + http.Request.QueryString)}\">")
                  .Append($"<textarea name=\"result\" rows=\"2\" required maxlength=\"{FormValidation.MaxReason}\" placeholder=\"做了什么、结果如何\"></textarea><br><button type=\"submit\">填报整改结果</button></form>");
            else sb.Append("—");
            sb.Append("</td></tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>
    /// What a form page adds for 运行监控: a monitoring form's lights with their working; a self-evaluation beside its
    /// project's monitoring forecast; the 整改 items of the form with the box to raise one (reviewers) or answer it (the
    /// unit); 暂缓拨款 on an approved declaration.
    /// </summary>
    /// <param name="forecast">A self-evaluation's latest approved monitoring form (<see cref="FormStore.ForecastForAsync"/>), read once by the page.</param>
    public static async Task<string> SectionsAsync(CurrentUser user, StoredForm f, FormFacts facts, HttpContext http, MonitoringWork work,
        MonitoringStore monitoring, (long Id, MonitoringForm Form)? forecast, ProfileCatalog profiles)
    {
        var sb = new StringBuilder($"<style>{Css}</style>");
        switch (f.Form)
        {
            case MonitoringForm m:
                sb.Append(LightsSection(MonitoringAssessor.Assess(m, profiles.ForForm(m))));
                if (await monitoring.RoundOfFormAsync(f.Id) is { } round)
                    sb.Append($"<p>本表属于 <a href=\"/monitoring/{round.Id}\">{E(round.Title)}</a>，报送截止 {round.Deadline:yyyy-MM-dd}。</p>");
                sb.Append($"<p class=\"template\"><a href=\"/api/forms/{f.Id}/template\">下载填报模板（Excel）</a>");
                if (Permissions.Decide(user.Role, FormAction.Edit, facts).Allowed && f.DeclarationId is not null)
                    sb.Append($"""
                         · 在 Excel 中填好后上传：<form method="post" action="/forms/{f.Id}/template" enctype="multipart/form-data" class="inline">{Antiforgery.Field(http)}
                        <input type="file" name="file" accept=".xlsx" required aria-label="填好的填报模板"> <button type="submit">上传并保存</button></form>
                        """);
                sb.Append("</p>");
                break;
            case SelfEvaluation s when forecast is { } latest:
                sb.Append(ForecastSection(MonitoringFollowUp.Beside(s, latest.Form), latest.Id, latest.Form.Period));
                break;
            case TargetDeclaration when f.Status is FormStatus.Approved or FormStatus.Published:
                sb.Append(await HoldSection(user, f, facts, http, monitoring));
                break;
        }
        if (f.Form is MonitoringForm or SelfEvaluation)
        {
            var items = await work.RegisterAsync(user, null, f.Id);
            var mayRaise = Permissions.Decide(user.Role, FormAction.RequireRectification, facts).Allowed;
            if (items.Count > 0 || mayRaise)
            {
                sb.Append("<section class=\"rectifications\"><h2>整改</h2>").Append(RegisterTable(items, user, http, withProject: false));
                if (mayRaise)
                    sb.Append($"""
                        <form method="post" action="/forms/{f.Id}/rectifications" class="fields">{Antiforgery.Field(http)}
                          <label class="field">整改要求和建议 <textarea name="requirement" rows="2" required maxlength="{FormValidation.MaxReason}"></textarea></label>
                          <label class="field">整改期限 <input name="deadline" type="date" required min="{Today(http)}"></label>
                          <p><button type="submit">提出整改要求</button></p>
                        </form>
                        """);
                sb.Append("</section>");
            }
        }
        return sb.ToString();
    }

    static string LightsSection(MonitoringSheet sheet)
    {
        var sb = new StringBuilder("<section class=\"lights\"><h2>预警</h2>");
        sb.Append($"<p>{E(sheet.Period.Label)}，时间进度 {sheet.TimeProgress:0.00}%（评分方案 {E(sheet.ProfileId)}）。预算执行预警 {LightBadge(sheet.FundsLight?.ToCode())}，目标完成预警 {LightBadge(sheet.TargetsLight?.ToCode())}。黄灯和红灯的行须填写偏差原因和纠偏措施。</p>");
        sb.Append("<table><thead><tr><th>预警</th><th>行</th><th>计算过程</th></tr></thead><tbody>");
        foreach (var fund in sheet.Funds)
            sb.Append($"<tr class=\"{fund.Light.Light?.ToCode()}\"><td>{LightBadge(fund.Light.Light?.ToCode())}</td><td>{E(fund.Label)}</td><td>{E(fund.Light.Working)}</td></tr>");
        foreach (var i in sheet.Indicators)
            sb.Append($"<tr class=\"{i.Light.Light?.ToCode()}\"><td>{LightBadge(i.Light.Light?.ToCode())}</td><td>{i.Row}. {E(i.Name)}</td><td>{E(i.Light.Working)}</td></tr>");
        return sb.Append("</tbody></table></section>").ToString();
    }

    static string ForecastSection(IReadOnlyList<ForecastBeside> rows, long monitoringId, MonitoringPeriod period)
    {
        var sb = new StringBuilder($"<section class=\"forecast\"><h2>监控时的全年预计与实际</h2><p>依据 <a href=\"/forms/{monitoringId}\">第 {monitoringId} 号监控表</a>（{E(period.Label)}，审核通过）。相差较大的行是审核发现。</p>");
        sb.Append("<table><thead><tr><th>行</th><th>三级指标</th><th>监控时的全年预计</th><th>完成目标可能性</th><th>实际完成值</th><th>相差</th></tr></thead><tbody>");
        foreach (var r in rows)
            sb.Append($"<tr><td>{r.Row}</td><td>{E(r.Name)}</td><td>{E(r.Forecast ?? "—")}</td><td>{E(r.Likelihood ?? "—")}</td><td>{E(r.Actual ?? "（未填）")}</td>")
              .Append($"<td>{(r.GapPercent is { } g ? $"{g:0.00}%" : "—")}</td></tr>");
        return sb.Append("</tbody></table></section>").ToString();
    }

    static async Task<string> HoldSection(CurrentUser user, StoredForm f, FormFacts facts, HttpContext http, MonitoringStore monitoring)
    {
        var holds = await monitoring.HoldsAsync([f.Id]);
        var inForce = holds.FirstOrDefault(h => h.InForce);
        var may = Permissions.Decide(user.Role, FormAction.HoldFunding, facts).Allowed;
        if (holds.Count == 0 && !may) return "";
        var sb = new StringBuilder("<section class=\"hold\"><h2>拨款</h2>");
        sb.Append(inForce is { } h
            ? $"<p class=\"error\"><strong>暂缓拨款</strong>：{E(h.Reason)}（{E(h.HeldBy)}，{E(h.HeldAt[..10])}）</p>"
            : "<p>正常拨款。</p>");
        foreach (var old in holds.Where(x => !x.InForce))
            sb.Append($"<p class=\"note\">曾暂缓拨款：{E(old.Reason)}（{E(old.HeldAt[..10])}），{E(old.ReleasedAt?[..10])} 解除：{E(old.ReleaseReason)}</p>");
        if (may)
            sb.Append($"""
                <form method="post" action="/forms/{f.Id}/funding-hold" class="fields">{Antiforgery.Field(http)}
                  <input type="hidden" name="release" value="{(inForce is null ? "0" : "1")}">
                  <label class="field">{(inForce is null ? "暂缓拨款的理由" : "解除的理由")} <textarea name="reason" rows="2" required maxlength="{FormValidation.MaxReason}"></textarea></label>
                  <p><button type="submit">{(inForce is null ? "暂缓拨款" : "解除暂缓拨款")}</button></p>
                </form>
                """);
        return sb.Append("</section>").ToString();
    }
}
