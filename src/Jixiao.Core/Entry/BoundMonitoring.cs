using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Entry;

/// <summary>The monitoring record as it will be stored, or the reasons it cannot be.</summary>
public sealed record MonitoringEntry(MonitoringForm Record, IReadOnlyList<FieldProblem> Problems);

/// <summary>
/// A monitoring form is bound to its approved declaration, as a self-evaluation is: the header, 年度总体目标, the
/// indicators and their 年度指标值 and each line's 年初预算数 come from the declaration, the period from the round,
/// and 执行率 is computed. The unit enters execution to date, the forecasts, the deviation reasons and 完成目标可能性.
/// Pure.
/// </summary>
public static class BoundMonitoring
{
    /// <summary>A new monitoring form for a round: the declaration's project, targets and budgets, nothing entered.</summary>
    public static MonitoringForm Draft(TargetDeclaration declaration, MonitoringPeriod period, ScoringProfile profile)
    {
        var entered = new MonitoringForm();
        foreach (var row in declaration.Indicators)
            entered.Indicators.Add(new Indicator { Level1 = row.Level1, Level2 = row.Level2, Name = row.Name, Target = row.Target });
        return Apply(entered, declaration, period, profile).Record;
    }

    public static MonitoringEntry Apply(MonitoringForm entered, TargetDeclaration declaration, MonitoringPeriod period, ScoringProfile profile)
    {
        var problems = new List<FieldProblem>();
        var record = new MonitoringForm
        {
            Year = declaration.Year,
            ProjectName = declaration.ProjectName,
            Department = declaration.Department,
            ImplementingUnit = declaration.ImplementingUnit,
            AnnualGoal = declaration.AnnualGoal,
            GoalProgress = Text(entered.GoalProgress),
            Period = period,
            Source = entered.Source,
        };
        Funds(record, entered, declaration, profile);
        foreach (var (row, e, _) in BoundEvaluation.BindRows(entered.Indicators, declaration, "监控表", "目标确需调整的，请对申报表“调整”并重新审核。",
                     targetOptional: true, problems))
        {
            record.Indicators.Add(row);
            if (e is null) continue;
            row.Progress = Read(e.Progress);
            row.Forecast = Read(e.Forecast);
            row.Deviation = e.Deviation is { IsEmpty: false } d ? d : null;
            row.Likelihood = e.Likelihood;
            row.Remark = Text(e.Remark);
        }
        return new MonitoringEntry(record, problems);
    }

    /// <summary>
    /// The draft again after its declaration's 调整 is approved: the new indicator set, each row keeping what was
    /// entered for the same 一级/二级/三级; the funds and the goal's progress as entered.
    /// </summary>
    public static MonitoringForm Rebind(MonitoringForm current, TargetDeclaration adjusted, ScoringProfile profile)
    {
        var entered = new MonitoringForm { GoalProgress = current.GoalProgress, Source = current.Source };
        entered.Funds.Rows.AddRange(current.Funds.Rows);
        foreach (var (row, old) in BoundEvaluation.SameRows(adjusted.Indicators, current.Indicators))
        {
            entered.Indicators.Add(new Indicator
            {
                Level1 = row.Level1, Level2 = row.Level2, Name = row.Name, Target = row.Target,
                Progress = old?.Progress, Forecast = old?.Forecast, Deviation = old?.Deviation, Likelihood = old?.Likelihood, Remark = old?.Remark,
            });
        }
        return Apply(entered, adjusted, current.Period, profile).Record;
    }

    /// <summary>
    /// What the unit typed, read as a value: a number with its unit (`255天`, `85%`) or an achievement label, unless
    /// the sender gave them already; an empty entry is none. The editor and the xlsx template send text only.
    /// </summary>
    static ActualValue? Read(ActualValue? v)
    {
        if (v is null || string.IsNullOrWhiteSpace(v.Text) && v.Value is null && v.Achievement is null) return null;
        if (v.Value is not null || string.IsNullOrWhiteSpace(v.Text)) return v;
        var parsed = Parsing.ValueParser.ParseActual(v.Text);
        return parsed with { Achievement = v.Achievement ?? parsed.Achievement };
    }

    static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static void Funds(MonitoringForm record, MonitoringForm entered, TargetDeclaration declaration, ScoringProfile profile)
    {
        var unit = record.Funds.Unit = MoneyUnit.WanYuan;
        decimal? FromDeclaration(decimal? amount) => amount is { } a ? Num.TwoPlaces(BoundEvaluation.Convert(a, declaration.Funds.Unit, unit)) : null;
        var enteredTotal = entered.Funds.Total;
        var lines = new List<(string Label, decimal? Budget, MonitoringFundRow? Entered)>
        {
            (BoundEvaluation.TotalLabel, FromDeclaration(declaration.Funds.AnnualTotal), enteredTotal),
        };
        var sources = new[] { declaration.Funds.CurrentYearAppropriation, declaration.Funds.CarryOver, declaration.Funds.Other };
        for (var k = 0; k < BoundEvaluation.SourceRows.Length; k++)
            lines.Add((BoundEvaluation.SourceRows[k].Label, FromDeclaration(sources[k]),
                entered.Funds.Rows.FirstOrDefault(r => !ReferenceEquals(r, enteredTotal) && r.Label.Contains(BoundEvaluation.SourceRows[k].Match))));
        foreach (var (label, budget, e) in lines)
        {
            var row = new MonitoringFundRow
            {
                Label = label,
                InitialBudget = budget,
                AdjustedBudget = e?.AdjustedBudget,
                ExecutedToDate = e?.ExecutedToDate,
                ForecastExecuted = e?.ForecastExecuted,
                Deviation = e?.Deviation is { IsEmpty: false } d ? d : null,
            };
            row.ExecutionRate = MonitoringAssessor.ExecutionRate(row, profile);
            record.Funds.Rows.Add(row);
        }
    }
}
