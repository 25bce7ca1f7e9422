using System.Text.Json.Nodes;
using Jixiao.Formats.Json;
using Jixiao.Storage;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Forms;

public static class WorkflowEndpoints
{
    public sealed record TransitionRequest(string? Action, int? Version, string? Reason);

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/forms/{id}/transitions", async (string id, TransitionRequest? body, HttpContext http, FormStore store,
            FormAccess access, OrganisationStore organisations) =>
        {
            var user = CurrentUser.From(http.User);
            if (user.IsPublic) return Error(401, "请先登录", null);
            if (!long.TryParse(id, out var formId)) return Error(404, $"没有编号为 {id} 的绩效表，或您无权查看", "id");
            var form = await store.GetAsync(formId);
            if (form is null || !await access.CanSeeAsync(user, form)) return Error(404, $"没有编号为 {id} 的绩效表，或您无权查看", "id");
            if (body?.Action is null || Workflow.All.FirstOrDefault(t => t.Action == body.Action) is not { } transition)
                return Error(400, $"action 应为 {string.Join("、", Workflow.All.Select(t => t.Action))} 之一", "action");
            if (body.Version is not { } version) return Error(400, "请给出表的版本号 version（防止覆盖他人的修改）", "version");
            if (body.Reason is { Length: > 2000 }) return Error(400, "理由不能超过 2000 字", "reason");
            var inScope = user.OrganisationId is { } org && form.UnitId is { } unit && (await organisations.UnitsUnderAsync(org)).Contains(unit);
            if (Workflow.Refusal(user, transition, form.Status, inScope, body.Reason) is { } refusal) return Error(403, refusal, "action");
            var result = await store.ChangeStatusAsync(formId, version, transition.To, user.Username!, body.Reason?.Trim());
            if (!result.Saved) return Conflict(result);
            return Results.Json(new { id = formId, status = transition.To.ToCode(), version = result.CurrentVersion });
        }).DisableAntiforgery().WithSummary("审核流程：submit 提交、return 退回（须写理由）、approve 审核通过、publish 公开");

        app.MapGet("/api/forms/{id}/history", async (string id, HttpContext http, FormStore store, FormAccess access) =>
        {
            var user = CurrentUser.From(http.User);
            if (user.IsPublic) return Error(401, "请先登录", null);
            var form = long.TryParse(id, out var n) ? await store.GetAsync(n) : null;
            if (form is null || !await access.CanSeeAsync(user, form)) return Error(404, $"没有编号为 {id} 的绩效表，或您无权查看", "id");
            var history = await store.HistoryAsync(n);
            return Results.Json(history.Select(Entry), FormJson.Options);
        }).WithSummary("一张表的修改与状态变更记录：谁、何时、字段的旧值和新值、理由");
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
