using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Model;
using Jixiao.Formats.Json;
using Jixiao.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Forms;

/// <summary>
/// The pages people work in: a form with what they may do to it and its history; the editor. Pages post plain HTML
/// forms (with anti-forgery tokens) for workflow steps; the editor talks to the JSON API.
/// </summary>
public static class FormPages
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/forms/{id}/transition", async (string id, HttpContext http, FormStore store, FormAccess access, OrganisationStore organisations) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            var form = await http.Request.ReadFormAsync();
            var comments = form.Keys.Where(k => k.StartsWith("comment-", StringComparison.Ordinal))
                .Select(k => (int.TryParse(k["comment-".Length..], out var row) ? row : (int?)null, (string?)form[k].ToString())).ToList();
            var outcome = await WorkflowEndpoints.ApplyAsync(CurrentUser.From(http.User), id, form["action"], int.TryParse(form["version"], out var v) ? v : null,
                form["reason"], store, access, organisations, comments);
            var message = outcome.Conflict is not null ? "这张表已被他人修改，操作没有保存，请查看最新内容后重试。" : outcome.Error;
            return Results.Redirect($"/forms/{Uri.EscapeDataString(id)}" + (message is null ? "?done=1" : "?error=" + Uri.EscapeDataString(message)));
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());

        app.MapPost("/forms/{id}/review-score", async (string id, HttpContext http, FormStore store, FormAccess access, OrganisationStore organisations) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            var form = await http.Request.ReadFormAsync();
            var outcome = await WorkflowEndpoints.RecordReviewScoreAsync(CurrentUser.From(http.User), id, form["score"],
                int.TryParse(form["version"], out var v) ? v : null, store, access, organisations);
            var message = outcome.Conflict is not null ? "这张表已被他人修改，复核分没有保存，请查看最新内容后重试。" : outcome.Error;
            return Results.Redirect($"/forms/{Uri.EscapeDataString(id)}" + (message is null ? "?done=1" : "?error=" + Uri.EscapeDataString(message)));
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());

        app.MapGet("/forms/{id}/edit", async (string id, HttpContext http, FormStore store, FormAccess access) =>
        {
            var user = CurrentUser.From(http.User);
            if (user.IsPublic) return Results.Redirect($"/login?returnUrl=/forms/{Uri.EscapeDataString(id)}/edit");
            if (await access.VisibleAsync(user, id, store) is not { } stored) return Results.Redirect("/forms");
            if (!CanEdit(user, stored)) return Results.Redirect($"/forms/{stored.Id}?error=" + Uri.EscapeDataString("这张表现在不能修改"));
            return Editor($"编辑：{stored.Form.ProjectName}", FormJson.ToJson(stored.Form), stored.Id, stored.Version, user, http);
        });

        app.MapGet("/forms/new", async (HttpContext http, OrganisationStore organisations) =>
        {
            var user = CurrentUser.From(http.User);
            if (user.IsPublic) return Results.Redirect("/login?returnUrl=/forms/new");
            if (user.Role is not (Roles.Unit or Roles.Admin)) return Results.Redirect("/forms?error=" + Uri.EscapeDataString("只有填报单位和管理员可以新建申报表"));
            var orgs = await organisations.AllAsync();
            var unit = orgs.FirstOrDefault(o => o.Id == user.OrganisationId);
            var dept = orgs.FirstOrDefault(o => o.Id == unit?.ParentId && o.Kind == "department");
            var blank = new TargetDeclaration { Year = DateTime.Today.Year + 1, ImplementingUnit = unit?.Name, Department = dept?.Name };
            return Editor("新建财政项目支出绩效目标申报表", FormJson.ToJson(blank), null, 0, user, http);
        });
    }

    public static bool CanEdit(CurrentUser user, StoredForm f) =>
        user.Role is Roles.Unit or Roles.Admin && f.Status is FormStatus.Draft or FormStatus.Returned;

    /// <summary>What a person may do to the form they are looking at, as buttons, and the form's history.</summary>
    public static string Actions(CurrentUser user, StoredForm f, bool inScope, HttpContext http, IReadOnlyList<AuditEntry> history)
    {
        var sb = new StringBuilder();
        if (http.Request.Query["error"].FirstOrDefault() is { Length: > 0 } error) sb.Append($"<p class=\"error\" role=\"alert\">{E(error)}</p>");
        if (http.Request.Query["done"] == "1") sb.Append("<p class=\"done\" role=\"status\">已完成。</p>");
        var allowed = Workflow.All.Where(t => Workflow.Refusal(user, t, f.Status, inScope, "x") is null).ToList();
        var canReviewScore = f.Form is SelfEvaluation && f.Status is FormStatus.Submitted or FormStatus.Approved
                             && (user.Role is Roles.FinanceReviewer or Roles.Admin || (user.Role == Roles.DepartmentReviewer && inScope));
        var canEvaluate = f.Form is TargetDeclaration && f.Status is FormStatus.Approved or FormStatus.Published
                          && (user.Role == Roles.Admin || (user.Role == Roles.Unit && inScope));
        if (allowed.Count > 0 || CanEdit(user, f) || canEvaluate || canReviewScore)
        {
            sb.Append("<div class=\"actions\">");
            if (CanEdit(user, f)) sb.Append($"<a class=\"button\" href=\"/forms/{f.Id}/edit\">编辑</a> ");
            foreach (var t in allowed)
            {
                sb.Append($"<form method=\"post\" action=\"/forms/{f.Id}/transition\" class=\"inline action-{t.Action}\">{Antiforgery.Field(http)}")
                  .Append($"<input type=\"hidden\" name=\"action\" value=\"{t.Action}\"><input type=\"hidden\" name=\"version\" value=\"{f.Version}\">");
                if (t.NeedsReason)
                {
                    sb.Append("<input name=\"reason\" placeholder=\"退回意见（必填）\" maxlength=\"2000\" required> ");
                    sb.Append("<details class=\"row-comments\"><summary>逐行意见</summary><table>");
                    for (int i = 0; i < f.Form.Indicators.Count; i++)
                        sb.Append($"<tr><td>{i + 1}. {E(f.Form.Indicators[i].Name)}</td><td><input name=\"comment-{i}\" maxlength=\"2000\" size=\"40\"></td></tr>");
                    sb.Append("</table></details> ");
                }
                sb.Append($"<button type=\"submit\">{E(t.Chinese)}</button></form> ");
            }
            if (canReviewScore)
                sb.Append($"<form method=\"post\" action=\"/forms/{f.Id}/review-score\" class=\"inline review-score\">{Antiforgery.Field(http)}")
                  .Append($"<input type=\"hidden\" name=\"version\" value=\"{f.Version}\"><label>复核分 <input name=\"score\" size=\"6\" inputmode=\"decimal\" ")
                  .Append($"value=\"{(f.Form as SelfEvaluation)?.ReviewScore:0.00}\" required></label> <button type=\"submit\">记录复核分</button></form> ");
            if (canEvaluate)
                // Both make a new form from this one and open it in the editor; one script serves every such button.
                sb.Append($"<button type=\"button\" class=\"adjust\" data-post=\"/api/forms/{f.Id}/adjust\">调整</button> ")
                  .Append($"<button type=\"button\" class=\"make-evaluation\" data-post=\"/api/forms/{f.Id}/self-evaluation\">建立自评表</button>")
                  .Append("<script>document.querySelectorAll('button[data-post]').forEach(b=>b.addEventListener('click',async()=>{const r=await fetch(b.dataset.post,{method:'POST'});const j=await r.json();if(r.ok)location.href='/forms/'+j.id+'/edit';else alert(j.error);}));</script>");
            sb.Append("</div>");
        }
        var lastReturn = history.LastOrDefault(h => h.Action == "status" && h.NewValue == "returned");
        if (lastReturn is not null && f.Status == FormStatus.Returned)
        {
            sb.Append($"<section class=\"returned\"><h2>退回意见</h2><p>{E(lastReturn.Actor)}：{E(lastReturn.Reason)}</p>");
            var rowNotes = history.Where(h => h.Action == "comment" && h.Version == lastReturn.Version).ToList();
            if (rowNotes.Count > 0)
            {
                sb.Append("<ul>");
                foreach (var n in rowNotes)
                {
                    var row = int.TryParse(n.Field?.Replace("indicators[", "").Replace("]", ""), out var r) ? r : -1;
                    var name = row >= 0 && row < f.Form.Indicators.Count ? f.Form.Indicators[row].Name : n.Field;
                    sb.Append($"<li>第 {row + 1} 行“{E(name)}”：{E(n.NewValue)}</li>");
                }
                sb.Append("</ul>");
            }
            sb.Append("</section>");
        }
        if (history.Count > 0)
        {
            sb.Append("<h2>修改记录</h2><table class=\"history\"><thead><tr><th>时间</th><th>人员</th><th>操作</th><th>字段</th><th>原值</th><th>新值</th><th>理由</th></tr></thead><tbody>");
            foreach (var h in history)
            {
                var action = h.Action switch { "import" => "导入", "edit" => "修改", "status" => "状态变更", "comment" => "逐行意见", _ => h.Action };
                string Status(string? s) => FormStatuses.FromCode(s) is { } st ? st.ToChinese() : s ?? "";
                var (oldV, newV) = h.Action == "status" ? (Status(h.OldValue), Status(h.NewValue)) : (h.OldValue, h.NewValue);
                sb.Append($"<tr><td>{h.At.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}</td><td>{E(h.Actor)}</td><td>{action}</td><td>{E(h.Field)}</td>")
                  .Append($"<td>{E(oldV)}</td><td>{E(newV)}</td><td>{E(h.Reason)}</td></tr>");
            }
            sb.Append("</tbody></table>");
        }
        return sb.ToString();
    }

    private static IResult Editor(string title, JsonObject json, long? id, int version, CurrentUser user, HttpContext http)
    {
        var framework = new JsonObject
        {
            ["level1"] = new JsonArray(Framework.Level1Names.Select(n => (JsonNode)n).ToArray()),
            ["level2"] = new JsonArray(Framework.Level2Parent.Keys.Select(n => (JsonNode)n).ToArray()),
            ["parent"] = new JsonObject(Framework.Level2Parent.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        };
        // JSON inside a <script> element: `<` is escaped so no text can close the element.
        string Embed(JsonNode n) => n.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default });
        var selfEvaluation = (string?)json["kind"] == "self-evaluation";
        var head = selfEvaluation
            ? "<th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因分析及改进措施</th><th>计分过程</th><th></th>"
            : "<th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>提示</th><th></th>";
        var body = $"""
            <div id="editor" data-id="{id}" data-version="{version}">
              <fieldset><legend>基本信息</legend><div id="header-fields" class="fields"></div></fieldset>
              <fieldset><legend>项目资金</legend><div id="fund-fields" class="fields"></div></fieldset>
              <fieldset><legend>绩效目标</legend><div id="goal-fields" class="fields"></div></fieldset>
              <table class="indicators"><thead><tr>{head}</tr></thead><tbody id="indicator-rows"></tbody></table>
              <p><button type="button" id="add-row">添加指标行</button> <button type="button" id="save">保存</button> <span id="save-state" role="status"></span></p>
              <section><h2>计分</h2><div id="score"></div><h2>审核发现</h2><div id="findings" aria-live="polite"></div></section>
            </div>
            <script type="application/json" id="form-json">{Embed(json)}</script>
            <script type="application/json" id="framework-json">{Embed(framework)}</script>
            <script src="/js/editor.js"></script>
            """;
        return Page(title, body, user, Antiforgery.Field(http));
    }
}
