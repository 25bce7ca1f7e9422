using Jixiao.Core.Model;

namespace Jixiao.Cli;

/// <summary>A plain-text listing of forms for a terminal.</summary>
internal static class FormText
{
    public static void Print(IEnumerable<PerformanceForm> forms, TextWriter w)
    {
        foreach (var f in forms)
        {
            var period = f is MonitoringForm pm ? " " + pm.Period.Label : "";
            w.WriteLine($"== {f.Kind.ToChinese()}（{f.Year}年度{period}）{(f.Complete ? "" : "【不完整】")}");
            if (f.Kind.IsDepartmentWhole())
                w.WriteLine($"   部门（单位）名称：{f.ImplementingUnit}    主管部门：{f.Department}");
            else
            {
                w.WriteLine($"   项目名称：{f.ProjectName}");
                w.WriteLine($"   主管部门：{f.Department}    实施单位：{f.ImplementingUnit}");
            }
            var tasks = (f as DepartmentDeclaration)?.Tasks ?? (f as DepartmentSelfEvaluation)?.Tasks;
            foreach (var task in tasks?.Rows ?? [])
                w.WriteLine($"   任务 {task.Name}（{tasks!.Unit.ToChinese()}）：总额 {task.Total} 财政拨款 {task.Fiscal} 其他资金 {task.Other}");
            if (tasks is { IsEmpty: false }) w.WriteLine($"   金额合计：{tasks.Total} 财政拨款 {tasks.Fiscal} 其他资金 {tasks.Other}");
            if (f is EvaluationForm s && s.Funds.Total is { } t)
                w.WriteLine($"   资金（{s.Funds.Unit.ToChinese()}）：年初 {t.InitialBudget} 全年 {t.AdjustedBudget} 执行 {t.Executed} 执行率 {t.ExecutionRate}% 得分 {t.Score}");
            if (f is TargetDeclaration d)
                w.WriteLine($"   资金（{d.Funds.Unit.ToChinese()}）：项目总额 {d.Funds.ProjectTotal} 年度申请 {d.Funds.AnnualTotal}（当年拨款 {d.Funds.CurrentYearAppropriation} 上年结转 {d.Funds.CarryOver} 其他 {d.Funds.Other}）");
            if (f is MonitoringForm m)
                foreach (var r in m.Funds.Rows)
                    w.WriteLine($"   {r.Label}（{m.Funds.Unit.ToChinese()}）：年初 {r.InitialBudget} {m.Period.Label}执行 {r.ExecutedToDate} 执行率 {r.ExecutionRate}% 全年预计 {r.ForecastExecuted}");
            foreach (var i in f.Indicators)
            {
                var values = f switch
                {
                    EvaluationForm => $"{i.Target?.Text} | {i.Actual?.Text} | {i.Weight} | {i.Score}{(i.DeviationReason is null ? "" : " | " + i.DeviationReason)}",
                    MonitoringForm => $"{i.Target?.Text} | {i.Progress?.Text} | 全年预计 {i.Forecast?.Text} | {i.Likelihood?.ToChinese()}"
                                      + (i.Deviation is { } dev ? $" | 偏差原因：{string.Join("、", dev.Causes.Select(c => c.ToChinese()))} {dev.Reason} {dev.CorrectiveAction}".TrimEnd() : ""),
                    _ => i.Target?.Text,
                };
                w.WriteLine($"   {i.Level1}/{i.Level2}/{i.Name} | {values}");
            }
            if (f is EvaluationForm se) w.WriteLine($"   总分 {se.TotalScore}/{se.TotalWeight}  评分等级 {se.Grade}");
            w.WriteLine();
        }
    }
}
