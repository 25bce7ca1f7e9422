using System.Text.Json;
using Jixiao.Core.Access;
using Jixiao.Core.Entry;
using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Core.Workflow;
using Jixiao.Formats.Profiles;
using Jixiao.Formats.Reports;
using Jixiao.Storage;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Forms;

/// <summary>
/// The review workflow over the API and the pages alike: who may move which form is the table's
/// (<see cref="Permissions"/>); where it goes is <see cref="Transitions"/>'; whether its findings let it go is the
/// <see cref="Gate"/>'s. A refused transition changes nothing and says why, with the findings and their rows.
/// </summary>
public static class WorkflowEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/api/forms/{id}/transitions", (string id, HttpContext http, FormStore store, FormAccess access, ProfileCatalog profiles) => Api.Run(async () =>
        {
            var body = await Api.ReadAsync<TransitionRequest>(http);
            return Api.Json(await ApplyAsync(CurrentUser.From(http), id, body, store, access, profiles));
        })).WithSummary("审核流程：submit 提交（有警告须写 acknowledgement）、return 退回（须写理由）、approve 审核通过（主管部门，再财政）、publish 公开；有错误的表不能提交、通过或公开")
            .Accepts<TransitionRequest>("application/json").Produces<TransitionResponse>().Produces<ApiError>(403).Produces<ApiError>(409).Produces<ApiError>(422);

        app.MapPost("/api/forms/{id}/review-score", (string id, HttpContext http, FormStore store, FormAccess access) => Api.Run(async () =>
        {
            var body = await Api.ReadAsync<ReviewScoreRequest>(http);
            return Api.Json(await RecordReviewScoreAsync(CurrentUser.From(http), id, body, store, access));
        })).WithSummary("复核分：主管部门或财政审核人员在自评表上记录复核得分（0–100，最多两位小数）")
            .Accepts<ReviewScoreRequest>("application/json").Produces<TransitionResponse>().Produces<ApiError>(400);

        app.MapGet("/api/forms/{id}/history", (string id, HttpContext http, FormStore store, FormAccess access, Accounts.ActorNames actors) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Api.Error(401, "请先登录");
            var form = await access.RequireAsync(user, id, FormAction.View, store);
            var history = await store.HistoryAsync(form.Id);
            var names = await actors.ForAsync(history);
            return Api.Json(new HistoryView(form, history).Entries.Select(e => e with { ActorName = names.GetValueOrDefault(e.Actor) }).ToList());
        })).WithSummary("一张表的修改与状态变更记录：谁（用户名 actor、姓名 actorName）、何时、字段（路径与中文名 label）、旧值和新值、中文说明 summary（行从 1 起，系统计算的标为 computed）、理由")
            .Produces<List<HistoryEntry>>();

        app.MapPost("/api/forms/{id}/comments/{commentId}/addressed", (string id, string commentId, HttpContext http, FormStore store, FormAccess access) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            var form = await access.RequireAsync(user, id, FormAction.AddressComment, store);
            var body = await Api.ReadAsync<AddressedRequest>(http);
            var missing = Api.Fail(404, $"这张表没有编号为 {commentId} 的退回意见", "commentId");
            if (!long.TryParse(commentId, out var comment) || comment <= 0) throw missing;
            switch (await store.MarkCommentAsync(form.Id, comment, body.Addressed, user.Username!))
            {
                case MarkOutcome.NoSuchComment: throw missing;
                case MarkOutcome.EarlierReturn: throw Api.Fail(409, "这条意见属于较早的一次退回，单位已重新提交过；只能标记最近一次退回的意见", "commentId");
                case MarkOutcome.NotReturned: throw Api.Fail(409, "这张表已不是“已退回”状态，不能再标记退回意见", "status");
            }
            var marked = new HistoryView(form, await store.HistoryAsync(form.Id)).Comment(comment) ?? throw missing;
            return Api.Json(marked.ToDocument());
        })).WithSummary("单位标记一条退回意见已处理（或改回未处理）：只在表“已退回”时、只对最近一次退回的意见；审核人员在表的页面上看到哪些已处理")
            .Accepts<AddressedRequest>("application/json").Produces<ReturnCommentDocument>().Produces<ApiError>(403).Produces<ApiError>(404).Produces<ApiError>(409);
    }

    /// <summary>
    /// One transition, for the API and the pages alike: who, which form, which state, which version, which findings.
    /// A refusal is thrown as <see cref="ApiRefusal"/> and nothing has changed.
    /// </summary>
    public static async Task<TransitionResponse> ApplyAsync(CurrentUser user, string id, TransitionRequest body, FormStore store, FormAccess access, ProfileCatalog profiles)
    {
        if (FormActions.FromCode(body.Action) is not { } action || !FormActions.Transitions.Contains(action))
            throw Api.Fail(400, $"action 应为 {string.Join("、", FormActions.Transitions.Select(t => t.ToCode()))} 之一", "action");
        var form = await access.RequireAsync(user, id, action, store);
        if (body.Reason is { Length: > FormValidation.MaxReason }) throw Api.Fail(400, $"理由不能超过 {FormValidation.MaxReason} 字", "reason");
        if (Transitions.NeedsReason(action) && string.IsNullOrWhiteSpace(body.Reason)) throw Api.Fail(400, $"“{action.ToChinese()}”须写明理由", "reason");
        var rowComments = new List<(int, string)>();
        foreach (var c in body.Comments ?? [])
        {
            if (string.IsNullOrWhiteSpace(c.Text)) continue;
            if (action != FormAction.Return) throw Api.Fail(400, "逐行意见只能随“退回”填写", "comments");
            if (c.Row is not { } r || r < 1 || r > form.Form.Indicators.Count)
                throw Api.Fail(400, $"第 {c.Row} 行不存在（这张表有 {form.Form.Indicators.Count} 行指标，从第 1 行起）", "comments");
            if (c.Text.Length > FormValidation.MaxReason) throw Api.Fail(400, $"每条逐行意见不能超过 {FormValidation.MaxReason} 字", "comments");
            rowComments.Add((r - 1, c.Text.Trim()));
        }

        var profile = profiles.ForForm(form.Form);
        // A self-evaluation is also held to what its project's monitoring forecast (全年预计) said.
        var forecast = (await store.ForecastForAsync(form.Form, form.DeclarationId))?.Form;
        var ambition = await AmbitionSnapshots.ForAsync(form.Form, form.UnitId, store);
        var gate = Gate.For(action, form.Form, profile, forecast, ambition);
        if (!gate.Passes)
            throw new ApiRefusal(422, new ApiError(
                $"这张表有 {gate.Blocking.Count} 个错误，不能“{action.ToChinese()}”。请先改正：{string.Join("；", gate.Blocking.Take(3).Select(Describe))}{(gate.Blocking.Count > 3 ? "……" : "")}",
                "findings", Findings: gate.Blocking.Select(FindingDocument.Of).ToList()));
        Acknowledgement? acknowledgement = null;
        if (gate.ToAcknowledge.Count > 0)
        {
            if (string.IsNullOrWhiteSpace(body.Acknowledgement))
                throw new ApiRefusal(422, new ApiError(
                    $"这张表有 {gate.ToAcknowledge.Count} 个警告。提交前请逐一看过，并在 acknowledgement 中写明为何仍要提交（审核人员会看到）。",
                    "acknowledgement", Findings: gate.ToAcknowledge.Select(FindingDocument.Of).ToList()));
            if (body.Acknowledgement.Length > FormValidation.MaxReason) throw Api.Fail(400, $"确认理由不能超过 {FormValidation.MaxReason} 字", "acknowledgement");
            acknowledgement = new Acknowledgement(body.Acknowledgement.Trim(),
                JsonSerializer.Serialize(gate.ToAcknowledge.Select(FindingDocument.Of).ToList(), ReportJson.Options));
        }

        var next = Transitions.Next(action, form.Status, profile.FinanceStage);
        var result = await store.ChangeStatusAsync(form.Id, body.Version, next, user.Username!, body.Reason?.Trim(), rowComments, acknowledgement);
        if (!result.Saved) throw Api.Conflict(result);
        if (next == FormStatus.Approved && form.Form is TargetDeclaration adjusted && form.AdjustsId is { } previous)
            await RebindAsync(previous, form.Id, adjusted, user, store, profiles);
        return new TransitionResponse(form.Id, next.ToCode(), result.CurrentVersion);
    }

    static string Describe(Finding f) => (f.Row is { } r ? $"第 {r} 行" : "") + f.Message;

    /// <summary>
    /// An approved 调整 takes the place of the declaration before it: self-evaluations and monitoring forms still being
    /// filled in from that one follow the new indicators (what was entered for the same rows is kept), and say so in their history.
    /// </summary>
    static async Task RebindAsync(long previousId, long adjustedId, TargetDeclaration adjusted, CurrentUser user, FormStore store, ProfileCatalog profiles)
    {
        foreach (var evaluation in await store.DerivedFromAsync(previousId))
        {
            if (evaluation.DeclarationId != previousId || evaluation.Status is not (FormStatus.Draft or FormStatus.Returned)) continue;
            PerformanceForm record = evaluation.Form switch
            {
                SelfEvaluation s => BoundEvaluation.Rebind(s, adjusted, profiles.ForForm(adjusted)),
                MonitoringForm m => BoundMonitoring.Rebind(m, adjusted, profiles.ForForm(adjusted)),
                _ => evaluation.Form,
            };
            if (ReferenceEquals(record, evaluation.Form)) continue;
            await store.UpdateAsync(evaluation.Id, evaluation.Version, record, user.Username!,
                $"申报表第 {adjusted.Revision} 次调整（编号 {adjustedId}）审核通过，指标随之更新", adjustedId);
        }
    }

    /// <summary>A reviewer's 复核分 on a self-evaluation under review; recorded in the history like any edit.</summary>
    public static async Task<TransitionResponse> RecordReviewScoreAsync(CurrentUser user, string id, ReviewScoreRequest body, FormStore store, FormAccess access)
    {
        var form = await access.RequireAsync(user, id, FormAction.ReviewScore, store);
        if (body.Score is < 0 or > 100 || decimal.Round(body.Score, 2) != body.Score)
            throw Api.Fail(400, $"复核分 {body.Score} 应为 0–100 之间、最多两位小数的数字", "score");
        var evaluation = (SelfEvaluation)form.Form;
        evaluation.ReviewScore = body.Score;
        var result = await store.UpdateAsync(form.Id, body.Version, evaluation, user.Username!);
        return result.Saved ? new TransitionResponse(form.Id, form.Status.ToCode(), result.CurrentVersion) : throw Api.Conflict(result);
    }
}
