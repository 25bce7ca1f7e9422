using Jixiao.Core.Access;
using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Workflow;

/// <summary>What stands between a form and a transition: findings that block it, and warnings to acknowledge.</summary>
public sealed record GateResult(IReadOnlyList<Finding> Findings, IReadOnlyList<Finding> Blocking, IReadOnlyList<Finding> ToAcknowledge)
{
    public bool Passes => Blocking.Count == 0;
}

/// <summary>
/// Findings gate the workflow: an error blocks submit, approve and publish; at submission every warning must be
/// acknowledged with a reason. The findings are the review's plus what a form must have before it goes to a
/// reviewer (complete, with indicators and funds, every row scored). Pure.
/// </summary>
public static class Gate
{
    /// <param name="forecast">For a self-evaluation, the last approved monitoring form of its project: the rows whose
    /// actual departs from its forecast are findings too (<see cref="MonitoringFollowUp"/>).</param>
    /// <param name="snapshot">The unit's history and the peers' targets for the ambition checks (none: they stay silent).</param>
    public static GateResult For(FormAction action, PerformanceForm form, ScoringProfile profile, MonitoringForm? forecast = null, AmbitionSnapshot? snapshot = null)
    {
        var findings = Findings(form, profile, forecast, snapshot);
        var blocking = Transitions.IsGated(action) ? findings.Where(f => f.Severity == Severity.Error).ToList() : [];
        var acknowledge = action == FormAction.Submit ? findings.Where(f => f.Severity == Severity.Warning).ToList() : [];
        return new GateResult(findings, blocking, acknowledge);
    }

    /// <summary>The review's findings and the completeness ones, errors first (the order people read them in).</summary>
    public static IReadOnlyList<Finding> Findings(PerformanceForm form, ScoringProfile profile, MonitoringForm? forecast = null, AmbitionSnapshot? snapshot = null) =>
        Completeness(form, profile).Concat(Reviewer.Review(form, profile, snapshot))
            .Concat(form is SelfEvaluation s && forecast is not null ? MonitoringFollowUp.Findings(s, forecast, profile) : [])
            .OrderBy(f => f.Severity).ThenBy(f => f.Row ?? 0).ToList();

    /// <summary>What a monitoring form must state before it is submitted: the total's execution and forecast, and per row its progress, forecast and likelihood.</summary>
    static IEnumerable<Finding> MonitoringGaps(MonitoringForm m)
    {
        var name = m.ProjectName;
        var label = m.Period.Label;
        if (m.Indicators.Count == 0)
            yield return Checks.MonitoringNotFilled.At("监控表没有任何绩效指标。指标应来自批复的申报表，请从申报表建立监控表。", name);
        if (m.Funds.Total is not { } total)
            yield return Checks.MonitoringNotFilled.At("监控表没有年度资金总额行。", name);
        else
        {
            var missing = new List<string>();
            if (total.Budget is null) missing.Add("年初预算数");
            if (total.ExecutedToDate is null) missing.Add($"{label}执行数");
            if (total.ForecastExecuted is null) missing.Add("全年预计执行数");
            if (missing.Count > 0)
                yield return Checks.MonitoringNotFilled.At($"年度资金总额未填{string.Join("、", missing)}。", name, line: total.Line);
        }
        for (var i = 0; i < m.Indicators.Count; i++)
        {
            var row = m.Indicators[i];
            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(row.Progress?.Text)) missing.Add($"{label}执行情况");
            if (string.IsNullOrWhiteSpace(row.Forecast?.Text)) missing.Add("全年预计完成情况");
            if (row.Likelihood is null) missing.Add("完成目标可能性");
            if (missing.Count > 0)
                yield return Checks.MonitoringNotFilled.At($"第 {i + 1} 行“{row.Name}”未填{string.Join("、", missing)}。", name, row.Name, row.Line, i + 1);
        }
    }

    static IEnumerable<Finding> Completeness(PerformanceForm form, ScoringProfile profile)
    {
        var name = form.Subject();
        if (!form.Complete)
            yield return Checks.FormIncomplete.At("这张表的内容不完整（原文在表尾之前中断），不能提交审核。请补全后重新导入，或在编辑页补齐缺少的部分。", name);
        switch (form)
        {
            case TargetDeclaration d:
                if (d.Indicators.Count == 0)
                    yield return Checks.DeclarationWithoutIndicators.At("申报表没有任何绩效指标。请按产出、效益、满意度设置三级指标后再提交。", name);
                if (d.Funds.AnnualTotal is not > 0)
                    yield return Checks.DeclarationWithoutFunds.At("申报表没有填写年度资金申请总额。绩效目标是安排预算的前提，请填写本年度申请的资金及其来源。", name);
                break;
            case DepartmentDeclaration dd:
                if (dd.Indicators.Count == 0)
                    yield return Checks.DeclarationWithoutIndicators.At("部门整体支出绩效目标表没有任何绩效指标。请按产出、效益、满意度设置三级指标后再提交。", name);
                break;
            case EvaluationForm s:
                if (s.Indicators.Count == 0)
                    yield return Checks.EvaluationNotScored.At($"{s.Kind.ShortName()}没有任何指标，无法计算总分。", name);
                var sheet = Scorer.Score(s, profile);
                if (s.Funds.Total?.Score is null)
                    yield return Checks.EvaluationNotScored.At($"预算执行率得分未算出：{sheet.ExecutionExplanation}。请填写全年预算数和全年执行数。", name);
                for (int i = 0; i < s.Indicators.Count; i++)
                    if (s.Indicators[i].Score is null)
                        yield return Checks.EvaluationNotScored.At(
                            $"第 {i + 1} 行“{s.Indicators[i].Name}”没有得分：{sheet.Indicators[i].Explanation}。", name, s.Indicators[i].Name, s.Indicators[i].Line, i + 1);
                break;
            case MonitoringForm m:
                foreach (var f in MonitoringGaps(m)) yield return f;
                break;
        }
    }
}
