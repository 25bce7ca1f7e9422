using Jixiao.Core.Model;

namespace Jixiao.Core.Entry;

/// <summary>A value that cannot be saved: the field (its JSON path, e.g. <c>indicators[2].score</c>) and why, in Chinese.</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>
/// The bounds every form entered in the app must keep, whatever the workflow later says: lengths, money (non-negative,
/// below 10¹³ 元, at most two decimals in 元), years and dates, the indicator framework (一级/二级), weights 0–100 and
/// scores inside [0, 分值]. A value outside them is never stored. Imported files are not held to these (their printed
/// figures are evidence for the review); a form edited in the app is. Messages name the row from 1.
/// </summary>
public static class FormValidation
{
    public const int MaxText = 5000;
    public const int MaxName = 200;
    public const int MaxShort = 20;
    public const int MaxReason = 2000;
    public const int MaxIndicators = 300;
    public const int MaxFundRows = 10;
    public const decimal MaxYuan = 10_000_000_000_000m; // 10¹³ 元
    public const decimal MaxValue = 10_000_000_000_000m;

    public static List<FieldProblem> Check(PerformanceForm f)
    {
        var problems = new List<FieldProblem>();
        void Add(string field, string message) => problems.Add(new FieldProblem(field, message));
        void Text(string field, string? value, int max, string label, bool required = false)
        {
            if (required && string.IsNullOrWhiteSpace(value)) Add(field, $"请填写{label}");
            else if (value is { } v && v.Length > max) Add(field, $"{label}不能超过 {max} 字（现有 {v.Length} 字）");
        }
        void Money(string field, decimal? value, MoneyUnit unit, string label)
        {
            if (value is not { } v) return;
            var yuan = unit == MoneyUnit.Yuan ? v : v * 10000m;
            if (v < 0) Add(field, $"{label}不能为负数（{v} {unit.ToChinese()}）");
            else if (yuan >= MaxYuan) Add(field, $"{label} {v} {unit.ToChinese()} 超出范围（应小于 10¹³ 元）");
            else if (decimal.Round(yuan, 2) != yuan) Add(field, $"{label} {v} {unit.ToChinese()} 折合 {yuan} 元，超过两位小数（最小到分）");
        }
        void Number(string field, decimal? value, decimal min, decimal max, string label)
        {
            if (value is { } v && (v < min || v > max)) Add(field, $"{label}应在 {min}–{max} 之间（现为 {v}）");
        }

        // A 部门整体 form has no project: its 部门（单位）名称 is the implementing unit.
        bool whole = f.Kind.IsDepartmentWhole();
        Text("projectName", f.ProjectName, MaxName, "项目名称", required: !whole);
        Text("department", f.Department, MaxName, "主管部门");
        Text("implementingUnit", f.ImplementingUnit, MaxName, whole ? "部门（单位）名称" : "实施单位", required: true);
        if (f.Year is not { } y || y is < 1990 or > 2100) Add("year", "年度应为 1990–2100 之间的年份");
        if (f.Indicators.Count > MaxIndicators) Add("indicators", $"指标不能超过 {MaxIndicators} 行（现有 {f.Indicators.Count} 行）");
        switch (f)
        {
            case TargetDeclaration d:
                Text("projectNature", d.ProjectNature, MaxName, "项目性质");
                Text("projectCategory", d.ProjectCategory, MaxName, "项目类别");
                Text("goals.overall", d.OverallGoal, MaxText, "项目总目标");
                Text("goals.annual", d.AnnualGoal, MaxText, "年度总体目标");
                var u = d.Funds.Unit;
                Money("funds.projectTotal", d.Funds.ProjectTotal, u, "项目资金总额");
                Money("funds.projectFiscal", d.Funds.ProjectFiscal, u, "项目资金中的财政资金");
                Money("funds.projectOther", d.Funds.ProjectOther, u, "项目资金中的其他资金");
                Money("funds.annualTotal", d.Funds.AnnualTotal, u, "年度资金申请总额");
                Money("funds.currentYearAppropriation", d.Funds.CurrentYearAppropriation, u, "当年财政拨款");
                Money("funds.carryOver", d.Funds.CarryOver, u, "上年结转资金");
                Money("funds.other", d.Funds.Other, u, "其他资金");
                if (d.StartDate is { } start && d.EndDate is { } end && start > end) Add("endDate", "计划完成日期不能早于计划开始日期");
                if (d.StartDate is { Year: < 1990 or > 2100 }) Add("startDate", "计划开始日期应在 1990–2100 年之间");
                if (d.EndDate is { Year: < 1990 or > 2100 }) Add("endDate", "计划完成日期应在 1990–2100 年之间");
                break;
            case DepartmentDeclaration dd:
                Text("unitCode", dd.UnitCode, MaxShort, "部门编码");
                Text("contact", dd.Contact, MaxName, "联系人");
                Text("phone", dd.Phone, MaxShort, "联系电话");
                Text("functions", dd.Functions, MaxText, "部门职能职责概述");
                Text("goals.annual", dd.AnnualGoal, MaxText, "年度总体目标");
                Tasks(dd.Tasks);
                break;
            case EvaluationForm s:
                if (s is DepartmentSelfEvaluation ds)
                {
                    Text("unitCode", ds.UnitCode, MaxShort, "部门编码");
                    Text("contact", ds.Contact, MaxName, "联系人");
                    Text("phone", ds.Phone, MaxShort, "联系电话");
                    Text("goals.adjusted", ds.AdjustedGoal, MaxText, "全年（调整）绩效目标");
                    Tasks(ds.Tasks);
                }
                Text("goals.annual", s.ExpectedGoal, MaxText, "预期目标");
                Text("goals.actual", s.ActualOutcome, MaxText, "实际完成情况");
                if (s.Funds.Rows.Count > MaxFundRows) Add("funds.rows", $"资金行不能超过 {MaxFundRows} 行");
                for (int i = 0; i < s.Funds.Rows.Count; i++)
                {
                    var r = s.Funds.Rows[i];
                    var p = $"funds.rows[{i}]";
                    Text($"{p}.label", r.Label, 50, $"第 {i + 1} 个资金行的名称", required: true);
                    Money($"{p}.initialBudget", r.InitialBudget, s.Funds.Unit, r.Label + "的年初预算数");
                    Money($"{p}.adjustedBudget", r.AdjustedBudget, s.Funds.Unit, r.Label + "的全年预算数");
                    Money($"{p}.executed", r.Executed, s.Funds.Unit, r.Label + "的全年执行数");
                    Number($"{p}.weight", r.Weight, 0, 100, r.Label + "的分值");
                    Number($"{p}.executionRate", r.ExecutionRate, 0, 10000, r.Label + "的执行率");
                    if (r.Score is { } sc && (sc < 0 || sc > (r.Weight ?? 100)))
                        Add($"{p}.score", $"{r.Label}的执行率得分 {sc} 应在 0–{r.Weight ?? 100} 之间（不能超过分值）");
                }
                Number("totalWeight", s.TotalWeight, 0, 100, "总分行的分值");
                Number("totalScore", s.TotalScore, 0, 100, "总分");
                Text("grade", s.Grade, 2, "评分等级");
                break;
            case MonitoringForm m:
                Text("goals.annual", m.AnnualGoal, MaxText, "年度总体目标");
                Text("goals.progress", m.GoalProgress, MaxText, $"年度总体目标的{m.Period.Label}执行情况");
                if (m.Funds.Rows.Count > MaxFundRows) Add("funds.rows", $"资金行不能超过 {MaxFundRows} 行");
                for (int i = 0; i < m.Funds.Rows.Count; i++)
                {
                    var r = m.Funds.Rows[i];
                    var p = $"funds.rows[{i}]";
                    Text($"{p}.label", r.Label, 50, $"第 {i + 1} 个资金行的名称", required: true);
                    Money($"{p}.initialBudget", r.InitialBudget, m.Funds.Unit, r.Label + "的年初预算数");
                    Money($"{p}.adjustedBudget", r.AdjustedBudget, m.Funds.Unit, r.Label + "的调整后预算数");
                    Money($"{p}.executedToDate", r.ExecutedToDate, m.Funds.Unit, $"{r.Label}的{m.Period.Label}执行数");
                    Money($"{p}.forecastExecuted", r.ForecastExecuted, m.Funds.Unit, r.Label + "的全年预计执行数");
                    Number($"{p}.executionRate", r.ExecutionRate, 0, 10000, r.Label + "的执行率");
                    Deviation($"{p}.deviation", r.Deviation, r.Label);
                }
                break;
        }
        void Tasks(DepartmentTasks t)
        {
            if (t.Rows.Count > MaxIndicators) Add("tasks.rows", $"年度主要任务不能超过 {MaxIndicators} 项");
            for (int i = 0; i < t.Rows.Count; i++)
            {
                var r = t.Rows[i];
                var p = $"tasks.rows[{i}]";
                var task = $"第 {i + 1} 项任务";
                Text($"{p}.name", r.Name, MaxName, $"{task}的任务名称", required: true);
                Text($"{p}.content", r.Content, MaxText, $"{task}的主要内容");
                Money($"{p}.total", r.Total, t.Unit, $"{task}的总额");
                Money($"{p}.fiscal", r.Fiscal, t.Unit, $"{task}的财政拨款");
                Money($"{p}.other", r.Other, t.Unit, $"{task}的其他资金");
            }
            Money("tasks.total", t.Total, t.Unit, "金额合计的总额");
            Money("tasks.fiscal", t.Fiscal, t.Unit, "金额合计的财政拨款");
            Money("tasks.other", t.Other, t.Unit, "金额合计的其他资金");
        }
        void Deviation(string field, Deviation? d, string where)
        {
            if (d is null) return;
            Text($"{field}.reason", d.Reason, MaxText, $"{where}的偏差原因说明");
            Text($"{field}.correctiveAction", d.CorrectiveAction, MaxText, $"{where}的纠偏措施");
        }
        for (int i = 0; i < f.Indicators.Count; i++)
        {
            var ind = f.Indicators[i];
            var p = $"indicators[{i}]";
            var row = $"第 {i + 1} 行";
            Text($"{p}.name", ind.Name, MaxName, $"{row}的三级指标名称", required: true);
            // 重庆's 部门整体 layout has no 一级/二级 columns: a 部门整体 row may leave them empty, not wrong.
            if (string.IsNullOrWhiteSpace(ind.Level1)) { if (!whole) Add($"{p}.level1", $"请选择{row}的一级指标"); }
            else if (!Framework.IsLevel1(ind.Level1))
                Add($"{p}.level1", $"{row}的一级指标“{ind.Level1}”不在指标体系中（应为 {string.Join("、", Framework.Level1Names)} 之一）");
            if (string.IsNullOrWhiteSpace(ind.Level2)) { if (!whole) Add($"{p}.level2", $"请选择{row}的二级指标"); }
            else if (Framework.ParentOf(ind.Level2) is not { } parent)
                Add($"{p}.level2", $"{row}的二级指标“{ind.Level2}”不在指标体系中");
            else if (Framework.IsLevel1(ind.Level1 ?? "") && parent != ind.Level1)
                Add($"{p}.level2", $"{row}的二级指标“{ind.Level2}”属于“{parent}”，不属于“{ind.Level1}”");
            if (ind.Target is { } t)
            {
                Text($"{p}.target.text", t.Text, MaxName, $"{row}的年度指标值");
                Text($"{p}.target.unit", t.Unit, MaxShort, $"{row}指标值的单位");
                if (t.Value is { } tv && Math.Abs(tv) >= MaxValue) Add($"{p}.target.value", $"{row}的指标值 {tv} 超出范围");
                if (t.Value is null && t.Comparator is not null) Add($"{p}.target.value", $"{row}写了比较符“{t.Comparator.Value.ToSymbol()}”却没有数值");
            }
            if (ind.Actual is { } a)
            {
                Text($"{p}.actual.text", a.Text, MaxName, $"{row}的实际完成值");
                Text($"{p}.actual.unit", a.Unit, MaxShort, $"{row}实际完成值的单位");
                if (a.Value is { } av && Math.Abs(av) >= MaxValue) Add($"{p}.actual.value", $"{row}的实际完成值 {av} 超出范围");
            }
            Text($"{p}.deviationReason", ind.DeviationReason, MaxText, $"{row}的偏差原因");
            foreach (var (name, value, label) in new[] { ("progress", ind.Progress, "执行情况"), ("forecast", ind.Forecast, "全年预计完成情况") })
                if (value is { } x)
                {
                    Text($"{p}.{name}.text", x.Text, MaxName, $"{row}的{label}");
                    Text($"{p}.{name}.unit", x.Unit, MaxShort, $"{row}{label}的单位");
                    if (x.Value is { } xv && Math.Abs(xv) >= MaxValue) Add($"{p}.{name}.value", $"{row}的{label} {xv} 超出范围");
                }
            Deviation($"{p}.deviation", ind.Deviation, row);
            Text($"{p}.remark", ind.Remark, MaxText, $"{row}的备注");
            if (f is TargetDeclaration or DepartmentDeclaration && (ind.Actual is not null || ind.Weight is not null || ind.Score is not null || ind.Override is not null))
                Add($"{p}", $"{row}：申报表的指标没有实际完成值、分值和得分，这些在自评表中填写");
            if (ind.Weight is { } w)
            {
                if (w is < 0 or > 100) Add($"{p}.weight", $"{row}的分值应在 0–100 之间（现为 {w}）");
                else if (decimal.Round(w, 2) != w) Add($"{p}.weight", $"{row}的分值 {w} 最多两位小数");
            }
            if (ind.Score is { } score)
            {
                if (ind.Weight is not { } weight) Add($"{p}.score", $"{row}有得分 {score} 却没有分值；请先填分值");
                else if (score < 0 || score > weight) Add($"{p}.score", $"{row}的得分 {score} 超出 0–{weight}（得分不能超过分值）");
            }
            if (ind.Override is { } o)
            {
                if (string.IsNullOrWhiteSpace(o.Reason)) Add($"{p}.scoreOverride.reason", $"{row}改动了得分，须写明理由");
                else if (o.Reason.Length > MaxReason) Add($"{p}.scoreOverride.reason", $"{row}改分的理由不能超过 {MaxReason} 字");
                if (ind.Weight is { } ow && (o.Score < 0 || o.Score > ow)) Add($"{p}.scoreOverride.score", $"{row}改分后的得分 {o.Score} 超出 0–{ow}");
            }
        }
        return problems;
    }
}
