using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Review;

// The review of a monitoring form: the lights come from MonitoringAssessor (the profile's rules); here, what a
// reviewer raises about them and about the figures.
public static partial class Reviewer
{
    static void Monitoring(Context ctx, MonitoringForm form)
    {
        var sheet = MonitoringAssessor.Assess(form, ctx.Profile);
        ctx.Run(Checks.MonitoringFiguresInconsistent, () => MonitoringFigures(ctx, form));
        ctx.Run(Checks.ExecutionRateMismatch, () => MonitoringRates(ctx, form));
        ctx.Run(Checks.MonitoringDeviationUnexplained, () => Unexplained(ctx, form, sheet));
        ctx.Run(Checks.MonitoringLikelihoodContradicts, () => LikelihoodContradicts(ctx, form));
    }

    static void MonitoringFigures(Context ctx, MonitoringForm form)
    {
        var label = form.Period.Label;
        foreach (var row in form.Funds.Rows)
        {
            var name = row.Label.TrimEnd('：', ':');
            if (row.ExecutedToDate is { } done && row.ForecastExecuted is { } forecast && forecast + ctx.Tol < done)
                ctx.Add(Checks.MonitoringFiguresInconsistent,
                    $"{name}：全年预计执行数 {Num.Fixed(forecast)} 小于{label}已执行的 {Num.Fixed(done)}。全年数包含已执行的部分，请核对。", line: row.Line);
            if (row.ExecutedToDate is { } d && row.Budget is { } b && d > b + ctx.Tol)
                ctx.Add(Checks.MonitoringFiguresInconsistent,
                    $"{name}：{label}执行数 {Num.Fixed(d)} 超过预算数 {Num.Fixed(b)}。请核对执行数，或先调整预算。", line: row.Line);
        }
        var total = form.Funds.Total;
        var parts = form.Funds.Rows.Where(r => !ReferenceEquals(r, total)).ToList();
        if (total is null || parts.Count == 0) return;
        var tol = ctx.Tol * Math.Max(1, parts.Count - 1);
        foreach (var (name, pick) in new (string, Func<MonitoringFundRow, decimal?>)[]
                 {
                     ("年初预算数", r => r.InitialBudget), ("调整后预算数", r => r.AdjustedBudget),
                     ($"{label}执行数", r => r.ExecutedToDate), ("全年预计执行数", r => r.ForecastExecuted),
                 })
        {
            if (pick(total) is not { } t || parts.Any(p => pick(p) is null)) continue;
            var sum = parts.Sum(p => pick(p)!.Value);
            if (Math.Abs(sum - t) <= tol) continue;
            ctx.Add(Checks.MonitoringFiguresInconsistent,
                $"{name}：各资金来源之和（{string.Join(" + ", parts.Select(p => p.Label))}）为 {Num.Fixed(sum)}，而年度资金总额为 {Num.Fixed(t)}，相差 {Num.Fixed(sum - t)}。",
                line: total.Line);
        }
    }

    static void MonitoringRates(Context ctx, MonitoringForm form)
    {
        foreach (var row in form.Funds.Rows)
        {
            if (row.ExecutionRate is not { } printed || MonitoringAssessor.ExecutionRate(row, ctx.Profile) is not { } rate) continue;
            if (Math.Abs(rate - printed) <= ctx.Tol) continue;
            ctx.Add(Checks.ExecutionRateMismatch,
                $"{row.Label.TrimEnd('：', ':')}：{form.Period.Label}执行率印为 {Num.Fixed(printed)}%，按执行数 {Num.Fixed(row.ExecutedToDate)} ÷ 预算数 {Num.Fixed(row.Budget)} 计算应为 {Num.Fixed(rate)}%。",
                line: row.Line);
        }
    }

    /// <summary>A yellow or red row needs a cause (one of the five), the reason in words, and the 纠偏措施.</summary>
    static void Unexplained(Context ctx, MonitoringForm form, MonitoringSheet sheet)
    {
        foreach (var (fund, row) in sheet.Funds.Zip(form.Funds.Rows))
            if (fund.Light.NeedsExplanation && Missing(row.Deviation) is { } missing)
                ctx.Add(Checks.MonitoringDeviationUnexplained,
                    $"资金行“{row.Label.TrimEnd('：', ':')}”为{fund.Light.Light!.Value.ToChinese()}灯（{fund.Light.Working}），请填写{missing}。", line: row.Line);
        foreach (var (light, row) in sheet.Indicators.Zip(form.Indicators))
            if (light.Light.NeedsExplanation && Missing(row.Deviation) is { } missing)
                ctx.Add(Checks.MonitoringDeviationUnexplained,
                    $"第 {light.Row} 行“{row.Name}”为{light.Light.Light!.Value.ToChinese()}灯（{light.Light.Working}），请填写{missing}。", row);
    }

    static string? Missing(Deviation? d)
    {
        var missing = new List<string>();
        if (d is null || d.Causes.Count == 0) missing.Add("偏差原因类别（经费保障、制度保障、人员保障、硬件条件保障、其他，可多选）");
        if (string.IsNullOrWhiteSpace(d?.Reason)) missing.Add("偏差原因说明");
        if (string.IsNullOrWhiteSpace(d?.CorrectiveAction)) missing.Add("纠偏措施");
        return missing.Count == 0 ? null : string.Join("、", missing);
    }

    static void LikelihoodContradicts(Context ctx, MonitoringForm form)
    {
        foreach (var row in form.Indicators)
        {
            if (row.Likelihood is not { } likely || MonitoringAssessor.ForecastMeetsTarget(row) is not { } verdict) continue;
            if (likely == Likelihood.Certain && !verdict.Meets)
                ctx.Add(Checks.MonitoringLikelihoodContradicts,
                    $"“{row.Name}”的完成目标可能性填为“确定能”，但{verdict.Working}。请改正全年预计完成情况或完成目标可能性。", row);
            else if (likely == Likelihood.Impossible && verdict.Meets)
                ctx.Add(Checks.MonitoringLikelihoodContradicts,
                    $"“{row.Name}”的完成目标可能性填为“完全不可能”，但{verdict.Working}。请改正全年预计完成情况或完成目标可能性。", row);
        }
    }
}
