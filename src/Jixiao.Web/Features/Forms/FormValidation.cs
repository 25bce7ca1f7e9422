using Jixiao.Core.Model;

namespace Jixiao.Web.Features.Forms;

/// <summary>
/// What a form must satisfy to be saved from the editor or the API, beyond being well-formed JSON: lengths,
/// non-negative money, plausible years. Messages name the field (the JSON path) and say what to do.
/// </summary>
public static class FormValidation
{
    public const int MaxText = 5000;
    public const int MaxName = 200;
    public const int MaxIndicators = 300;

    public sealed record Problem(string Field, string Message);

    public static List<Problem> Check(PerformanceForm f)
    {
        var problems = new List<Problem>();
        void Text(string field, string? value, int max, bool required = false, string? label = null)
        {
            if (required && string.IsNullOrWhiteSpace(value)) problems.Add(new(field, $"请填写{label}"));
            else if (value is { } v && v.Length > max) problems.Add(new(field, $"{label}不能超过 {max} 字（现有 {v.Length} 字）"));
        }
        void Money(string field, decimal? value, string label)
        {
            if (value is < 0) problems.Add(new(field, $"{label}不能为负数"));
            else if (value is > 1_000_000_000_000m) problems.Add(new(field, $"{label}超出合理范围"));
        }

        Text("projectName", f.ProjectName, MaxName, true, "项目名称");
        Text("department", f.Department, MaxName, false, "主管部门");
        Text("implementingUnit", f.ImplementingUnit, MaxName, true, "实施单位");
        if (f.Year is not { } y || y is < 1990 or > 2100) problems.Add(new("year", "年度应为 1990–2100 之间的年份"));
        if (f.Indicators.Count > MaxIndicators) problems.Add(new("indicators", $"指标不能超过 {MaxIndicators} 行"));
        switch (f)
        {
            case TargetDeclaration d:
                Text("projectNature", d.ProjectNature, MaxName, false, "项目性质");
                Text("projectCategory", d.ProjectCategory, MaxName, false, "项目类别");
                Text("goals.overall", d.OverallGoal, MaxText, false, "项目总目标");
                Text("goals.annual", d.AnnualGoal, MaxText, false, "年度总体目标");
                Money("funds.projectTotal", d.Funds.ProjectTotal, "项目资金总额");
                Money("funds.annualTotal", d.Funds.AnnualTotal, "年度资金申请总额");
                Money("funds.currentYearAppropriation", d.Funds.CurrentYearAppropriation, "当年财政拨款");
                Money("funds.carryOver", d.Funds.CarryOver, "上年结转资金");
                Money("funds.other", d.Funds.Other, "其他资金");
                if (d.StartDate is { } start && d.EndDate is { } end && start > end) problems.Add(new("endDate", "计划完成日期不能早于计划开始日期"));
                break;
            case SelfEvaluation s:
                Text("goals.annual", s.ExpectedGoal, MaxText, false, "预期目标");
                Text("goals.actual", s.ActualOutcome, MaxText, false, "实际完成情况");
                for (int i = 0; i < s.Funds.Rows.Count; i++)
                {
                    var r = s.Funds.Rows[i];
                    Money($"funds.rows[{i}].initialBudget", r.InitialBudget, r.Label + "年初预算数");
                    Money($"funds.rows[{i}].adjustedBudget", r.AdjustedBudget, r.Label + "全年预算数");
                    Money($"funds.rows[{i}].executed", r.Executed, r.Label + "全年执行数");
                }
                break;
        }
        for (int i = 0; i < f.Indicators.Count; i++)
        {
            var ind = f.Indicators[i];
            var p = $"indicators[{i}]";
            Text($"{p}.name", ind.Name, MaxName, true, $"第 {i + 1} 行指标的三级指标名称");
            Text($"{p}.deviationReason", ind.DeviationReason, MaxText, false, $"第 {i + 1} 行的偏差原因");
            if (ind.Weight is < 0 or > 100) problems.Add(new($"{p}.weight", $"第 {i + 1} 行的分值应在 0–100 之间"));
            if (ind.Score is < 0) problems.Add(new($"{p}.score", $"第 {i + 1} 行的得分不能为负数"));
        }
        return problems;
    }
}
