using Jixiao.Core.Model;

namespace Jixiao.Cli;

/// <summary>A plain-text listing of forms for a terminal.</summary>
internal static class FormText
{
    public static void Print(IEnumerable<PerformanceForm> forms, TextWriter w)
    {
        foreach (var f in forms)
        {
            w.WriteLine($"== {f.Kind.ToChinese()}（{f.Year}年度）{(f.Complete ? "" : "【不完整】")}");
            w.WriteLine($"   项目名称：{f.ProjectName}");
            w.WriteLine($"   主管部门：{f.Department}    实施单位：{f.ImplementingUnit}");
            if (f is SelfEvaluation s && s.Funds.Total is { } t)
                w.WriteLine($"   资金（{s.Funds.Unit.ToChinese()}）：年初 {t.InitialBudget} 全年 {t.AdjustedBudget} 执行 {t.Executed} 执行率 {t.ExecutionRate}% 得分 {t.Score}");
            if (f is TargetDeclaration d)
                w.WriteLine($"   资金（{d.Funds.Unit.ToChinese()}）：项目总额 {d.Funds.ProjectTotal} 年度申请 {d.Funds.AnnualTotal}（当年拨款 {d.Funds.CurrentYearAppropriation} 上年结转 {d.Funds.CarryOver} 其他 {d.Funds.Other}）");
            foreach (var i in f.Indicators)
            {
                var values = f is SelfEvaluation
                    ? $"{i.Target?.Text} | {i.Actual?.Text} | {i.Weight} | {i.Score}{(i.DeviationReason is null ? "" : " | " + i.DeviationReason)}"
                    : i.Target?.Text;
                w.WriteLine($"   {i.Level1}/{i.Level2}/{i.Name} | {values}");
            }
            if (f is SelfEvaluation se) w.WriteLine($"   总分 {se.TotalScore}/{se.TotalWeight}  评分等级 {se.Grade}");
            w.WriteLine();
        }
    }
}
