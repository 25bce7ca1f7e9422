using System.Text.Json.Nodes;
using Jixiao.Formats.Json;
using Jixiao.Storage;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Forms;

public static class WorkflowEndpoints
{
    public sealed record RowComment(int? Row, string? Text);
    public sealed record TransitionRequest(string? Action, int? Version, string? Reason, RowComment[]? Comments = null);
    public sealed record ReviewScoreRequest(string? Score, int? Version);

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/forms/{id}/transitions", async (string id, TransitionRequest? body, HttpContext http, FormStore store,
            FormAccess access, OrganisationStore organisations) =>
        {
            var outcome = await ApplyAsync(CurrentUser.From(http.User), id, body?.Action, body?.Version, body?.Reason, store, access, organisations,
                body?.Comments?.Select(c => (c.Row, c.Text)).ToList());
            if (outcome.Conflict is { } c) return Conflict(c);
            if (outcome.Error is { } e) return Error(outcome.Status, e, outcome.Field);
            return Results.Json(new { id = outcome.Id, status = outcome.NewStatus!.Value.ToCode(), version = outcome.Version });
        }).DisableAntiforgery().WithSummary("审核流程：submit 提交、return 退回（须写理由）、approve 审核通过、publish 公开");

        app.MapPost("/api/forms/{id}/review-score", async (string id, ReviewScoreRequest? body, HttpContext http, FormStore store,
            FormAccess access, OrganisationStore organisations) =>
        {
            var outcome = await RecordReviewScoreAsync(CurrentUser.From(http.User), id, body?.Score, body?.Version, store, access, organisations);
            if (outcome.Conflict is { } c) return Conflict(c);
            if (outcome.Error is { } e) return Error(outcome.Status, e, outcome.Field);
            return Results.Json(new { id = outcome.Id, version = outcome.Version });
        }).DisableAntiforgery().WithSummary("复核分：主管部门或财政审核人员在自评表上记录复核得分（score 为 0–100 的数字，写成文字以保留小数位）");

        app.MapGet("/api/forms/{id}/history", async (string id, HttpContext http, FormStore store, FormAccess access) =>
        {
            var user = CurrentUser.From(http.User);
            if (user.IsPublic) return Error(401, "请先登录", null);
            if (await access.VisibleAsync(user, id, store) is not { } form) return Error(404, FormAccess.NotFoundMessage(id), "id");
            var history = await store.HistoryAsync(form.Id);
            return Results.Json(history.Select(Entry), FormJson.Options);
        }).WithSummary("一张表的修改与状态变更记录：谁、何时、字段的旧值和新值、理由");
    }

    public sealed record Outcome(int Status, string? Error, string? Field, long Id, FormStatus? NewStatus, int Version, UpdateResult? Conflict);

    /// <summary>One transition, for the API and the pages alike: checks who, which form, which state, which version.</summary>
    public static async Task<Outcome> ApplyAsync(CurrentUser user, string id, string? action, int? version, string? reason,
        FormStore store, FormAccess access, OrganisationStore organisations, IReadOnlyList<(int? Row, string? Text)>? comments = null)
    {
        Outcome Fail(int status, string message, string? field) => new(status, message, field, 0, null, 0, null);
        if (user.IsPublic) return Fail(401, "请先登录", null);
        if (await access.VisibleAsync(user, id, store) is not { } form) return Fail(404, FormAccess.NotFoundMessage(id), "id");
        var formId = form.Id;
        if (action is null || Workflow.All.FirstOrDefault(t => t.Action == action) is not { } transition)
            return Fail(400, $"action 应为 {string.Join("、", Workflow.All.Select(t => t.Action))} 之一", "action");
        if (version is not { } v) return Fail(400, "请给出表的版本号 version（防止覆盖他人的修改）", "version");
        if (reason is { Length: > 2000 }) return Fail(400, "理由不能超过 2000 字", "reason");
        var inScope = await access.InScope(user, form);
        if (Workflow.Refusal(user, transition, form.Status, inScope, reason) is { } refusal) return Fail(403, refusal, "action");
        // Row comments go with a return: they say what to fix where.
        var rowComments = new List<(int, string)>();
        foreach (var (row, text) in comments ?? [])
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (transition.Action != "return") return Fail(400, "逐行意见只能随“退回”填写", "comments");
            if (row is not { } r || r < 0 || r >= form.Form.Indicators.Count) return Fail(400, $"第 {row} 行不存在（这张表有 {form.Form.Indicators.Count} 行指标）", "comments");
            if (text.Length > 2000) return Fail(400, "每条逐行意见不能超过 2000 字", "comments");
            rowComments.Add((r, text.Trim()));
        }
        var result = await store.ChangeStatusAsync(formId, v, transition.To, user.Username!, reason?.Trim(), rowComments);
        return result.Saved
            ? new Outcome(200, null, null, formId, transition.To, result.CurrentVersion, null)
            : new Outcome(409, null, "version", formId, null, result.CurrentVersion, result);
    }

    /// <summary>A reviewer's 复核分 on a submitted or approved self-evaluation; recorded in the history like any edit.</summary>
    public static async Task<Outcome> RecordReviewScoreAsync(CurrentUser user, string id, string? score, int? version,
        FormStore store, FormAccess access, OrganisationStore organisations)
    {
        Outcome Fail(int status, string message, string? field) => new(status, message, field, 0, null, 0, null);
        if (user.IsPublic) return Fail(401, "请先登录", null);
        if (await access.VisibleAsync(user, id, store) is not { } form) return Fail(404, FormAccess.NotFoundMessage(id), "id");
        var formId = form.Id;
        if (user.Role is not (Accounts.Roles.DepartmentReviewer or Accounts.Roles.FinanceReviewer or Accounts.Roles.Admin))
            return Fail(403, "只有审核人员可以记录复核分", null);
        var inScope = await access.InScope(user, form);
        if (user.Role == Accounts.Roles.DepartmentReviewer && !inScope) return Fail(403, "这张表不属于您审核的单位", null);
        if (form.Form is not Jixiao.Core.Model.SelfEvaluation evaluation) return Fail(400, "复核分只记在自评表上", "id");
        if (form.Status is not (FormStatus.Submitted or FormStatus.Approved)) return Fail(403, $"表的状态是“{form.Status.ToChinese()}”，不能记录复核分", "status");
        if (!decimal.TryParse(score, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value is < 0 or > 100 || decimal.Round(value, 2) != value)
            return Fail(400, $"复核分“{score}”应为 0–100 之间、最多两位小数的数字", "score");
        if (version is not { } v) return Fail(400, "请给出表的版本号 version", "version");
        evaluation.ReviewScore = value;
        var result = await store.UpdateAsync(formId, v, evaluation, user.Username!);
        return result.Saved
            ? new Outcome(200, null, null, formId, form.Status, result.CurrentVersion, null)
            : new Outcome(409, null, "version", formId, null, result.CurrentVersion, result);
    }

    internal static JsonObject Entry(AuditEntry a) => new()
    {
        ["at"] = a.At.ToString("yyyy-MM-dd'T'HH:mm:ssK"),
        ["actor"] = a.Actor,
        ["action"] = a.Action,
        ["version"] = a.Version,
        ["field"] = a.Field,
        ["oldValue"] = a.OldValue,
        ["newValue"] = a.NewValue,
        ["reason"] = a.Reason,
    };

    internal static IResult Error(int status, string message, string? field) => Results.Json(new { error = message, field }, statusCode: status);

    /// <summary>Someone saved first: nothing was written; say so, and show what they changed.</summary>
    internal static IResult Conflict(UpdateResult r) => Results.Json(new JsonObject
    {
        ["error"] = $"这张表已被他人修改（当前为第 {r.CurrentVersion} 版），您的操作没有保存。请查看下列修改后重试。",
        ["field"] = "version",
        ["currentVersion"] = r.CurrentVersion,
        ["changes"] = new JsonArray(r.ChangesSince.Select(c => (JsonNode)Entry(c)).ToArray()),
    }, FormJson.Options, statusCode: 409);
}
