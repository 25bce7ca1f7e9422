using System.Globalization;
using Jixiao.Core.Access;
using Jixiao.Core.Entry;
using Jixiao.Core.Model;
using Jixiao.Core.Results;
using Jixiao.Core.Workflow;
using Jixiao.Formats.Profiles;
using Jixiao.Formats.Xlsx;
using Jixiao.Storage;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Features.Monitoring;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.ResultsApplication;

/// <summary>
/// 结果应用's actions for the API and the pages alike: a year's register in the person's scope (one line per project
/// with an approved self-evaluation: its grade, 复核分, the profile's suggested action, finance's decision, its 整改),
/// finance's decision, the xlsx export, and last year's result of a declaration's project. Who may is the table's
/// (<see cref="Permissions"/>); a refusal is thrown as <see cref="ApiRefusal"/> and nothing has changed.
/// </summary>
public sealed class ResultsWork(ResultsStore results, MonitoringStore monitoring, FormStore forms, FormAccess access, ProfileCatalog profiles, TimeProvider clock)
{
    public static int Year(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2100 ? y
            : throw Api.Fail(400, string.IsNullOrEmpty(text) ? "请给出年度 year（自评的年度）" : $"年度“{text}”应为 1990–2100 之间的年份", "year");

    /// <summary>The register's year when none is asked for: the latest with approved self-evaluations, else last year.</summary>
    public async Task<int> DefaultYearAsync() => await results.LatestYearAsync() ?? Today.In(clock).Year - 1;

    /// <summary>The person's units (a unit, or a 主管部门's); null for finance and the administrator, who see all.</summary>
    async Task<IReadOnlyCollection<long>?> ScopeAsync(CurrentUser user) =>
        user.Role is Role.FinanceReviewer or Role.Admin ? null : await access.UnitsAsync(user);

    public async Task<ResultsRegister> RegisterAsync(CurrentUser user, int year)
    {
        if (user.IsPublic) throw Api.Fail(401, "请先登录");
        var scope = await ScopeAsync(user);
        var lines = await results.SelfEvaluationsAsync(year, scope);
        var decisions = await results.DecisionsAsync(lines.Select(l => l.Id).ToList());
        // The project's forms: the self-evaluation, its declaration and every form bound to that declaration.
        var declarations = lines.Where(l => l.DeclarationId is not null).Select(l => l.DeclarationId!.Value).Distinct().ToList();
        var bound = (await results.BoundFormsAsync(declarations)).ToLookup(b => b.DeclarationId, b => b.Id);
        var today = Today.In(clock);
        var items = (await monitoring.RectificationsAsync(scope)).ToLookup(r => r.FormId);
        var docs = lines.Select(l =>
        {
            var ids = new HashSet<long> { l.Id };
            if (l.DeclarationId is { } d)
            {
                ids.Add(d);
                ids.UnionWith(bound[d]);
            }
            var mine = ids.SelectMany(i => items[i]).ToList();
            var counts = new RectificationCounts(mine.Count(r => !r.Done), mine.Count(r => r.OverdueOn(today)), mine.Count(r => r.Done));
            return Line(l, decisions.GetValueOrDefault(l.Id), counts);
        }).ToList();
        return new ResultsRegister(year, Permissions.MayEver(user.Role, FormAction.DecideResult), docs);
    }

    ResultLineDocument Line(ResultsLine l, ResultDecision? decision, RectificationCounts counts)
    {
        var s = l.Form;
        var profile = profiles.ForForm(s);
        var suggestion = NextYearBudget.Suggest(s, profile);
        return new ResultLineDocument(l.Id, l.DeclarationId, s.Year, s.ProjectName, s.ImplementingUnit, s.Department, l.Status.ToCode(),
            s.TotalScore, profile.GradeOf(s.TotalScore) ?? s.Grade, s.ReviewScore, suggestion?.Grade,
            suggestion is null ? null : suggestion.GradeBasis == GradeBasis.ReviewScore ? "review-score" : "unit-score",
            suggestion?.Action, suggestion?.Basis?.Source, suggestion?.Basis?.Firmness, profile.ResultsApplication.Choices,
            decision is null ? null : DecisionDocument(decision), counts);
    }

    static ResultDecisionDocument DecisionDocument(ResultDecision d) =>
        new(d.Decision, d.Reason, d.Suggested, NextYearBudget.Departs(d.Decision, d.Suggested), d.DecidedBy, d.DecidedAt);

    /// <summary>
    /// Finance records its decision on an approved self-evaluation: one of the profile's actions or 其他; a decision
    /// other than the suggestion needs a reason. Recording again replaces the earlier decision.
    /// </summary>
    public async Task<ResultLineDocument> DecideAsync(CurrentUser user, string selfEvaluationId, ResultDecisionRequest body)
    {
        var stored = await access.RequireAsync(user, selfEvaluationId, FormAction.DecideResult, forms);
        if (stored.Form is not SelfEvaluation s) throw Api.Fail(400, "只有自评表有结果应用", "id");
        var profile = profiles.ForForm(s);
        var suggestion = NextYearBudget.Suggest(s, profile);
        var decision = body.Decision?.Trim() ?? "";
        var choices = profile.ResultsApplication.Choices;
        if (!choices.Contains(decision))
            throw Api.Fail(400, decision.Length == 0 ? "请选择决定" : $"决定“{decision}”不是可选的结果应用（可选：{string.Join("、", choices)}）", "decision");
        var reason = string.IsNullOrWhiteSpace(body.Reason) ? null : body.Reason.Trim();
        if (reason is { Length: > FormValidation.MaxReason }) throw Api.Fail(400, $"理由不能超过 {FormValidation.MaxReason} 字", "reason");
        if (NextYearBudget.Departs(decision, suggestion?.Action) && reason is null)
            throw Api.Fail(400, suggestion?.Action is { } a
                ? $"决定“{decision}”与建议的“{a}”（{suggestion.GradeBasisChinese}等级 {suggestion.Grade}）不同，须写明理由"
                : $"本表没有建议的结果应用（无等级或评分方案未规定），决定“{decision}”须写明理由", "reason");
        await results.DecideAsync(stored.Id, decision, reason, suggestion?.Action, suggestion?.Grade, user.Username!);
        var register = await RegisterAsync(user, s.Year ?? 0);
        return register.Lines.FirstOrDefault(l => l.SelfEvaluationId == stored.Id) ?? (await LineAsync(stored))!;
    }

    public static readonly string[] ExportHeaders =
    [
        "自评表编号", "项目名称", "实施单位", "主管部门", "单位自评总分", "单位自评等级", "复核分", "建议依据", "建议等级", "建议的结果应用",
        "财政决定", "理由", "决定人", "决定时间", "整改未完成", "其中逾期", "整改已完成",
    ];

    /// <summary>The register as an xlsx workbook, one row per line, scores stored as exact numbers.</summary>
    public async Task<(byte[] Bytes, string FileName)> ExportAsync(CurrentUser user, int year)
    {
        var register = await RegisterAsync(user, year);
        var rows = register.Lines.Select(l => (IReadOnlyList<XlsxCell>)
        [
            XlsxCell.Count((int)l.SelfEvaluationId), XlsxCell.Text(l.ProjectName), XlsxCell.Text(l.ImplementingUnit), XlsxCell.Text(l.Department),
            XlsxCell.Fixed2(l.TotalScore), XlsxCell.Text(l.Grade), XlsxCell.Fixed2(l.ReviewScore), XlsxCell.Text(BasisChinese(l.GradeBasis)),
            XlsxCell.Text(l.SuggestionGrade), XlsxCell.Text(l.SuggestedAction), XlsxCell.Text(l.Decision?.Decision), XlsxCell.Text(l.Decision?.Reason),
            XlsxCell.Text(l.Decision?.DecidedBy), XlsxCell.Text(l.Decision?.DecidedAt is { } at ? at[..Math.Min(10, at.Length)] : null),
            XlsxCell.Count(l.Rectifications.Open), XlsxCell.Count(l.Rectifications.Overdue), XlsxCell.Count(l.Rectifications.Done),
        ]);
        return (TableWorkbook.Render("结果应用", ExportHeaders, rows), $"结果应用台账_{year}年度.xlsx");
    }

    public static string BasisChinese(string? basis) => basis switch
    {
        "review-score" => "复核分",
        "unit-score" => "单位自评分",
        _ => "",
    };

    /// <summary>A self-evaluation's own line (its suggestion and decision; the 整改 counts are the register's, not repeated here).</summary>
    public async Task<ResultLineDocument?> LineAsync(StoredForm selfEvaluation)
    {
        if (selfEvaluation.Form is not SelfEvaluation s) return null;
        var decision = (await results.DecisionsAsync([selfEvaluation.Id])).GetValueOrDefault(selfEvaluation.Id);
        return Line(new ResultsLine(selfEvaluation.Id, selfEvaluation.UnitId, selfEvaluation.DeclarationId, selfEvaluation.Status, s), decision,
            new RectificationCounts(0, 0, 0));
    }

    /// <summary>
    /// Last year's result of a declaration's project: the same unit's approved self-evaluation of the year before with
    /// the same 项目名称 (a new year's declaration is a new chain; the project is known by its unit and name).
    /// </summary>
    public async Task<ResultLineDocument?> LastYearAsync(StoredForm declaration)
    {
        if (declaration.Form is not TargetDeclaration d || declaration.UnitId is not { } unit || d.Year is not { } year
            || string.IsNullOrWhiteSpace(d.ProjectName)) return null;
        var line = await results.OfProjectAsync(unit, d.ProjectName, year - 1);
        if (line is null) return null;
        var decision = (await results.DecisionsAsync([line.Id])).GetValueOrDefault(line.Id);
        return Line(line, decision, new RectificationCounts(0, 0, 0));
    }
}
