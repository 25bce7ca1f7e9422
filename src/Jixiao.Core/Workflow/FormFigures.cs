using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Workflow;

/// <summary>
/// What lists, filters, the 工作台 and the dashboards need to know of a form without reading its document: the
/// findings the workflow sees (counted by severity, and which checks raised them), the 执行率 and the money in 元
/// (a declaration's 年度资金申请总额, a 部门整体目标表's 金额合计; a self-evaluation's 全年预算数 and 全年执行数; a monitoring form's budget and
/// 执行数 to date, and its light). Kept beside the document on every save.
/// </summary>
public sealed record FormFigures(int Errors, int Warnings, IReadOnlyList<string> FindingCodes, decimal? ExecutionRate, decimal? Budget, decimal? Executed,
    Light? Light = null)
{
    public static FormFigures Of(PerformanceForm form, ScoringProfile profile)
    {
        var findings = Gate.Findings(form, profile);
        var codes = findings.Where(f => f.Severity != Severity.Info).Select(f => f.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        var errors = findings.Count(f => f.Severity == Severity.Error);
        var warnings = findings.Count(f => f.Severity == Severity.Warning);
        return form switch
        {
            EvaluationForm s => new FormFigures(errors, warnings, codes, Scorer.Score(s, profile).ExecutionRate,
                Yuan(s.Funds.Total?.AdjustedBudget, s.Funds.Unit), Yuan(s.Funds.Total?.Executed, s.Funds.Unit)),
            TargetDeclaration d => new FormFigures(errors, warnings, codes, null, Yuan(d.Funds.AnnualTotal, d.Funds.Unit), null),
            DepartmentDeclaration dd => new FormFigures(errors, warnings, codes, null, Yuan(dd.Tasks.Total, dd.Tasks.Unit), null),
            // A monitoring form: its 1-X月执行率, the budget and what was executed to date, and its worst light.
            MonitoringForm m => new FormFigures(errors, warnings, codes, m.Funds.Total is { } t ? MonitoringAssessor.ExecutionRate(t, profile) : null,
                Yuan(m.Funds.Total?.Budget, m.Funds.Unit), Yuan(m.Funds.Total?.ExecutedToDate, m.Funds.Unit), MonitoringAssessor.Assess(m, profile).Overall),
            _ => new FormFigures(errors, warnings, codes, null, null, null),
        };
    }

    static decimal? Yuan(decimal? amount, MoneyUnit unit) => amount is { } a ? Scorer.RoundMoney(unit == MoneyUnit.Yuan ? a : a * 10000m) : null;

    /// <summary>The codes as stored: `|code|code|`, so that a list can look for one with LIKE '%|code|%'.</summary>
    public string CodesText => FindingCodes.Count == 0 ? "" : "|" + string.Join("|", FindingCodes) + "|";
}
