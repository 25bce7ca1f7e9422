using Jixiao.Core.Access;
using Jixiao.Core.Model;
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
    public static GateResult For(FormAction action, PerformanceForm form, ScoringProfile profile)
    {
        var findings = Findings(form, profile);
        var blocking = Transitions.IsGated(action) ? findings.Where(f => f.Severity == Severity.Error).ToList() : [];
        var acknowledge = action == FormAction.Submit ? findings.Where(f => f.Severity == Severity.Warning).ToList() : [];
        return new GateResult(findings, blocking, acknowledge);
    }

    /// <summary>The review's findings and the completeness ones, errors first (the order people read them in).</summary>
    public static IReadOnlyList<Finding> Findings(PerformanceForm form, ScoringProfile profile) =>
        Completeness(form, profile).Concat(Reviewer.Review(form, profile))
            .OrderBy(f => f.Severity).ThenBy(f => f.Row ?? 0).ToList();

    static IEnumerable<Finding> Completeness(PerformanceForm form, ScoringProfile profile)
    {
        var name = form.ProjectName;
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
            case SelfEvaluation s:
                if (s.Indicators.Count == 0)
                    yield return Checks.EvaluationNotScored.At("自评表没有任何指标，无法计算总分。", name);
                var sheet = Scorer.Score(s, profile);
                if (s.Funds.Total?.Score is null)
                    yield return Checks.EvaluationNotScored.At($"预算执行率得分未算出：{sheet.ExecutionExplanation}。请填写全年预算数和全年执行数。", name);
                for (int i = 0; i < s.Indicators.Count; i++)
                    if (s.Indicators[i].Score is null)
                        yield return Checks.EvaluationNotScored.At(
                            $"第 {i + 1} 行“{s.Indicators[i].Name}”没有得分：{sheet.Indicators[i].Explanation}。", name, s.Indicators[i].Name, s.Indicators[i].Line, i + 1);
                break;
        }
    }
}
