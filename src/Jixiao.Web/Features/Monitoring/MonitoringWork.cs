using System.Globalization;
using Jixiao.Core.Access;
using Jixiao.Core.Entry;
using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Workflow;
using Jixiao.Formats.Profiles;
using Jixiao.Storage;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>
/// 运行监控's actions for the API and the pages alike: open a round (its forms prefilled from each approved
/// declaration), a round's summary in the person's scope, the 整改 register, 暂缓拨款. Who may is the table's
/// (<see cref="Permissions"/>); a refusal is thrown as <see cref="ApiRefusal"/> and nothing has changed.
/// </summary>
public sealed class MonitoringWork(MonitoringStore monitoring, FormStore forms, FormAccess access, ProfileCatalog profiles, TimeProvider clock)
{
    public const int MaxNameLength = 50;

    DateOnly TodayDate => Today.In(clock);

    static DateOnly Day(string? text, string field, string label) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw Api.Fail(400, $"{label}“{text}”应为 yyyy-MM-dd 格式的日期", field);

    static void Require(CurrentUser user, FormAction action)
    {
        var d = Permissions.Decide(user.Role, action, null);
        if (!d.Allowed) throw user.IsPublic ? Api.Fail(401, "请先登录") : Api.Fail(403, d.Refusal ?? $"无权{action.ToChinese()}");
    }

    public async Task<RoundOpened> OpenRoundAsync(CurrentUser user, OpenRoundRequest body)
    {
        Require(user, FormAction.OpenRound);
        if (body.Year is < 1990 or > 2100) throw Api.Fail(400, "年度应为 1990–2100 之间的年份", "year");
        var periodEnd = Day(body.PeriodEnd, "periodEnd", "监控期末");
        if (periodEnd.Year != body.Year) throw Api.Fail(400, $"监控期末 {body.PeriodEnd} 不在 {body.Year} 年内", "periodEnd");
        if (periodEnd.Day != DateTime.DaysInMonth(periodEnd.Year, periodEnd.Month))
            throw Api.Fail(400, $"监控期末应为月末（监控数是 1 月至该月末的累计数），{body.PeriodEnd} 不是；{periodEnd.Month} 月的月末是 {periodEnd.Year}-{periodEnd.Month:00}-{DateTime.DaysInMonth(periodEnd.Year, periodEnd.Month):00}", "periodEnd");
        var deadline = Day(body.Deadline, "deadline", "报送截止日期");
        if (deadline <= periodEnd) throw Api.Fail(400, $"报送截止日期 {body.Deadline} 应在监控期末 {body.PeriodEnd} 之后（数据要到期末才有）", "deadline");
        var name = string.IsNullOrWhiteSpace(body.Name) ? null : body.Name.Trim();
        if (name is { Length: > MaxNameLength }) throw Api.Fail(400, $"名称不能超过 {MaxNameLength} 字", "name");

        var inForce = await monitoring.DeclarationsInForceAsync(body.Year);
        var chosen = inForce;
        if (body.Declarations is { } ids)
        {
            if (ids.Count == 0) throw Api.Fail(400, "重点监控须至少选一张申报表；要监控全部项目，请不填 declarations", "declarations");
            var byId = inForce.ToDictionary(d => d.Id);
            var missing = ids.Where(i => !byId.ContainsKey(i)).Distinct().ToList();
            if (missing.Count > 0)
                throw Api.Fail(400, $"第 {string.Join("、", missing)} 号不是 {body.Year} 年度审核通过、现行有效的申报表（草稿、审核中的表和已被调整取代的版本不能监控）", "declarations");
            chosen = ids.Distinct().Select(i => byId[i]).ToList();
        }
        if (chosen.Count == 0) throw Api.Fail(400, $"{body.Year} 年度没有审核通过的申报表，无从监控", "year");

        var period = new MonitoringPeriod(periodEnd.Month, name);
        var title = $"{body.Year}年{period.Label}运行监控";
        var drafts = chosen.Select(d =>
        {
            var declaration = (TargetDeclaration)d.Form;
            var form = BoundMonitoring.Draft(declaration, period, profiles.ForForm(declaration));
            form.Source = new SourceRef($"{title}：由第 {d.Id} 号申报表建立", null);
            return (d, form);
        }).ToList();
        MonitoringRound? round;
        try
        {
            round = await monitoring.OpenRoundAsync(body.Year, periodEnd, name, deadline, body.Declarations is not null, drafts, user.Username!);
        }
        catch (StorageException e) { throw Api.Fail(409, e.Message); }
        if (round is null) throw Api.Fail(409, $"{body.Year} 年已开展过 {period.Label} 的运行监控；同一监控期只开展一次", "periodEnd");
        var lines = await monitoring.RoundFormsAsync(round.Id);
        return new RoundOpened(RoundDocument.Of(round, TodayDate), lines.Select(l => l.Id).ToList());
    }

    public async Task<IReadOnlyList<RoundDocument>> RoundsAsync(CurrentUser user)
    {
        if (user.IsPublic) throw Api.Fail(401, "请先登录");
        var today = TodayDate;
        return (await monitoring.RoundsAsync()).Select(r => RoundDocument.Of(r, today)).ToList();
    }

    /// <summary>The person's units (a unit, or a 主管部门's); null for finance and the administrator, who see all.</summary>
    async Task<IReadOnlyCollection<long>?> ScopeAsync(CurrentUser user) =>
        user.Role is Role.FinanceReviewer or Role.Admin ? null : await access.UnitsAsync(user);

    public async Task<RoundSummary> SummaryAsync(CurrentUser user, string id)
    {
        if (user.IsPublic) throw Api.Fail(401, "请先登录");
        if (!long.TryParse(id, out var n) || await monitoring.RoundAsync(n) is not { } round) throw Api.Fail(404, $"没有编号为 {id} 的监控轮次", "id");
        var today = TodayDate;
        var scope = await ScopeAsync(user);
        var lines = await monitoring.RoundFormsAsync(round.Id, scope);
        // A 主管部门 reviewer reads the forms once submitted, as everywhere; a draft counts but is not opened.
        var holds = (await monitoring.HoldsAsync(lines.Where(l => l.DeclarationId is not null).Select(l => l.DeclarationId!.Value).ToList()))
            .Where(h => h.InForce).Select(h => h.DeclarationId).ToHashSet();
        var closed = round.Deadline < today;
        bool Overdue(RoundLine l) => closed && l.Status is "draft" or "returned";
        var docs = lines.Select(l => new RoundFormDocument(l.Id, l.DeclarationId, l.ProjectName, l.Department, l.ImplementingUnit, l.Status,
            l.Light, l.ExecutionRate is { } r ? decimal.Parse(r, CultureInfo.InvariantCulture) : null, Overdue(l),
            l.DeclarationId is { } d && holds.Contains(d))).ToList();
        var items = docs.Select(d => new RoundItem(d.Id, d.Department, d.ImplementingUnit, d.Status, Lights.FromCode(d.Light), d.Overdue)).ToList();
        var red = new List<RedItem>();
        foreach (var f in docs.Where(f => f.Light == "red" && f.Status is not ("draft")))
            if (await forms.GetAsync(f.Id) is { Form: MonitoringForm m })
                red.Add(new RedItem(f.Id, f.ProjectName, f.ImplementingUnit, RedReasons.Of(m, profiles.ForForm(m))));
        var formIds = docs.Select(d => d.Id).ToHashSet();
        var rectifications = (await monitoring.RectificationsAsync(scope)).Where(r => formIds.Contains(r.FormId))
            .Select(r => RectificationDocument.Of(r, today)).ToList();
        return new RoundSummary(RoundDocument.Of(round, today), LightTally.Of("合计", items),
            LightTally.By(items, i => i.Department, "（未填主管部门）"), LightTally.By(items, i => i.Unit, "（未填实施单位）"),
            red, docs, rectifications);
    }

    // ---- 整改 -------------------------------------------------------------------------------------------------

    public async Task<RectificationDocument> RaiseAsync(CurrentUser user, string formId, RectificationRequest body)
    {
        var form = await access.RequireAsync(user, formId, FormAction.RequireRectification, forms);
        var requirement = Text(body.Requirement, "requirement", "整改要求");
        var deadline = Day(body.Deadline, "deadline", "整改期限");
        if (deadline < TodayDate) throw Api.Fail(400, $"整改期限 {body.Deadline} 早于今天（{TodayDate:yyyy-MM-dd}）", "deadline");
        var item = await monitoring.RaiseAsync(form.Id, form.UnitId, requirement, deadline, user.Username!);
        return RectificationDocument.Of(item, TodayDate);
    }

    public async Task<RectificationDocument> RecordResultAsync(CurrentUser user, string id, RectificationResultRequest body)
    {
        if (user.IsPublic) throw Api.Fail(401, "请先登录");
        var missing = Api.Fail(404, $"没有编号为 {id} 的整改事项，或您无权查看", "id");
        if (!long.TryParse(id, out var n) || await monitoring.RectificationAsync(n) is not { } item) throw missing;
        // The item is reached through its form: one who may not see the form learns nothing of the item.
        var form = await forms.GetAsync(item.FormId) ?? throw missing;
        if (!(await access.DecideAsync(user, FormAction.View, form)).Allowed) throw missing;
        var decision = await access.DecideAsync(user, FormAction.RecordRectification, form);
        if (!decision.Allowed) throw Api.Fail(403, decision.Refusal ?? "无权填报整改结果");
        var result = Text(body.Result, "result", "整改结果");
        if (!await monitoring.RecordResultAsync(item.Id, result, user.Username!))
            throw Api.Fail(409, "这项整改已填报过结果，不能覆盖；如需补充，请联系审核人员", "result");
        return RectificationDocument.Of((await monitoring.RectificationAsync(item.Id))!, TodayDate);
    }

    /// <summary>The register in the person's scope: every item, or those open, overdue or done.</summary>
    public async Task<IReadOnlyList<RectificationDocument>> RegisterAsync(CurrentUser user, string? state, long? formId = null)
    {
        if (user.IsPublic) throw Api.Fail(401, "请先登录");
        if (state is not (null or "" or "open" or "overdue" or "done"))
            throw Api.Fail(400, $"state 应为 open（未完成）、overdue（逾期）或 done（已完成），实际为“{state}”", "state");
        var today = TodayDate;
        var items = (await monitoring.RectificationsAsync(await ScopeAsync(user), formId)).Select(r => RectificationDocument.Of(r, today));
        return (state switch
        {
            "open" => items.Where(r => r.State is "open" or "overdue"),
            "overdue" => items.Where(r => r.State == "overdue"),
            "done" => items.Where(r => r.State == "done"),
            _ => items,
        }).ToList();
    }

    // ---- the fill-in template ------------------------------------------------------------------------------------

    /// <summary>The form as its fill-in template (xlsx), prefilled with what is saved; for whoever may download the form.</summary>
    public async Task<(byte[] Bytes, string FileName)> TemplateAsync(CurrentUser user, string id)
    {
        var form = await access.RequireAsync(user, id, FormAction.Export, forms);
        if (form.Form is not MonitoringForm m) throw Api.Fail(400, "只有监控表有填报模板（申报表、自评表的空白模板在命令行 jixiao template 中）", "id");
        return (Formats.Xlsx.XlsxTemplate.Write(m), $"{Formats.Export.ExportFileNames.Stem(m)}_填报模板.xlsx");
    }

    /// <summary>
    /// A filled template read back into the form, saved as an edit would be (bound to the declaration, 执行率 computed).
    /// Nothing is saved when the file breaks the template or holds a value the form cannot take; the answer names sheet,
    /// row and column.
    /// </summary>
    public async Task<int> UploadTemplateAsync(CurrentUser user, string id, byte[] bytes, string fileName)
    {
        var stored = await access.RequireAsync(user, id, FormAction.Edit, forms);
        if (stored.Form is not MonitoringForm) throw Api.Fail(400, "只有监控表可以上传填报模板", "id");
        var result = Formats.Import.FormImporter.Import(bytes, fileName);
        if (result.Problems.Where(p => p.IsError).ToList() is { Count: > 0 } errors)
            throw new ApiRefusal(400, new ApiError($"文件“{fileName}”不能读入：{string.Join("；", errors.Select(e => e.Message))}", "file"));
        if (result.Forms.OfType<MonitoringForm>().ToList() is not [var read])
            throw Api.Fail(400, $"文件“{fileName}”中{(result.Forms.Count == 0 ? "没有读出表" : $"有 {result.Forms.Count} 张表")}；请上传本表下载的填报模板（一张监控表）", "file");
        if (read.ProjectName != stored.Form.ProjectName)
            throw Api.Fail(400, $"文件中的项目是“{read.ProjectName}”，不是本表的“{stored.Form.ProjectName}”；请上传本表的填报模板", "file");
        var (record, problems) = await EditEndpoints.RecordAsync(read, stored, forms, profiles);
        if (problems.Count > 0) throw Api.Invalid(problems);
        var saved = await forms.UpdateAsync(stored.Id, stored.Version, record, user.Username!, $"上传填报模板“{fileName}”", null);
        return saved.Saved ? saved.CurrentVersion : throw Api.Conflict(saved);
    }

    // ---- 暂缓拨款 ----------------------------------------------------------------------------------------------

    public async Task<FundingHoldDocument> HoldAsync(CurrentUser user, string declarationId, FundingHoldRequest body)
    {
        var form = await access.RequireAsync(user, declarationId, FormAction.HoldFunding, forms);
        var reason = Text(body.Reason, "reason", "暂缓拨款的理由");
        var hold = await monitoring.HoldAsync(form.Id, reason, user.Username!) ?? throw Api.Fail(409, "这个项目已在暂缓拨款中；要改理由，请先解除再重新暂缓", "reason");
        return FundingHoldDocument.Of(hold);
    }

    public async Task<FundingHoldDocument> ReleaseAsync(CurrentUser user, string declarationId, FundingHoldRequest body)
    {
        var form = await access.RequireAsync(user, declarationId, FormAction.HoldFunding, forms);
        var reason = Text(body.Reason, "reason", "解除暂缓拨款的理由");
        if (!await monitoring.ReleaseAsync(form.Id, reason, user.Username!)) throw Api.Fail(409, "这个项目没有暂缓拨款，无需解除");
        return FundingHoldDocument.Of((await monitoring.HoldsAsync([form.Id])).First());
    }

    static string Text(string? value, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) throw Api.Fail(400, $"请填写{label}", field);
        var t = value.Trim();
        return t.Length > FormValidation.MaxReason ? throw Api.Fail(400, $"{label}不能超过 {FormValidation.MaxReason} 字", field) : t;
    }
}
