using System.Text.Json.Nodes;
using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;
using Jixiao.Formats.Json;
using Jixiao.Formats.Profiles;
using Jixiao.Formats.Reports;
using Jixiao.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Forms.WorkflowEndpoints;

namespace Jixiao.Web.Features.Forms;

/// <summary>
/// Creating and editing forms through the API the editor pages use: a unit edits its own drafts and returned forms;
/// an approved form is locked. Saves carry the version they were based on; a stale save is refused with the
/// changes made meanwhile. `POST /api/check` scores and reviews a form as it is being typed, without saving.
/// </summary>
public static class EditEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/api/forms", async (HttpContext http, FormStore store, OrganisationStore organisations) =>
        {
            var user = CurrentUser.From(http.User);
            if (user.IsPublic) return Error(401, "请先登录", null);
            if (user.Role is not (Roles.Unit or Roles.Admin)) return Error(403, "只有填报单位和管理员可以新建绩效表", null);
            var (form, bad) = await ReadFormAsync(http);
            if (bad is not null) return bad;
            if (await UnitFor(user, form!, organisations) is not { } unit)
                return Error(403, $"实施单位“{form!.ImplementingUnit}”不是您的单位", "implementingUnit");
            form!.Source = new SourceRef("网页填报", null);
            var (id, created) = await store.ImportAsync(form, unit, user.Username!);
            if (!created) return Error(409, $"同样内容的表已经存在（编号 {id}）", null);
            return Results.Json(new { id, status = "draft", version = 1 }, statusCode: 201);
        }).DisableAntiforgery().WithSummary("新建绩效表（交换格式的 JSON），状态为草稿");

        app.MapPut("/api/forms/{id}", async (string id, HttpContext http, FormStore store, FormAccess access, OrganisationStore organisations) =>
        {
            var user = CurrentUser.From(http.User);
            if (user.IsPublic) return Error(401, "请先登录", null);
            if (await access.VisibleAsync(user, id, store) is not { } stored) return Error(404, FormAccess.NotFoundMessage(id), "id");
            if (user.Role is Roles.DepartmentReviewer or Roles.FinanceReviewer) return Error(403, "审核人员不能修改单位填报的内容；请退回并写明意见", null);
            if (stored.Status is not (FormStatus.Draft or FormStatus.Returned))
                return Error(403, $"表的状态是“{stored.Status.ToChinese()}”，已锁定，不能修改", "status");
            if (!int.TryParse(http.Request.Query["version"], out var version)) return Error(400, "请在地址中给出所依据的版本号 ?version=N", "version");
            var (form, bad) = await ReadFormAsync(http);
            if (bad is not null) return bad;
            if (form!.Kind != stored.Form.Kind) return Error(400, "不能改变表的类型", "kind");
            if (user.Role == Roles.Unit && await UnitFor(user, form, organisations) != stored.UnitId)
                return Error(403, "不能把表改到其他单位名下", "implementingUnit");
            form.Source = stored.Form.Source;
            var result = await store.UpdateAsync(stored.Id, version, form, user.Username!);
            return result.Saved ? Results.Json(new { id = stored.Id, status = stored.Status.ToCode(), version = result.CurrentVersion }) : Conflict(result);
        }).DisableAntiforgery().WithSummary("保存修改（?version= 所依据的版本）；草稿和退回的表才能修改");

        app.MapPost("/api/check", async (HttpContext http, ProfileCatalog profiles) =>
        {
            var (form, bad) = await ReadFormAsync(http, validate: false);
            if (bad is not null) return bad;
            var profile = ProfileFor(form!, profiles, http.Request.Query["profile"]);
            var result = new JsonObject
            {
                ["profile"] = profile.Id,
                ["findings"] = JsonNode.Parse(FindingsReport.RenderJson(Reviewer.Review(form!, profile))),
                ["problems"] = new JsonArray(FormValidation.Check(form!).Select(p => (JsonNode)new JsonObject { ["field"] = p.Field, ["message"] = p.Message }).ToArray()),
            };
            if (form is SelfEvaluation s) result["score"] = JsonNode.Parse(ScoreReport.RenderJson([Scorer.Score(s, profile)]))![0]!.DeepClone();
            return Results.Json(result, FormJson.Options);
        }).DisableAntiforgery().WithSummary("审核与评分（不保存）：编辑时实时显示审核发现和计分过程");

        app.MapPost("/api/forms/{id}/adjust", async (string id, HttpContext http, FormStore store, FormAccess access, OrganisationStore organisations) =>
        {
            var user = CurrentUser.From(http.User);
            if (user.IsPublic) return Error(401, "请先登录", null);
            if (await access.VisibleAsync(user, id, store) is not { } stored) return Error(404, FormAccess.NotFoundMessage(id), "id");
            if (user.Role is not (Roles.Unit or Roles.Admin)) return Error(403, "只有填报单位和管理员可以调整绩效目标", null);
            if (user.Role == Roles.Unit && !await access.InScope(user, stored)) return Error(403, "这张表不属于您的单位", null);
            if (stored.Form is not TargetDeclaration) return Error(400, "只有申报表可以调整", "id");
            if (stored.Status is not (FormStatus.Approved or FormStatus.Published)) return Error(403, "审核通过的申报表才需要调整；未通过的表请直接修改", "status");
            // The approved form stays as it is, locked, with its history; the adjustment is a new form that goes
            // through the workflow again.
            var adjusted = stored.Form;
            adjusted.Revision = (adjusted.Revision ?? 0) + 1;
            adjusted.Source = new SourceRef($"调整自第 {stored.Id} 号表", null);
            var (newId, created) = await store.ImportAsync(adjusted, stored.UnitId, user.Username!);
            if (!created) return Error(409, $"这张表已有第 {adjusted.Revision} 次调整（编号 {newId}）", null);
            return Results.Json(new { id = newId, status = "draft", version = 1, revision = adjusted.Revision }, statusCode: 201);
        }).DisableAntiforgery().WithSummary("调整：为审核通过的申报表建立新的一版（原表保留、锁定）");

        app.MapPost("/api/forms/{id}/self-evaluation", async (string id, HttpContext http, FormStore store, FormAccess access, ProfileCatalog profiles) =>
        {
            var user = CurrentUser.From(http.User);
            if (user.IsPublic) return Error(401, "请先登录", null);
            if (await access.VisibleAsync(user, id, store) is not { } stored) return Error(404, FormAccess.NotFoundMessage(id), "id");
            if (user.Role is not (Roles.Unit or Roles.Admin)) return Error(403, "只有填报单位和管理员可以建立自评表", null);
            if (stored.Form is not TargetDeclaration declaration) return Error(400, "只能从申报表建立自评表", "id");
            if (stored.Status is not (FormStatus.Approved or FormStatus.Published)) return Error(403, "申报表审核通过后才能建立自评表", "status");
            var evaluation = SelfEvaluationDraft.From(declaration, ProfileFor(declaration, profiles, null));
            var (newId, created) = await store.ImportAsync(evaluation, stored.UnitId, user.Username!);
            if (!created) return Error(409, $"这张申报表的自评表已经建立（编号 {newId}）", null);
            return Results.Json(new { id = newId, status = "draft", version = 1 }, statusCode: 201);
        }).DisableAntiforgery().WithSummary("为审核通过的申报表建立自评表草稿：带出指标，按评分方案建议分值");
    }

    private static ScoringProfile ProfileFor(PerformanceForm f, ProfileCatalog profiles, string? requested) =>
        !string.IsNullOrEmpty(requested) && profiles.TryGet(requested, out var p) ? p! : profiles.ForForm(f);

    private static async Task<long?> UnitFor(CurrentUser user, PerformanceForm form, OrganisationStore organisations)
    {
        if (user.Role == Roles.Admin) return await organisations.EnsureUnitAsync(form.Department, form.ImplementingUnit);
        if (user.OrganisationId is not { } org) return null;
        var own = (await organisations.AllAsync()).FirstOrDefault(o => o.Id == org && o.Kind == "unit");
        return own is not null && own.Name == form.ImplementingUnit ? own.Id : null;
    }

    /// <summary>The form in the request body, or a 400 naming the field that is wrong.</summary>
    private static async Task<(PerformanceForm?, IResult?)> ReadFormAsync(HttpContext http, bool validate = true)
    {
        if (http.Request.ContentLength > 2 * 1024 * 1024) return (null, Error(413, "请求内容超过 2 MB", null));
        string body;
        using (var reader = new StreamReader(http.Request.Body)) body = await reader.ReadToEndAsync();
        PerformanceForm form;
        try { form = FormJsonReader.Parse(body); }
        catch (FormJsonException ex) { return (null, Error(400, ex.Message, ex.Path)); }
        if (validate && FormValidation.Check(form) is { Count: > 0 } problems)
            return (null, Results.Json(new { error = problems[0].Message, field = problems[0].Field, problems }, statusCode: 400));
        return (form, null);
    }
}

/// <summary>A 自评表 draft from an approved declaration: same project and indicators, weights suggested by the profile.</summary>
public static class SelfEvaluationDraft
{
    public static SelfEvaluation From(TargetDeclaration d, ScoringProfile profile)
    {
        var s = new SelfEvaluation
        {
            Year = d.Year,
            ProjectName = d.ProjectName,
            Department = d.Department,
            ImplementingUnit = d.ImplementingUnit,
            ExpectedGoal = d.AnnualGoal,
            Source = new SourceRef("由申报表生成", null),
        };
        s.Funds.Unit = MoneyUnit.WanYuan;
        s.Funds.Rows.Add(new FundRow { Label = "年度资金总额", Weight = profile.ExecutionWeight + 0.00m });
        foreach (var label in new[] { "其中：当年财政拨款", "上年结转资金", "其他资金" }) s.Funds.Rows.Add(new FundRow { Label = label });
        // The profile's default split over 一级 (产出 50, 效益 30, 满意度 10), rescaled to the 一级 the declaration
        // has; a 一级 with no default (成本指标) gets an equal share first. Within a 一级 the share is split equally,
        // in whole hundredths, and the rounding remainder goes to the first rows so the sum is exact.
        var indicatorTotal = 100m - profile.ExecutionWeight;
        var levels = d.Indicators.Select(i => i.Level1 ?? "").Distinct().ToList();
        var unknown = levels.Where(l => !profile.Level1Weights.ContainsKey(l)).ToList();
        var unknownShare = levels.Count == 0 ? 0 : indicatorTotal / levels.Count;
        var knownDefaults = levels.Where(l => profile.Level1Weights.ContainsKey(l)).ToDictionary(l => l, l => profile.Level1Weights[l]);
        var knownTotal = indicatorTotal - unknownShare * unknown.Count;
        var share = levels.ToDictionary(l => l, l => knownDefaults.TryGetValue(l, out var w)
            ? knownTotal * w / knownDefaults.Values.Sum()
            : unknownShare);
        var rowsPerLevel = d.Indicators.GroupBy(i => i.Level1 ?? "").ToDictionary(g => g.Key, g => g.Count());
        var weights = d.Indicators.Select(i => Math.Floor(share[i.Level1 ?? ""] / rowsPerLevel[i.Level1 ?? ""] * 100m) / 100m).ToList();
        var rest = indicatorTotal - weights.Sum();
        for (int k = 0; rest > 0 && weights.Count > 0; k = (k + 1) % weights.Count, rest -= 0.01m) weights[k] += 0.01m;
        for (int k = 0; k < d.Indicators.Count; k++)
        {
            var i = d.Indicators[k];
            // + 0.00m gives the figure two decimal places, as forms print weights (25.00, not 25).
            s.Indicators.Add(new Indicator { Level1 = i.Level1, Level2 = i.Level2, Name = i.Name, Target = i.Target, Weight = weights[k] + 0.00m });
        }
        s.TotalWeight = 100.00m;
        return s;
    }
}
