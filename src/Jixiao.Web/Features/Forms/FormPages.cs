using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Access;
using Jixiao.Core.History;
using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;
using Jixiao.Core.Workflow;
using Jixiao.Core.Interchange;
using Jixiao.Formats.Profiles;
using Jixiao.Formats.Reports;
using Jixiao.Storage;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Forms;

/// <summary>
/// The pages people work in: a form with its findings, the scorer's working, what the person may do to it (the
/// buttons are the table's: <see cref="Permissions.Allowed"/>) and its history; the editor. Pages post plain HTML
/// forms (with anti-forgery tokens) for workflow steps, and say what happened on the next page (<see cref="Flash"/>).
/// </summary>
public static class FormPages
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/forms/{id}/transition", async (string id, HttpContext http, FormStore store, FormAccess access, ProfileCatalog profiles) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            var form = await http.Request.ReadFormAsync();
            var comments = form.Keys.Where(k => k.StartsWith("comment-", StringComparison.Ordinal))
                .Select(k => new RowComment(int.TryParse(k["comment-".Length..], out var row) ? row : null, form[k].ToString())).ToList();
            var request = new TransitionRequest
            {
                Action = form["action"].ToString(),
                Version = int.TryParse(form["version"], out var v) ? v : -1,
                Reason = form["reason"].FirstOrDefault(),
                Comments = comments,
                Acknowledgement = form["acknowledgement"].FirstOrDefault(),
            };
            await PostAsync(http, async () =>
            {
                var done = await WorkflowEndpoints.ApplyAsync(CurrentUser.From(http), id, request, store, access, profiles);
                return $"已{FormActions.FromCode(request.Action)?.ToChinese()}，现在的状态是“{FormStatuses.FromCode(done.Status)?.ToChinese()}”。";
            });
            return Results.Redirect($"/forms/{Uri.EscapeDataString(id)}");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());

        app.MapPost("/forms/{id}/review-score", async (string id, HttpContext http, FormStore store, FormAccess access) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            var form = await http.Request.ReadFormAsync();
            await PostAsync(http, async () =>
            {
                if (!decimal.TryParse(form["score"], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var score))
                    throw Api.Fail(400, $"复核分“{form["score"]}”不是数字", "score");
                await WorkflowEndpoints.RecordReviewScoreAsync(CurrentUser.From(http), id,
                    new ReviewScoreRequest { Score = score, Version = int.TryParse(form["version"], out var v) ? v : -1 }, store, access);
                return $"已记录复核分 {score:0.00}。";
            });
            return Results.Redirect($"/forms/{Uri.EscapeDataString(id)}");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());

        app.MapGet("/forms/{id}/edit", async (string id, HttpContext http, FormStore store, FormAccess access, ProfileCatalog profiles, Accounts.ActorNames actors) =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Results.Redirect($"/login?returnUrl=/forms/{Uri.EscapeDataString(id)}/edit");
            if (await access.VisibleAsync(user, id, store) is not { } stored) return Results.Redirect("/forms");
            var decision = await access.DecideAsync(user, FormAction.Edit, stored);
            if (!decision.Allowed)
            {
                Flash.Set(http, $"这张表现在不能修改：{decision.Refusal}", isError: true);
                return Results.Redirect($"/forms/{stored.Id}");
            }
            // A returned form opens with the reason on top; each row comment goes beside its row (the editor places them).
            var view = new HistoryView(stored, await actors.LabelledAsync(await store.HistoryAsync(stored.Id)));
            var returned = stored.Status == FormStatus.Returned ? ReturnReason(view) : "";
            if (stored.Form is MonitoringForm monitoring)
                return Monitoring.MonitoringEditor.Page(stored, monitoring, user, http, returned);
            if (stored.Form.Kind.IsDepartmentWhole())
            {
                Flash.Set(http, DepartmentWholeNotEditable, isError: true);
                return Results.Redirect($"/forms/{stored.Id}");
            }
            var comments = stored.Status == FormStatus.Returned && view.LastReturn is { } round
                ? JsonSerializer.SerializeToNode(round.Comments.Select(EditorComment).ToList(), FormJson.Options)!.AsArray() : [];
            return Editor($"编辑：{stored.Form.ProjectName}", FormJson.ToJson(stored.Form), stored.Id, stored.Version, stored.DeclarationId is not null,
                profiles.ForForm(stored.Form), user, http, returned, comments);
        });

        app.MapGet("/forms/new", async (HttpContext http, OrganisationStore organisations, ProfileCatalog profiles, TimeProvider clock) =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Results.Redirect("/login?returnUrl=/forms/new");
            if (!Permissions.MayEver(user.Role, FormAction.Create))
            {
                Flash.Set(http, $"{user.Role.ToChinese()}不能新建申报表", isError: true);
                return Results.Redirect("/forms");
            }
            var orgs = await organisations.AllAsync();
            var unit = orgs.FirstOrDefault(o => o.Id == user.OrganisationId);
            var dept = orgs.FirstOrDefault(o => o.Id == unit?.ParentId && o.Kind == "department");
            var blank = new TargetDeclaration { Year = clock.GetLocalNow().Year + 1, ImplementingUnit = unit?.Name, Department = dept?.Name };
            return Editor("新建财政项目支出绩效目标申报表", FormJson.ToJson(blank), null, 0, false, profiles.ForForm(blank), user, http, "", []);
        });
    }

    /// <summary>The web editor knows the project forms' cells only: a 部门整体 form is changed by a new file or through the API.</summary>
    public const string DepartmentWholeNotEditable =
        "部门整体表暂不能在网页上逐格编辑：请修改文件后重新导入，或以交换格式的 JSON 通过 PUT /api/forms/{编号} 保存。";

    /// <summary>Runs a page's post: the message of success, or of the refusal (with its findings), for the next page.</summary>
    static async Task PostAsync(HttpContext http, Func<Task<string>> action)
    {
        try { Flash.Set(http, await action()); }
        catch (ApiRefusal r)
        {
            var findings = r.Error.Findings is { Count: > 0 } f ? " " + string.Join("；", f.Select(x => (x.Row is { } row ? $"第 {row} 行：" : "") + x.Message)) : "";
            Flash.Set(http, r.Error.Error + (r.Error.Findings is { Count: > 0 } && !r.Error.Error.Contains("请先改正") ? findings : ""), isError: true);
        }
    }

    /// <summary>
    /// Below the form: what the review found and how the score was reached (for everyone who works on the form),
    /// the buttons the table allows, the return comments, the unit's acknowledgement of warnings, the history.
    /// </summary>
    /// <param name="findings">The gate's findings of the form (<see cref="Gate.Findings"/>, with its forecast and ambition snapshot), computed once by the page.</param>
    /// <param name="beforeHistory">What a feature adds about the form (运行监控's lights, 整改, 暂缓拨款), above the history.</param>
    public static string Work(CurrentUser user, StoredForm f, FormFacts facts, HttpContext http, IReadOnlyList<AuditEntry> history, ProfileCatalog profiles,
        IReadOnlyList<Finding> findings, string beforeHistory = "")
    {
        var profile = profiles.ForForm(f.Form);
        var view = new HistoryView(f, history);
        var sb = new StringBuilder();
        sb.Append(Actions(user, f, facts, http, findings));
        sb.Append(ReturnedSection(f, view));
        sb.Append(Acknowledged(f, history));
        sb.Append(FindingsSection(findings, profile));
        if (f.Form is EvaluationForm s) sb.Append(WorkingSection(Scorer.Score(s, profile), f.DeclarationId is not null));
        sb.Append(beforeHistory);
        sb.Append(view.Section());
        return sb.ToString();
    }

    static string Actions(CurrentUser user, StoredForm f, FormFacts facts, HttpContext http, IReadOnlyList<Finding> findings)
    {
        // Marking comments addressed happens beside the rows in the editor, not as a button here; 整改 and 暂缓拨款 have
        // their own sections below the form (MonitoringPages), each with its text and date.
        var allowed = Permissions.Allowed(user.Role, facts).Where(a => a is not (FormAction.View or FormAction.Export or FormAction.AddressComment
            or FormAction.RequireRectification or FormAction.RecordRectification or FormAction.HoldFunding
            or FormAction.DecideResult)).ToList();
        if (allowed.Count == 0) return "";
        var errors = findings.Count(x => x.Severity == Severity.Error);
        var warnings = findings.Where(x => x.Severity == Severity.Warning).ToList();
        var sb = new StringBuilder("<div class=\"actions\">");
        foreach (var action in allowed)
        {
            switch (action)
            {
                case FormAction.Edit when f.Form.Kind.IsDepartmentWhole():
                    sb.Append($"<span class=\"note\">{DepartmentWholeNotEditable}</span> ");
                    break;
                case FormAction.Edit:
                    sb.Append($"<a class=\"button\" href=\"/forms/{f.Id}/edit\">编辑</a> ");
                    break;
                case FormAction.Adjust or FormAction.SelfEvaluate:
                    // Both make a new form from this one and open it in the editor; one script serves every such button.
                    sb.Append($"<button type=\"button\" class=\"{(action == FormAction.Adjust ? "adjust" : "make-evaluation")}\" data-post=\"/api/forms/{f.Id}/{(action == FormAction.Adjust ? "adjust" : "self-evaluation")}\">{action.ToChinese()}</button> ");
                    break;
                case FormAction.ReviewScore:
                    sb.Append($"<form method=\"post\" action=\"/forms/{f.Id}/review-score\" class=\"inline review-score\">{Antiforgery.Field(http)}")
                      .Append($"<input type=\"hidden\" name=\"version\" value=\"{f.Version}\"><label>复核分 <input name=\"score\" size=\"6\" inputmode=\"decimal\" ")
                      .Append($"value=\"{(f.Form as SelfEvaluation)?.ReviewScore:0.00}\" required></label> <button type=\"submit\">记录复核分</button></form> ");
                    break;
                default:
                    var gated = Transitions.IsGated(action) && errors > 0;
                    sb.Append($"<form method=\"post\" action=\"/forms/{f.Id}/transition\" class=\"inline action-{action.ToCode()}\">{Antiforgery.Field(http)}")
                      .Append($"<input type=\"hidden\" name=\"action\" value=\"{action.ToCode()}\"><input type=\"hidden\" name=\"version\" value=\"{f.Version}\">");
                    if (action == FormAction.Return)
                    {
                        sb.Append("<input name=\"reason\" placeholder=\"退回意见（必填）\" maxlength=\"2000\" required> ");
                        sb.Append("<details class=\"row-comments\"><summary>逐行意见</summary><table>");
                        for (int i = 0; i < f.Form.Indicators.Count; i++)
                            sb.Append($"<tr><td>{i + 1}. {E(f.Form.Indicators[i].Name)}</td><td><input name=\"comment-{i + 1}\" maxlength=\"2000\" size=\"40\" aria-label=\"第 {i + 1} 行意见\"></td></tr>");
                        sb.Append("</table></details> ");
                    }
                    if (action == FormAction.Submit && warnings.Count > 0 && !gated)
                        sb.Append($"<label class=\"acknowledge\">有 {warnings.Count} 个警告（见下方审核发现），仍要提交的理由 <input name=\"acknowledgement\" maxlength=\"2000\" size=\"40\" required></label> ");
                    sb.Append(gated
                        ? $"<button type=\"submit\" disabled title=\"有 {errors} 个错误须先改正\">{E(action.ToChinese())}</button><span class=\"error\">（有 {errors} 个错误须先改正）</span></form> "
                        : $"<button type=\"submit\">{E(action.ToChinese())}</button></form> ");
                    break;
            }
        }
        if (allowed.Any(a => a is FormAction.Adjust or FormAction.SelfEvaluate))
            sb.Append("<script>document.querySelectorAll('button[data-post]').forEach(b=>b.addEventListener('click',async()=>{const r=await fetch(b.dataset.post,{method:'POST',headers:{'Content-Type':'application/json'},body:'{}'});const j=await r.json();if(r.ok)location.href='/forms/'+j.id+'/edit';else alert(j.error);}));</script>");
        return sb.Append("</div>").ToString();
    }

    static string FindingsSection(IReadOnlyList<Finding> findings, ScoringProfile profile)
    {
        var sb = new StringBuilder($"<section class=\"findings\"><h2>审核发现</h2><p class=\"note\">评分方案 {E(profile.Id)}（{E(profile.Region)}）。错误须改正后才能提交、审核通过或公开；警告须在提交时说明。</p>");
        if (profile.Selection is { } chosen) sb.Append($"<p class=\"note profile-reason\">为何用此方案：{E(chosen.Reason)}</p>");
        if (findings.Count == 0) return sb.Append("<p>没有审核发现。</p></section>").ToString();
        sb.Append("<table class=\"findings\"><thead><tr><th>程度</th><th>行</th><th>指标</th><th>发现</th><th>代码</th></tr></thead><tbody>");
        foreach (var x in findings)
            sb.Append($"<tr class=\"{x.Severity.ToCode()}\"><td class=\"status\">{x.Severity.ToChinese()}</td><td>{(x.Row is { } r ? $"第 {r} 行" : "")}</td><td>{E(x.IndicatorName)}</td>")
              .Append($"<td>{E(x.Message)}</td><td><code>{E(x.Code)}</code></td></tr>");
        return sb.Append("</tbody></table></section>").ToString();
    }

    /// <summary>The scorer's working, row by row; a row where the form's score departs from the rules' is marked.</summary>
    static string WorkingSection(ScoreSheet sheet, bool computed)
    {
        var sb = new StringBuilder("<section class=\"working\"><h2>计分过程</h2>");
        sb.Append($"<p>{(computed ? "本表的执行率、得分、总分和等级由系统按评分方案计算；单位改分的行单独标出。" : "本表为导入的表：表上印的数与按规则计算的数并列，不一致处标出。")}</p>");
        sb.Append($"<p>预算执行率：{E(sheet.ExecutionExplanation)}</p>");
        sb.Append("<table><thead><tr><th>行</th><th>三级指标</th><th>分值</th><th>得分</th><th>按规则</th><th>计分过程</th></tr></thead><tbody>");
        for (int i = 0; i < sheet.Indicators.Count; i++)
        {
            var r = sheet.Indicators[i];
            var differs = r.PrintedScore is not null && r.ComputedScore is not null && r.PrintedScore != r.ComputedScore;
            sb.Append($"<tr{(differs ? " class=\"differs\"" : "")}><td>{i + 1}</td><td>{E(r.Name)}</td><td>{Num.Fixed(r.Weight)}</td><td>{Num.Fixed(r.PrintedScore)}</td>")
              .Append($"<td>{Num.Fixed(r.ComputedScore)}</td><td>{E(r.Explanation)}</td></tr>");
        }
        sb.Append("</tbody></table>");
        sb.Append($"<p>总分 {Num.Fixed(sheet.TotalScore)}（{E(sheet.Grade ?? "—")}）；按规则计分 {Num.Fixed(sheet.RuleBasedTotalScore)}（{E(sheet.RuleBasedGrade ?? "—")}）")
          .Append(sheet.PrintedTotalScore is { } p && p != sheet.TotalScore ? $"；表上总分 {Num.Fixed(p)}" : "")
          .Append(sheet.TotalsNote is { } n ? $"。{E(n)}" : "").Append("</p></section>");
        return sb.ToString();
    }

    /// <summary>The warnings the unit acknowledged when it last submitted, with its reason: what the reviewer weighs.</summary>
    static string Acknowledged(StoredForm f, IReadOnlyList<AuditEntry> history)
    {
        var ack = history.LastOrDefault(h => h.Action == "acknowledge");
        if (ack is null || f.Status is FormStatus.Draft or FormStatus.Returned) return "";
        var sb = new StringBuilder($"<section class=\"acknowledged\"><h2>提交时确认的警告</h2><p>{E(ack.Actor)} 于 {ack.At.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} 提交，理由：<strong>{E(ack.Reason)}</strong></p><ul>");
        try
        {
            foreach (var w in JsonSerializer.Deserialize<List<FindingDocument>>(ack.NewValue ?? "[]", ReportJson.Options) ?? [])
                sb.Append($"<li>{(w.Row is { } r ? $"第 {r} 行：" : "")}{E(w.Message)}</li>");
        }
        catch (JsonException) { sb.Append($"<li>{E(ack.NewValue)}</li>"); }
        return sb.Append("</ul></section>").ToString();
    }

    /// <summary>
    /// The last return, while it matters: to the unit while the form is back with it, and to the reviewers after the
    /// unit resubmitted — each row comment numbered from 1 and marked 已处理 or 未处理 as the unit left it.
    /// </summary>
    static string ReturnedSection(StoredForm f, HistoryView view)
    {
        if (view.LastReturn is not { } round) return "";
        var resubmitted = f.Status is FormStatus.Submitted or FormStatus.DepartmentApproved;
        if (f.Status != FormStatus.Returned && !resubmitted) return "";
        var r = round.Status;
        var sb = new StringBuilder($"<section class=\"returned\"><h2>{(resubmitted ? "上次退回的意见及单位的处理" : "退回意见")}</h2>")
            .Append($"<p>{E(r.Actor)} 于 {HistoryView.Time(r.At)} 退回：<strong>{E(r.Reason)}</strong></p>");
        if (round.Comments.Count > 0)
        {
            var addressed = round.Comments.Count(c => c.Addressed);
            sb.Append($"<p class=\"note\">逐行意见 {round.Comments.Count} 条，单位已处理 {addressed} 条{(f.Status == FormStatus.Returned ? "；请在编辑页对应的行下处理，处理后勾选“已处理”" : "")}。</p><ul class=\"return-comments\">");
            foreach (var c in round.Comments)
                sb.Append($"<li data-comment=\"{c.Id}\">{E(c.RowName)}：{E(c.Entry.NewValue)} ")
                  .Append(c.Addressed
                      ? $"<span class=\"addressed\">已处理</span><span class=\"note\">（{E(c.Mark!.Actor)}，{HistoryView.Time(c.Mark.At)}）</span>"
                      : "<span class=\"open\">未处理</span>")
                  .Append("</li>");
            sb.Append("</ul>");
        }
        return sb.Append("</section>").ToString();
    }

    /// <summary>The editor's head for a returned form: who returned it and why; the row comments go beside their rows.</summary>
    static string ReturnReason(HistoryView view)
    {
        if (view.LastReturn is not { } round) return "";
        var r = round.Status;
        var count = round.Comments.Count;
        return $"<section class=\"returned\" id=\"return-reason\"><h2>退回意见</h2><p>{E(r.Actor)} 于 {HistoryView.Time(r.At)} 退回：<strong>{E(r.Reason)}</strong></p>"
            + (count > 0 ? $"<p class=\"note\">另有逐行意见 {count} 条，显示在对应的指标行下方；处理后勾选“已处理”，审核人员会看到（标记即时保存）。</p>" : "")
            + "<ul id=\"unplaced-comments\"></ul></section>";
    }

    /// <summary>A comment as the editor places it: its row then (from 1) and the row's identity, so it follows the row through inserts and moves.</summary>
    static EditorCommentDocument EditorComment(ReturnComment c) => new(c.Id, c.Row, c.Identity?.Level1, c.Identity?.Level2, c.Identity?.Name,
        c.Entry.NewValue ?? "", c.Entry.Actor, c.Addressed, c.Mark?.Actor, c.Mark is { } m ? HistoryView.Time(m.At) : null);

    sealed record EditorCommentDocument(long Id, int? Row, string? Level1, string? Level2, string? Name, string Text, string Actor, bool Addressed,
        string? AddressedBy, string? AddressedAt);

    private static IResult Editor(string title, JsonObject json, long? id, int version, bool bound, ScoringProfile profile, CurrentUser user, HttpContext http, string above,
        JsonArray comments)
    {
        var kind = FormKinds.FromCode((string?)json["kind"]);
        var framework = new JsonObject
        {
            // The profile's choices for the header, and the fields' Chinese names: the editor's messages never show a JSON path.
            ["projectNatures"] = new JsonArray(profile.ProjectNatures.Select(n => (JsonNode)n).ToArray()),
            ["projectCategories"] = new JsonArray(profile.ProjectCategories.Select(n => (JsonNode)n).ToArray()),
            ["labels"] = new JsonObject(FieldLabels.Names(kind).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["level1"] = new JsonArray(Framework.Level1Names.Select(n => (JsonNode)n).ToArray()),
            ["level2"] = new JsonArray(Framework.Level2Parent.Keys.Select(n => (JsonNode)n).ToArray()),
            ["parent"] = new JsonObject(Framework.Level2Parent.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["executionWeight"] = profile.ExecutionWeight,
            ["bands"] = new JsonObject(profile.QualitativeBands.Select(kv => KeyValuePair.Create(kv.Key.ToCode(), (JsonNode?)kv.Value.Describe()))),
        };
        // JSON inside a <script> element: `<` is escaped so no text can close the element.
        string Embed(JsonNode n) => n.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default });
        var selfEvaluation = (string?)json["kind"] == "self-evaluation";
        // The 自评表 fits 1280 px: 一级/二级 above the name in one column, the scorer's working on a line under its row.
        var head = selfEvaluation
            ? "<colgroup><col class=\"c-row\"><col class=\"c-name\"><col class=\"c-target\"><col class=\"c-actual\"><col class=\"c-weight\"><col class=\"c-score\"><col class=\"c-reason\"></colgroup>"
              + "<thead><tr><th>行</th><th>指标（一级·二级／三级）</th><th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因分析及改进措施</th></tr></thead>"
            : "<colgroup><col class=\"c-row\"><col class=\"c-level1\"><col class=\"c-level2\"><col class=\"c-name\"><col class=\"c-target\"><col class=\"c-hint\"><col class=\"c-actions\"></colgroup>"
              + "<thead><tr><th>行</th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>提示</th><th></th></tr></thead>";
        var note = bound
            ? "<p class=\"note\">本自评表依据审核通过的申报表：指标和年初预算数不能在此修改（要改请对申报表“调整”）；执行率、定量指标得分、总分和等级由系统计算。定性指标选完成等级后在区间内打分；认为定量指标应得其他分数时，可“改分”并写明理由，审核人员会看到。</p>"
            : "";
        var body = $"""
            <style>{EditorCss}</style>
            {above}{note}
            <div id="editor" data-id="{id}" data-version="{version}" data-bound="{(bound ? "true" : "false")}">
              <fieldset><legend>基本信息</legend><div id="header-fields" class="fields"></div></fieldset>
              <fieldset><legend>项目资金</legend><div id="fund-fields" class="fields"></div></fieldset>
              <fieldset><legend>绩效目标</legend><div id="goal-fields" class="fields"></div></fieldset>
              {(selfEvaluation ? "<fieldset><legend>总分</legend><div id=\"total-fields\" class=\"fields\"></div></fieldset>" : "")}
              {(selfEvaluation || bound ? "" : "<div id=\"suggestions\" class=\"suggestions\" aria-live=\"polite\"></div>")}
              <table class="indicators {(selfEvaluation ? "self" : "declaration")}">{head}<tbody id="indicator-rows"></tbody></table>
              <p>{(bound ? "" : "<button type=\"button\" id=\"add-row\">添加指标行</button> ")}<button type="button" id="save">保存</button> <span id="save-state" role="status"></span></p>
              <section>{(selfEvaluation ? "<h2>计分</h2>" : "")}<div id="score"></div><h2>审核发现</h2><div id="findings" aria-live="polite"></div></section>
            </div>
            <script type="application/json" id="form-json">{Embed(json)}</script>
            <script type="application/json" id="framework-json">{Embed(framework)}</script>
            <script type="application/json" id="comments-json">{Embed(comments)}</script>
            <script src="/js/editor.js"></script>
            """;
        return Page(title, body, user, Antiforgery.Field(http));
    }

    // The editor's own look, kept with it (the page frame is shared). Fixed column widths so that no input or long
    // working text pushes the table past the page.
    const string EditorCss = """
        table.indicators { table-layout: fixed; }
        table.indicators th { font-size: 13px; overflow-wrap: anywhere; }
        td .context { color: #555; font-size: 12px; margin-bottom: .2rem; }
        .suggestions ul { margin: .2rem 0 .6rem; padding-left: 1.2rem; }
        .suggestions .suggestion { margin: .15rem 0; font-size: 13px; }
        .suggestions .suggestion small { color: #555; }
        .suggestions button { padding: .05rem .4rem; font-size: 12px; }
        table.indicators td { overflow-wrap: anywhere; }
        table.indicators input:not([type=checkbox]), table.indicators select, table.indicators textarea { box-sizing: border-box; max-width: 100%; }
        table.indicators td > select, table.indicators td > textarea, table.indicators td.name input { width: 100%; }
        table.indicators col.c-row { width: 3.2rem; }
        table.indicators td.rownum { text-align: center; color: #555; }
        table.indicators td.rownum button { display: block; width: 100%; padding: .1rem; margin: .1rem 0; font-size: 12px; }
        table.self col.c-target { width: 8rem; } table.self col.c-actual { width: 11rem; } table.self col.c-weight { width: 5rem; }
        table.self col.c-score { width: 10rem; } table.self col.c-name { width: 24%; }
        table.self td input, table.self td select { width: 100%; }
        table.self td.score input[type=checkbox] { width: auto; }
        table.self td textarea { width: 100%; display: block; }
        table.declaration col.c-level1 { width: 8.5rem; } table.declaration col.c-level2 { width: 10.5rem; } table.declaration col.c-target { width: 16rem; }
        table.declaration col.c-actions { width: 9.5rem; } table.declaration col.c-hint { width: 24%; }
        table.declaration td.working { font-size: 12px; } table.declaration td.working .error { color: #a00; }
        table.declaration td.working .warning { color: #a35a00; } table.declaration td.working .info { color: #555; }
        table.declaration td.target select { width: 4.5rem; } table.declaration td.target input[name^=target] { width: 6rem; } table.declaration td.target input[name^=unit] { width: 4rem; }
        .filing { font-size: 12px; color: #555; }
        #return-reason h2 { margin: .3rem 0; font-size: 1.2rem; } #return-reason p { margin: .3rem 0; }
        tr.working-row td { border-top: 0; font-size: 12px; color: #444; background: #fafafa; }
        tr.comment-row td { background: #fff5f5; border-left: 4px solid #a00; font-size: 14px; }
        tr.comment-row label { white-space: nowrap; margin-left: .6rem; }
        tr.comment-row .addressed, #unplaced-comments .addressed { color: #176b2c; font-weight: bold; }
        tr.comment-row .open { color: #a35a00; font-weight: bold; }
        """;
}
