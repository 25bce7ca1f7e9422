using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Jixiao.Core.Interchange;

// The JSON format, version 1 (docs/json-format.md), as typed records: what the API reads and answers, what the
// database stores, what `jixiao import --json` prints. Property order is the format's key order. Numbers are
// decimals, written with the places they carry (20.00 stays 20.00). [Description] texts are the Chinese field
// names: OpenAPI shows them, and the strict reader names fields with them in its messages.
// Fields of one kind only are marked [ForKind]: the writer leaves them out of the other kind's documents.

/// <summary>Marks a field that belongs to some form kinds (their kind codes); the writer omits it for the others.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ForKindAttribute(params string[] kinds) : Attribute
{
    public IReadOnlyList<string> Kinds { get; } = kinds;

    public bool Allows(string kind) => Kinds.Contains(kind);
}

[Description("绩效表（交换格式第 1 版）")]
public record FormDocument
{
    [Description("格式版本")] public int? FormatVersion { get; init; }
    [Description("表的类型（self-evaluation 自评表 / target-declaration 申报表 / monitoring 监控表 / department-declaration 部门整体支出绩效目标表 / department-self-evaluation 部门整体支出绩效自评表）")] public required string Kind { get; init; }
    [Description("年度")] public int? Year { get; init; }
    [Description("项目名称")] public string? ProjectName { get; init; }
    [Description("主管部门")] public string? Department { get; init; }
    [Description("实施单位（部门整体表：部门（单位）名称）")] public string? ImplementingUnit { get; init; }
    [Description("部门编码"), ForKind("department-declaration", "department-self-evaluation")] public string? UnitCode { get; init; }
    [Description("联系人"), ForKind("department-declaration", "department-self-evaluation")] public string? Contact { get; init; }
    [Description("联系电话"), ForKind("department-declaration", "department-self-evaluation")] public string? Phone { get; init; }
    [Description("部门职能职责概述"), ForKind("department-declaration")] public string? Functions { get; init; }
    [Description("项目性质"), ForKind("target-declaration")] public string? ProjectNature { get; init; }
    [Description("项目类别"), ForKind("target-declaration")] public string? ProjectCategory { get; init; }
    [Description("计划开始日期（yyyy-MM-dd）"), ForKind("target-declaration")] public string? StartDate { get; init; }
    [Description("计划完成日期（yyyy-MM-dd）"), ForKind("target-declaration")] public string? EndDate { get; init; }
    [Description("监控期"), ForKind("monitoring")] public MonitoringPeriodDocument? Period { get; init; }
    [Description("项目资金（部门整体自评表：预算执行情况）"), ForKind("self-evaluation", "target-declaration", "monitoring", "department-self-evaluation")] public FundsDocument? Funds { get; init; }
    [Description("年度主要任务"), ForKind("department-declaration", "department-self-evaluation")] public DepartmentTasksDocument? Tasks { get; init; }
    [Description("绩效目标")] public GoalsDocument? Goals { get; init; }
    [Description("绩效指标")] public IReadOnlyList<IndicatorDocument>? Indicators { get; init; }
    [Description("总分行的分值"), ForKind("self-evaluation", "department-self-evaluation")] public decimal? TotalWeight { get; init; }
    [Description("总分"), ForKind("self-evaluation", "department-self-evaluation")] public decimal? TotalScore { get; init; }
    [Description("评分等级"), ForKind("self-evaluation", "department-self-evaluation")] public string? Grade { get; init; }
    [Description("复核分"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? ReviewScore { get; init; }
    [Description("调整次数"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Revision { get; init; }
    [Description("内容是否完整")] public bool? Complete { get; init; }
    [Description("导入提示")] public IReadOnlyList<WarningDocument>? Warnings { get; init; }
    [Description("来源")] public SourceDocument? Source { get; init; }
}

/// <summary>Both kinds' funds in one record; <see cref="ForKindAttribute"/> says which fields each kind writes.</summary>
[Description("项目资金（申报表：项目与年度资金；自评表：年度资金总额行与各资金行）")]
public sealed record FundsDocument
{
    [Description("金额单位（元 / 万元）")] public string? Unit { get; init; }
    [Description("项目资金总额"), ForKind("target-declaration")] public decimal? ProjectTotal { get; init; }
    [Description("项目资金中的财政资金"), ForKind("target-declaration")] public decimal? ProjectFiscal { get; init; }
    [Description("项目资金中的其他资金"), ForKind("target-declaration")] public decimal? ProjectOther { get; init; }
    [Description("年度资金申请总额"), ForKind("target-declaration")] public decimal? AnnualTotal { get; init; }
    [Description("当年财政拨款"), ForKind("target-declaration")] public decimal? CurrentYearAppropriation { get; init; }
    [Description("上年结转资金"), ForKind("target-declaration")] public decimal? CarryOver { get; init; }
    [Description("其他资金"), ForKind("target-declaration")] public decimal? Other { get; init; }
    [Description("年初预算数"), ForKind("self-evaluation", "department-self-evaluation")] public decimal? InitialBudget { get; init; }
    [Description("全年预算数"), ForKind("self-evaluation", "department-self-evaluation")] public decimal? AdjustedBudget { get; init; }
    [Description("全年执行数"), ForKind("self-evaluation", "department-self-evaluation")] public decimal? Executed { get; init; }
    [Description("执行率分值"), ForKind("self-evaluation", "department-self-evaluation")] public decimal? Weight { get; init; }
    [Description("执行率（%）"), ForKind("self-evaluation", "department-self-evaluation")] public decimal? ExecutionRate { get; init; }
    [Description("执行率得分"), ForKind("self-evaluation", "department-self-evaluation")] public decimal? Score { get; init; }
    [Description("资金行"), ForKind("self-evaluation", "monitoring", "department-self-evaluation")] public IReadOnlyList<FundRowDocument>? Rows { get; init; }

    /// <summary>The kind of the form these funds belong to, for the writer; not part of the JSON.</summary>
    [JsonIgnore] public string? For { get; init; }
}

[Description("资金行")]
public sealed record FundRowDocument
{
    [Description("资金行名称")] public required string Label { get; init; }
    [Description("年初预算数")] public decimal? InitialBudget { get; init; }
    [Description("全年预算数（自评表）/ 调整后预算数（监控表）")] public decimal? AdjustedBudget { get; init; }
    [Description("全年执行数"), ForKind("self-evaluation", "department-self-evaluation")] public decimal? Executed { get; init; }
    [Description("1-X月执行数"), ForKind("monitoring")] public decimal? ExecutedToDate { get; init; }
    [Description("分值"), ForKind("self-evaluation", "department-self-evaluation")] public decimal? Weight { get; init; }
    [Description("执行率（%）")] public decimal? ExecutionRate { get; init; }
    [Description("得分"), ForKind("self-evaluation", "department-self-evaluation")] public decimal? Score { get; init; }
    [Description("全年预计执行数"), ForKind("monitoring")] public decimal? ForecastExecuted { get; init; }
    [Description("偏差原因分析与纠偏措施"), ForKind("monitoring")] public DeviationDocument? Deviation { get; init; }
    [Description("原文行号")] public int? Line { get; init; }

    [JsonIgnore] public string? For { get; init; }
}

[Description("监控期：1 月至 endMonth 月末的累计数")]
public sealed record MonitoringPeriodDocument
{
    [Description("监控期末月份（1–12；1-7月为 7）")] public required int EndMonth { get; init; }
    [Description("监控期名称（如 第三季度）")] public string? Name { get; init; }
}

[Description("偏差原因分析与纠偏措施")]
public sealed record DeviationDocument
{
    [Description("偏差原因（funding 经费保障 / institutional 制度保障 / staffing 人员保障 / facilities 硬件条件保障 / other 其他）")]
    public IReadOnlyList<string>? Causes { get; init; }
    [Description("偏差原因说明")] public string? Reason { get; init; }
    [Description("纠偏措施")] public string? CorrectiveAction { get; init; }
}

[Description("绩效目标")]
public sealed record GoalsDocument
{
    [Description("项目总目标"), ForKind("target-declaration")] public string? Overall { get; init; }
    [Description("年度总体目标（申报表、部门整体目标表）/ 预期目标（自评表、部门整体自评表）")] public string? Annual { get; init; }
    [Description("实际完成情况"), ForKind("self-evaluation", "department-self-evaluation")] public string? Actual { get; init; }
    [Description("全年（调整）绩效目标"), ForKind("department-self-evaluation")] public string? Adjusted { get; init; }
    [Description("1-X月执行情况"), ForKind("monitoring")] public string? Progress { get; init; }

    [JsonIgnore] public string? For { get; init; }
}

[Description("三级指标行")]
public sealed record IndicatorDocument
{
    [Description("一级指标")] public string? Level1 { get; init; }
    [Description("二级指标")] public string? Level2 { get; init; }
    [Description("三级指标")] public string? Name { get; init; }
    [Description("年度指标值")] public TargetDocument? Target { get; init; }
    [Description("实际完成值"), ForKind("self-evaluation", "target-declaration", "department-declaration", "department-self-evaluation")] public ActualDocument? Actual { get; init; }
    [Description("分值"), ForKind("self-evaluation", "target-declaration", "department-declaration", "department-self-evaluation")] public decimal? Weight { get; init; }
    [Description("得分"), ForKind("self-evaluation", "target-declaration", "department-declaration", "department-self-evaluation")] public decimal? Score { get; init; }
    [Description("偏差原因分析及改进措施"), ForKind("self-evaluation", "target-declaration", "department-declaration", "department-self-evaluation")] public string? DeviationReason { get; init; }
    [Description("改分（单位认为应得的分及理由）"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ScoreOverrideDocument? ScoreOverride { get; init; }
    [Description("1-X月执行情况"), ForKind("monitoring")] public ActualDocument? Progress { get; init; }
    [Description("全年预计完成情况"), ForKind("monitoring")] public ActualDocument? Forecast { get; init; }
    [Description("偏差原因分析与纠偏措施"), ForKind("monitoring")] public DeviationDocument? Deviation { get; init; }
    [Description("完成目标可能性（certain 确定能 / possible 有可能 / impossible 完全不可能）"), ForKind("monitoring")] public string? Likelihood { get; init; }
    [Description("备注（部门整体表：指标值说明）"), ForKind("monitoring", "department-declaration", "department-self-evaluation")] public string? Remark { get; init; }
    [Description("原文行号")] public int? Line { get; init; }

    [JsonIgnore] public string? For { get; init; }
}

[Description("年度主要任务")]
public sealed record DepartmentTasksDocument
{
    [Description("金额单位（元 / 万元）")] public string? Unit { get; init; }
    [Description("任务")] public IReadOnlyList<DepartmentTaskDocument>? Rows { get; init; }
    [Description("金额合计：总额")] public decimal? Total { get; init; }
    [Description("金额合计：财政拨款")] public decimal? Fiscal { get; init; }
    [Description("金额合计：其他资金")] public decimal? Other { get; init; }
    [Description("金额合计的原文行号")] public int? TotalLine { get; init; }
}

[Description("年度主要任务的一项")]
public sealed record DepartmentTaskDocument
{
    [Description("任务名称")] public string? Name { get; init; }
    [Description("主要内容")] public string? Content { get; init; }
    [Description("预算金额：总额")] public decimal? Total { get; init; }
    [Description("预算金额：财政拨款")] public decimal? Fiscal { get; init; }
    [Description("预算金额：其他资金")] public decimal? Other { get; init; }
    [Description("原文行号")] public int? Line { get; init; }
}

[Description("年度指标值")]
public sealed record TargetDocument
{
    [Description("指标值原文")] public string? Text { get; init; }
    [Description("比较符（≥ > = ≤ <）")] public string? Comparator { get; init; }
    [Description("指标数值")] public decimal? Value { get; init; }
    [Description("计量单位")] public string? Unit { get; init; }
}

[Description("实际完成值")]
public sealed record ActualDocument
{
    [Description("实际完成值原文")] public string? Text { get; init; }
    [Description("实际数值")] public decimal? Value { get; init; }
    [Description("计量单位")] public string? Unit { get; init; }
    [Description("完成等级（achieved / partially-achieved / not-achieved）")] public string? Achievement { get; init; }
}

[Description("改分")]
public sealed record ScoreOverrideDocument
{
    [Description("改后的得分")] public required decimal Score { get; init; }
    [Description("改分理由")] public required string Reason { get; init; }
}

[Description("导入提示")]
public sealed record WarningDocument
{
    [Description("提示")] public string? Message { get; init; }
    [Description("原文行号")] public int? Line { get; init; }
}

[Description("来源")]
public sealed record SourceDocument
{
    [Description("文件")] public string? File { get; init; }
    [Description("原文行号")] public int? Line { get; init; }
}
