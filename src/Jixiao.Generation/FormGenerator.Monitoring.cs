using System.Globalization;
using Jixiao.Core.Entry;
using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using static Jixiao.Generation.GeneratorVocabulary;

namespace Jixiao.Generation;

// 运行监控表: drafted from a generated 申报表 (BoundMonitoring.Draft) and filled as a unit fills it at the period's
// end: execution to date and the year's forecast per fund line, progress, forecast and 完成目标可能性 per row, and a
// deviation (cause, reason, 纠偏措施) on every row MonitoringAssessor colours yellow or red. A clean form has no
// monitoring finding; the defects below each break one thing a check looks at.
public sealed partial class FormGenerator
{
    GeneratedForm Monitoring(string project, string department, string unit, GeneratorOptions options)
    {
        var declaration = (TargetDeclaration)Declaration(project, department, unit, options with { DefectShare = 0 }).Form;
        var period = new MonitoringPeriod(_rng.NextDouble() switch { < 0.45 => 6, < 0.9 => 7, _ => 9 }, null);
        var entered = BoundMonitoring.Draft(declaration, period, _profile);
        FillFunds(entered, period);
        foreach (var row in entered.Indicators) FillRow(row, period);
        entered.GoalProgress = string.Format(CultureInfo.InvariantCulture, Pick(GoalProgressBodies),
            unit.Replace("上海市", ""), Pick(Objects), period.Label, 2 + _rng.Next(40));
        Explain(entered);
        // Through the binding, as the application stores it: the declaration's targets and budgets, 执行率 computed.
        var bound = BoundMonitoring.Apply(entered, declaration, period, _profile);
        if (bound.Problems.Count > 0) throw new InvalidOperationException($"生成的监控表与申报表不一致：{bound.Problems[0].Message}");
        var form = bound.Record;
        return new GeneratedForm(form, MonitoringDefects(form, options));
    }

    void FillFunds(MonitoringForm form, MonitoringPeriod period)
    {
        var time = period.TimeProgressPercent / 100m;
        // Execution against time progress: most projects on course, some behind (yellow), a few far behind (red).
        var pace = _rng.NextDouble() switch { < 0.75 => Between(0.85m, 1.5m), < 0.9 => Between(0.62m, 0.78m), _ => Between(0.2m, 0.55m) };
        bool shortfall = _rng.NextDouble() < 0.12;
        var total = form.Funds.Total!;
        var parts = form.Funds.Rows.Where(r => !ReferenceEquals(r, total)).ToList();
        // Provincial layouts (天津) carry 调整后预算数 beside 年初预算数; the rate then divides by it.
        if (_rng.NextDouble() < 0.2)
        {
            foreach (var row in parts)
                row.AdjustedBudget = _rng.NextDouble() < 0.6 ? row.InitialBudget : M(row.InitialBudget!.Value * Between(0.85m, 1.15m));
            total.AdjustedBudget = parts.Sum(r => r.AdjustedBudget!.Value);
        }
        foreach (var row in parts)
        {
            var budget = row.Budget ?? 0m;
            var done = M(budget * Math.Min(1m, time * pace * Between(0.95m, 1.05m)));
            row.ExecutedToDate = done;
            row.ForecastExecuted = Math.Max(done, M(budget * (shortfall ? Between(0.7m, 0.88m) : Between(0.92m, 1m))));
        }
        total.ExecutedToDate = parts.Sum(r => r.ExecutedToDate!.Value);
        total.ForecastExecuted = parts.Sum(r => r.ForecastExecuted!.Value);
    }

    static bool Ceiling(TargetValue t) => t.Comparator is Comparator.LessOrEqual or Comparator.Less;

    /// <summary>A target the forecast can fall short of: a word, or ≥ / = a positive number.</summary>
    static bool CanMiss(Indicator row) => row.Target is { } t && (!t.IsQuantitative || (!Ceiling(t) && t.Value > 0));

    void FillRow(Indicator row, MonitoringPeriod period)
    {
        var t = row.Target!;
        if (!t.IsQuantitative)
        {
            row.Progress = new ActualValue(Pick(QualitativeProgress), null, null, null);
            bool partly = _rng.NextDouble() < 0.08;
            row.Forecast = Label(partly ? Achievement.PartiallyAchieved : Achievement.Achieved);
            row.Likelihood = partly || _rng.NextDouble() < 0.04 ? Likelihood.Possible : Likelihood.Certain;
            return;
        }
        var a = t.Value!.Value;
        if (Ceiling(t))
        {
            // A cost ceiling: spent so far and forecast both under it.
            row.Progress = Actual(M(a * Between(0.7m, 0.98m)), t.Unit);
            row.Forecast = Actual(M(a * Between(0.8m, 0.98m)), t.Unit);
            row.Likelihood = Likelihood.Certain;
            return;
        }
        if (a == 0)
        {
            row.Progress = Actual(0m, t.Unit, false);
            row.Forecast = Actual(0m, t.Unit, false);
            row.Likelihood = Likelihood.Certain;
            return;
        }
        bool percent = t.Unit == "%";
        if (_rng.NextDouble() < 0.07)
        {
            // An honest miss: red, the unit says it may or will not reach the target (and explains it).
            MissForecast(row);
            row.Likelihood = _rng.NextDouble() < 0.7 ? Likelihood.Possible : Likelihood.Impossible;
        }
        else
        {
            var forecast = percent
                ? (a >= 100m ? 100m : Math.Round(Between(a, 100m)))
                : t.Comparator == Comparator.Equal ? a : a + Math.Floor(a * Between(0m, 0.2m));
            row.Forecast = Actual(forecast, t.Unit, false);
            row.Likelihood = _rng.NextDouble() < 0.05 ? Likelihood.Possible : Likelihood.Certain;
        }
        var progress = percent
            ? Math.Round(Between(Math.Min(a, 60m), 100m))
            : Math.Floor(a * period.TimeProgressPercent / 100m * Between(0.8m, 1.2m));
        row.Progress = Actual(Math.Min(progress, row.Forecast!.Value!.Value), t.Unit, false);
    }

    /// <summary>A forecast below the row's target: a share of a number, or 部分达成 / 未达成 for a word.</summary>
    void MissForecast(Indicator row)
    {
        var t = row.Target!;
        if (!t.IsQuantitative)
        {
            row.Forecast = Label(_rng.NextDouble() < 0.7 ? Achievement.PartiallyAchieved : Achievement.NotAchieved);
            return;
        }
        var a = t.Value!.Value;
        var b = t.Unit == "%" ? Math.Round(a * Between(0.8m, 0.95m)) : Math.Floor(a * Between(0.75m, 0.95m));
        row.Forecast = Actual(Math.Max(0m, Math.Min(b, a - 1)), t.Unit, false);
        if (row.Progress?.Value > row.Forecast.Value) row.Progress = row.Forecast;
    }

    /// <summary>The unit's explanation on every yellow or red row that lacks one: a cause, the reason, the 纠偏措施.</summary>
    void Explain(MonitoringForm form)
    {
        var sheet = MonitoringAssessor.Assess(form, _profile);
        foreach (var (light, row) in sheet.Funds.Zip(form.Funds.Rows))
            if (light.Light.NeedsExplanation && !Explained(row.Deviation)) row.Deviation = Reason(FundLagReasons);
        foreach (var (light, row) in sheet.Indicators.Zip(form.Indicators))
            if (light.Light.NeedsExplanation && !Explained(row.Deviation)) row.Deviation = Reason(TargetLagReasons);
    }

    static bool Explained(Deviation? d) =>
        d is { Causes.Count: > 0 } && !string.IsNullOrWhiteSpace(d.Reason) && !string.IsNullOrWhiteSpace(d.CorrectiveAction);

    Deviation Reason((DeviationCause Cause, string Reason)[] reasons)
    {
        var (cause, reason) = Pick(reasons);
        return new Deviation([cause], reason, Pick(CorrectiveActions));
    }

    // ---- monitoring defects ----------------------------------------------------------------------------------

    List<InjectedDefect> MonitoringDefects(MonitoringForm form, GeneratorOptions options)
    {
        var defects = new List<InjectedDefect>();
        var wanted = _rng.NextDouble() < options.DefectShare ? 1 + (_rng.NextDouble() < 0.3 ? 1 : 0) : 0;
        if (wanted == 0) return defects;
        // At most one defect of a check code on a form, so that each is known by a finding of its own.
        var chosen = DefectKinds.Monitoring.OrderBy(_ => _rng.Next()).DistinctBy(k => k.Check().Code).Take(wanted).ToHashSet();
        var touched = new HashSet<object>();
        var late = new[] { DefectKind.MonitoringRateMiscalculated, DefectKind.MonitoringDeviationMissing };
        foreach (var kind in DefectKinds.Monitoring.Where(k => chosen.Contains(k) && !late.Contains(k)))
            if (InjectMonitoring(kind, form, touched) is { } d) defects.Add(d);
        // The figures' defects move rates and lights: the unit's rates and explanations follow its own figures.
        foreach (var row in form.Funds.Rows) row.ExecutionRate = MonitoringAssessor.ExecutionRate(row, _profile);
        Explain(form);
        foreach (var kind in late.Where(chosen.Contains))
            if (InjectMonitoring(kind, form, touched) is { } d) defects.Add(d);
        return defects;
    }

    InjectedDefect? InjectMonitoring(DefectKind kind, MonitoringForm form, HashSet<object> touched)
    {
        var total = form.Funds.Total!;
        var parts = form.Funds.Rows.Where(r => !ReferenceEquals(r, total)).ToList();
        T? One<T>(IEnumerable<T> items) where T : class => items.Where(x => !touched.Contains(x)).OrderBy(_ => _rng.Next()).FirstOrDefault();
        InjectedDefect OnRow(Indicator row)
        {
            touched.Add(row);
            return new InjectedDefect(kind, row.Name, form.Indicators.IndexOf(row) + 1);
        }
        InjectedDefect OnLine(MonitoringFundRow line)
        {
            touched.Add(line);
            return new InjectedDefect(kind, null, FundLine: line.Label);
        }

        switch (kind)
        {
            case DefectKind.MonitoringForecastBelowDone:
            {
                // The year's forecast of a source line typed below what it has already spent.
                var line = One(parts.Where(r => r.ExecutedToDate >= 0.5m));
                if (line is null) return null;
                line.ForecastExecuted = M(line.ExecutedToDate!.Value * Between(0.5m, 0.9m));
                total.ForecastExecuted = parts.Sum(r => r.ForecastExecuted!.Value);
                return OnLine(line);
            }

            case DefectKind.MonitoringSourcesNotSumming:
            {
                // A source line's figure changed and the total left as it was.
                var line = One(parts.Where(r => r.Budget > 0));
                if (line is null) return null;
                var slip = Dec(Pick(new[] { "0.10", "0.50", "1.00", "2.00", "10.00" }));
                decimal done = line.ExecutedToDate!.Value, forecast = line.ForecastExecuted!.Value;
                if (line.AdjustedBudget is { } adjusted && _rng.Next(2) == 0)
                {
                    // 调整后预算数 of a line adjusted, the total's not.
                    line.AdjustedBudget = adjusted - slip >= done && _rng.Next(2) == 0 ? adjusted - slip : adjusted + slip;
                    touched.Add(line);
                    return OnLine(total);
                }
                bool executedFirst = _rng.Next(2) == 0;
                if (executedFirst && done + slip <= Math.Min(line.Budget!.Value, forecast)) line.ExecutedToDate = done + slip;
                else if (executedFirst && done - slip >= 0) line.ExecutedToDate = done - slip;
                else if (forecast - slip >= done) line.ForecastExecuted = forecast - slip;
                else if (done - slip >= 0) line.ExecutedToDate = done - slip;
                else return null;
                touched.Add(line);
                return OnLine(total);
            }

            case DefectKind.MonitoringCertainButMisses:
            {
                var row = One(form.Indicators.Where(CanMiss));
                if (row is null) return null;
                MissForecast(row);
                row.Likelihood = Likelihood.Certain;
                return OnRow(row);
            }

            case DefectKind.MonitoringForecastMissing:
            {
                var row = One(form.Indicators);
                if (row is null) return null;
                row.Forecast = null;
                return OnRow(row);
            }

            case DefectKind.MonitoringRateMiscalculated:
            {
                var line = One(form.Funds.Rows.Where(r => r.ExecutionRate is not null && r.ExecutedToDate > 0));
                if (line is null) return null;
                var rate = line.ExecutionRate!.Value;
                // A usual slip: the rate taken against 全年预计执行数; else a figure off by a little.
                var printed = _rng.Next(2) == 0 && line.ForecastExecuted > 0
                    ? _profile.RoundExecutionRate(line.ExecutedToDate!.Value / line.ForecastExecuted.Value * 100m)
                    : rate;
                if (Math.Abs(printed - rate) < 0.5m)
                {
                    var slip = Dec(Pick(new[] { "0.50", "1.00", "2.30", "10.00" }));
                    printed = rate - slip >= 0 && _rng.Next(2) == 0 ? rate - slip : rate + slip;
                }
                line.ExecutionRate = M(printed);
                return OnLine(line);
            }

            case DefectKind.MonitoringDeviationMissing:
            {
                var sheet = MonitoringAssessor.Assess(form, _profile);
                var lines = sheet.Funds.Zip(form.Funds.Rows).Where(p => p.First.Light.NeedsExplanation).Select(p => (object)p.Second);
                var rows = sheet.Indicators.Zip(form.Indicators).Where(p => p.First.Light.NeedsExplanation).Select(p => (object)p.Second);
                var place = One(lines.Concat(rows));
                if (place is null)
                {
                    // Nothing at risk on this form: one row falls behind first, honestly explained.
                    var row = One(form.Indicators.Where(CanMiss));
                    if (row is null) return null;
                    MissForecast(row);
                    row.Likelihood = Likelihood.Possible;
                    row.Deviation = Reason(TargetLagReasons);
                    place = row;
                }
                Deviation Strip(Deviation d) => _rng.Next(4) switch
                {
                    0 => d with { Reason = null },
                    1 => d with { CorrectiveAction = null },
                    2 => d with { Causes = [] },
                    _ => d with { Reason = null, CorrectiveAction = null },
                };
                if (place is MonitoringFundRow line)
                {
                    line.Deviation = _rng.Next(4) == 0 ? null : Strip(line.Deviation!);
                    return OnLine(line);
                }
                var indicator = (Indicator)place;
                indicator.Deviation = _rng.Next(4) == 0 ? null : Strip(indicator.Deviation!);
                return OnRow(indicator);
            }
        }
        return null;
    }
}
