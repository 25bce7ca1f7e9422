using Jixiao.Core.Access;
using Jixiao.Core.Entry;
using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;
using Jixiao.Core.Workflow;
using Jixiao.Core.Interchange;
using Jixiao.Formats.Profiles;
using Jixiao.Formats.Reports;
using Jixiao.Storage;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Forms;

/// <summary>
/// Creating and editing forms through the API the editor pages use. Saves carry the version they were based on; a
/// stale save is refused with the changes made meanwhile. A self-evaluation made from a declaration is bound to it
/// (<see cref="BoundEvaluation"/>): its indicators and computed figures are the record's, not the sender's.
/// `POST /api/check` scores and reviews a form as it is being typed, without saving.
/// </summary>
public static class EditEndpoints
{
    public const string CheckRateLimit = "check";

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/forms", (HttpContext http, FormStore store, FormAccess access, OrganisationStore organisations) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Api.Error(401, "请先登录");
            var form = await ReadFormAsync(http);
            form.Source = new SourceRef("网页填报", null);
            form.Complete = true;
            form.Warnings.Clear();
            form.Revision = null;
            if (form.Kind == FormKind.TargetDeclaration && FormValidation.Check(form) is { Count: > 0 } problems) throw Api.Invalid(problems);
            var unit = await UnitForAsync(user, form, organisations);
            var decision = await access.DecideNewAsync(user, FormAction.Create, form.Kind, unit);
            if (!decision.Allowed)
                return form.Kind == FormKind.SelfEvaluation
                    ? Api.Error(400, "自评表须从审核通过的申报表建立（申报表页面的“建立自评表”），或导入已有的自评表文件", "kind")
                    : form.Kind == FormKind.Monitoring
                    ? Api.Error(400, "监控表由财政部门开展的运行监控建立（每张审核通过的申报表一张），或导入已有的监控表文件", "kind")
                    : Api.Error(403, unit is null ? $"实施单位“{form.ImplementingUnit}”不是您的单位" : decision.Refusal!, "implementingUnit");
            var (id, created) = await store.ImportAsync(form, unit, user.Username!);
            if (!created) return Api.Error(409, $"同样内容的表已经存在（编号 {id}）");
            return Api.Json(new SavedForm(id, FormStatus.Draft.ToCode(), 1), 201);
        })).WithSummary("新建申报表（交换格式的 JSON），状态为草稿")
            .Accepts<StoredFormDocument>("application/json").Produces<SavedForm>(201).Produces<ApiError>(400);

        app.MapPut("/api/forms/{id}", (string id, HttpContext http, FormStore store, FormAccess access, OrganisationStore organisations,
            ProfileCatalog profiles) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            var stored = await access.RequireAsync(user, id, FormAction.Edit, store);
            if (!int.TryParse(http.Request.Query["version"], out var version)) return Api.Error(400, "请在地址中给出所依据的版本号 ?version=N", "version");
            var form = await ReadFormAsync(http);
            if (form.Kind != stored.Form.Kind) return Api.Error(400, "不能改变表的类型", "kind");
            if (user.Role == Role.Unit && stored.DeclarationId is null && await UnitForAsync(user, form, organisations) != stored.UnitId)
                return Api.Error(403, $"实施单位“{form.ImplementingUnit}”不是您的单位：不能把表改到其他单位名下", "implementingUnit");
            var (record, problems) = await RecordAsync(form, stored, store, profiles);
            if (problems.Count > 0) throw Api.Invalid(problems);
            var result = await store.UpdateAsync(stored.Id, version, record, user.Username!);
            return result.Saved ? Api.Json(new SavedForm(stored.Id, stored.Status.ToCode(), result.CurrentVersion)) : throw Api.Conflict(result);
        })).WithSummary("保存修改（?version= 所依据的版本）；草稿和退回的表才能修改；服务器计算和所有的字段不取自请求")
            .Accepts<StoredFormDocument>("application/json").Produces<SavedForm>().Produces<ApiError>(400).Produces<ApiError>(409);

        app.MapPost("/api/check", (HttpContext http, FormStore store, FormAccess access, ProfileCatalog profiles, Library.LibraryWork library) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Api.Error(401, "请先登录");
            var form = await ReadFormAsync(http);
            var stored = http.Request.Query["form"].FirstOrDefault() is { Length: > 0 } formId
                ? await access.RequireAsync(user, formId, FormAction.View, store) : null;
            var (record, problems) = stored is null ? (form, new List<FieldProblem>()) : await RecordAsync(form, stored, store, profiles);
            if (stored is null) problems.AddRange(FormValidation.Check(form));
            var profile = ProfileFor(record, profiles, http.Request.Query["profile"]);
            var forecast = (await store.ForecastForAsync(record, stored?.DeclarationId))?.Form;
            // A new form is the unit's own: its history is that of the person's unit.
            var unitOfForm = stored is null ? (user.Role == Role.Unit ? user.OrganisationId : null) : stored.UnitId;
            var ambition = await AmbitionSnapshots.ForAsync(record, unitOfForm, store);
            // 推荐指标: last year's rows of the same project that the declaration has not yet, then the library's entries
            // ranked by the words they share with its name and 项目类别 and by their use (LibrarySuggestions).
            List<SuggestionDocument>? suggestions = null;
            if (record is TargetDeclaration td)
            {
                var lastYear = td.Year is { } year && unitOfForm is { } unitId ? RowSuggestions.FromLastYear(td, await store.UnitHistoryAsync(unitId, year, 1)) : [];
                var fromLibrary = await library.SuggestAsync(user, td, unitOfForm);
                suggestions = lastYear.Concat(fromLibrary.Where(l => !lastYear.Any(y => IndicatorKey.Of(y.Level1, y.Level2, y.Name) == IndicatorKey.Of(l.Level1, l.Level2, l.Name))))
                    .Select(SuggestionDocument.Of).ToList();
            }
            return Api.Json(new CheckResponse(profile.Id,
                Gate.Findings(record, profile, forecast, ambition).Select(FindingDocument.Of).ToList(),
                problems,
                record is SelfEvaluation s ? ScoreSheetDocument.Of(Scorer.Score(s, profile)) : null,
                stored?.DeclarationId is not null ? FormJson.ToDocument(record) : null,
                record is MonitoringForm m ? MonitoringSheetDocument.Of(MonitoringAssessor.Assess(m, profile)) : null,
                ambition is null ? null : RowContext.Of(record, ambition), suggestions));
        })).RequireRateLimiting(CheckRateLimit)
            .WithSummary("审核与计分（不保存）：编辑时实时显示审核发现、计分过程和将要保存的记录；?form= 编号使自评表按其申报表计算")
            .Accepts<StoredFormDocument>("application/json").Produces<CheckResponse>().Produces<ApiError>(429);

        app.MapPost("/api/forms/{id}/adjust", (string id, HttpContext http, FormStore store, FormAccess access) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            var stored = await access.RequireAsync(user, id, FormAction.Adjust, store);
            await Api.ReadAsync<EmptyRequest>(http);
            if ((await store.DerivedFromAsync(stored.Id)).FirstOrDefault(f => f.AdjustsId == stored.Id) is { } existing)
                return Api.Error(409, $"这张表已有调整（编号 {existing.Id}，{existing.Status.ToChinese()}），请在那一版上继续");
            // The approved form stays as it is, locked, with its history; the adjustment is a copy that goes through
            // the workflow again.
            var adjusted = Adjustment.Of((TargetDeclaration)stored.Form, $"调整自第 {stored.Id} 号表");
            var (newId, created) = await store.ImportAsync(adjusted, stored.UnitId, user.Username!, null, stored.Id);
            if (!created) return Api.Error(409, $"这张表已有第 {adjusted.Revision} 次调整（编号 {newId}）");
            return Api.Json(new SavedForm(newId, FormStatus.Draft.ToCode(), 1, adjusted.Revision), 201);
        })).WithSummary("调整：为审核通过的申报表建立新的一版（原表保留、锁定）；请求体为 {}")
            .Accepts<EmptyRequest>("application/json").Produces<SavedForm>(201).Produces<ApiError>(409);

        app.MapPost("/api/forms/{id}/self-evaluation", (string id, HttpContext http, FormStore store, FormAccess access, ProfileCatalog profiles) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            var stored = await access.RequireAsync(user, id, FormAction.SelfEvaluate, store);
            await Api.ReadAsync<EmptyRequest>(http);
            var declaration = (TargetDeclaration)stored.Form;
            if ((await store.DerivedFromAsync(stored.Id)).FirstOrDefault(f => f.DeclarationId == stored.Id && f.Form is SelfEvaluation) is { } existing)
                return Api.Error(409, $"这张申报表的自评表已经建立（编号 {existing.Id}）");
            var evaluation = BoundEvaluation.Draft(declaration, profiles.ForForm(declaration));
            evaluation.Source = new SourceRef($"由第 {stored.Id} 号申报表建立", null);
            var (newId, created) = await store.ImportAsync(evaluation, stored.UnitId, user.Username!, stored.Id, null);
            if (!created) return Api.Error(409, $"这张申报表的自评表已经建立（编号 {newId}）");
            return Api.Json(new SavedForm(newId, FormStatus.Draft.ToCode(), 1), 201);
        })).WithSummary("为审核通过的申报表建立自评表草稿：指标、年初预算数取自申报表，分值按评分方案建议；请求体为 {}")
            .Accepts<EmptyRequest>("application/json").Produces<SavedForm>(201).Produces<ApiError>(409);
    }

    private static ScoringProfile ProfileFor(PerformanceForm f, ProfileCatalog profiles, string? requested) =>
        !string.IsNullOrEmpty(requested) && profiles.TryGet(requested, out var p) ? ProfileSelector.Forced(f, p!) : profiles.ForForm(f);

    /// <summary>
    /// What will be stored for an edit: the sent form with the server-owned fields (where it came from, completeness,
    /// import warnings, revision, 复核分) kept from the stored one; a bound self-evaluation computed against its
    /// declaration. The problems are everything that stops the save.
    /// </summary>
    internal static async Task<(PerformanceForm Record, List<FieldProblem> Problems)> RecordAsync(PerformanceForm sent, StoredForm stored,
        FormStore store, ProfileCatalog profiles)
    {
        sent.Source = stored.Form.Source;
        sent.Complete = stored.Form.Complete;
        sent.Revision = stored.Form.Revision;
        sent.Warnings.Clear();
        sent.Warnings.AddRange(stored.Form.Warnings);
        if (sent is SelfEvaluation s) s.ReviewScore = ((SelfEvaluation)stored.Form).ReviewScore;
        var problems = new List<FieldProblem>();
        PerformanceForm record = sent;
        if (stored.DeclarationId is { } declarationId && await store.GetAsync(declarationId) is { Form: TargetDeclaration declaration })
        {
            switch (sent)
            {
                case SelfEvaluation entered:
                    var result = BoundEvaluation.Apply(entered, declaration, profiles.ForForm(declaration));
                    record = result.Record;
                    problems.AddRange(result.Problems);
                    break;
                case MonitoringForm monitoring:
                    // The period is the round's, kept from the stored form whatever was sent.
                    var entry = BoundMonitoring.Apply(monitoring, declaration, ((MonitoringForm)stored.Form).Period, profiles.ForForm(declaration));
                    record = entry.Record;
                    record.Source = stored.Form.Source;
                    problems.AddRange(entry.Problems);
                    break;
            }
        }
        // A monitoring form's 执行率 is computed on every save, bound or imported: what was sent for it is not kept.
        if (record is MonitoringForm edited)
            foreach (var row in edited.Funds.Rows) row.ExecutionRate = MonitoringAssessor.ExecutionRate(row, profiles.ForForm(edited));
        problems.AddRange(FormValidation.Check(record).Where(p => !problems.Any(q => q.Field == p.Field)));
        return (record, problems);
    }

    private static async Task<long?> UnitForAsync(CurrentUser user, PerformanceForm form, OrganisationStore organisations)
    {
        if (user.Role == Role.Admin) return await organisations.EnsureUnitAsync(form.Department, form.ImplementingUnit);
        if (user.OrganisationId is not { } org) return null;
        var own = (await organisations.AllAsync()).FirstOrDefault(o => o.Id == org && o.Kind == "unit");
        return own is not null && own.Name == form.ImplementingUnit ? own.Id : null;
    }

    /// <summary>The form in the request body, read strictly; a 400 naming every field that is wrong otherwise.</summary>
    private static async Task<PerformanceForm> ReadFormAsync(HttpContext http)
    {
        var doc = await Api.ReadAsync<StoredFormDocument>(http);
        var (form, problems) = FormJsonReader.ReadStrict(doc);
        if (problems.Count > 0) throw Api.Invalid(problems);
        return form!;
    }
}
