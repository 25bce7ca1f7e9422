namespace Jixiao.Core.Model;

public enum FormKind
{
    SelfEvaluation,    // 财政项目支出绩效自评表
    TargetDeclaration, // 财政项目支出绩效目标申报表
    Monitoring,        // 项目支出绩效目标执行监控表 (运行监控, 双监控)
    DepartmentDeclaration,    // 部门整体支出绩效目标表 (docs/department-whole.md)
    DepartmentSelfEvaluation, // 部门整体支出绩效自评表
}

public static class FormKinds
{
    public static string ToCode(this FormKind k) => k switch
    {
        FormKind.SelfEvaluation => "self-evaluation",
        FormKind.TargetDeclaration => "target-declaration",
        FormKind.Monitoring => "monitoring",
        FormKind.DepartmentDeclaration => "department-declaration",
        FormKind.DepartmentSelfEvaluation => "department-self-evaluation",
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };

    public static FormKind? FromCode(string? code) => code switch
    {
        "self-evaluation" => FormKind.SelfEvaluation,
        "target-declaration" => FormKind.TargetDeclaration,
        "monitoring" => FormKind.Monitoring,
        "department-declaration" => FormKind.DepartmentDeclaration,
        "department-self-evaluation" => FormKind.DepartmentSelfEvaluation,
        _ => null,
    };

    public static string ToChinese(this FormKind k) => k switch
    {
        FormKind.SelfEvaluation => "财政项目支出绩效自评表",
        FormKind.TargetDeclaration => "财政项目支出绩效目标申报表",
        FormKind.DepartmentDeclaration => "部门整体支出绩效目标表",
        FormKind.DepartmentSelfEvaluation => "部门整体支出绩效自评表",
        _ => "项目支出绩效目标执行监控表",
    };

    /// <summary>The short name lists and messages use: 自评表, 申报表, 监控表, 部门整体目标表, 部门整体自评表.</summary>
    public static string ShortName(this FormKind k) => k switch
    {
        FormKind.SelfEvaluation => "自评表",
        FormKind.TargetDeclaration => "申报表",
        FormKind.DepartmentDeclaration => "部门整体目标表",
        FormKind.DepartmentSelfEvaluation => "部门整体自评表",
        _ => "监控表",
    };

    /// <summary>A 部门整体 form: the department's (unit's) whole year, not one project.</summary>
    public static bool IsDepartmentWhole(this FormKind k) => k is FormKind.DepartmentDeclaration or FormKind.DepartmentSelfEvaluation;

    /// <summary>
    /// What the form is about, as lists and titles name it: its 项目名称, or for a 部门整体 form (which has no project)
    /// its unit's 部门整体支出 (`浮梁县林业局部门整体支出`).
    /// </summary>
    public static string? Subject(this PerformanceForm f) =>
        f.ProjectName ?? (f.Kind.IsDepartmentWhole() ? f.ImplementingUnit + "部门整体支出" : null);

    /// <summary>Every kind code, for the messages that list them.</summary>
    public const string CodeList = "self-evaluation、target-declaration、monitoring、department-declaration 或 department-self-evaluation";
}

/// <summary>Where something came from: the file and the 1-based line of its first text.</summary>
public sealed record SourceRef(string? File, int? Line);

/// <summary>Something the importer could not read with certainty; it names the line.</summary>
public sealed record ImportWarning(string Message, int? Line);

/// <summary>One 三级 indicator row with its place in the 一级 → 二级 tree.</summary>
public sealed class Indicator
{
    public string? Level1 { get; set; }
    public string? Level2 { get; set; }
    public string Name { get; set; } = "";
    public TargetValue? Target { get; set; }

    // Self-evaluation only.
    public ActualValue? Actual { get; set; }
    public decimal? Weight { get; set; }          // 分值
    public decimal? Score { get; set; }           // 得分
    public string? DeviationReason { get; set; }  // 偏差原因分析及改进措施

    /// <summary>
    /// 改分: the unit holds that this quantitative row deserves another score than the rules give, and says why.
    /// When set, <see cref="Score"/> is the override's score; the rule-based score stays computable beside it.
    /// </summary>
    public ScoreOverride? Override { get; set; }

    // Monitoring only (项目支出绩效目标执行监控表).
    public ActualValue? Progress { get; set; }    // 1-X月执行情况
    public ActualValue? Forecast { get; set; }    // 全年预计完成情况
    public Deviation? Deviation { get; set; }     // 偏差原因分析 and 纠偏措施
    public Likelihood? Likelihood { get; set; }   // 完成目标可能性
    public string? Remark { get; set; }           // 备注; on a 部门整体 form its 指标值说明

    public int? Line { get; set; }
}

/// <summary>A score the unit puts in place of the computed one, with its written reason.</summary>
public sealed record ScoreOverride(decimal Score, string Reason);

/// <summary>A fund row of a self-evaluation: 年初预算数 | 全年预算数 | 全年执行数 | 分数 | 执行率(%) | 得分.</summary>
public sealed class FundRow
{
    public string Label { get; set; } = "";
    public decimal? InitialBudget { get; set; }   // 年初预算数
    public decimal? AdjustedBudget { get; set; }  // 全年预算数
    public decimal? Executed { get; set; }        // 全年执行数
    public decimal? Weight { get; set; }          // 分数 ("-" on sub-rows)
    public decimal? ExecutionRate { get; set; }   // 执行率(%), percent
    public decimal? Score { get; set; }           // 得分
    public int? Line { get; set; }
}

public sealed class SelfEvaluationFunds
{
    public MoneyUnit Unit { get; set; } = MoneyUnit.WanYuan;

    /// <summary>年度资金总额, then the source lines (当年财政拨款, 上年结转资金, 其他资金 …) in printed order.</summary>
    public List<FundRow> Rows { get; } = new();

    public FundRow? Total => Rows.FirstOrDefault(r => r.Label.Contains("总额")) ?? Rows.FirstOrDefault();

    public FundRow? Row(string labelPart) => Rows.FirstOrDefault(r => r.Label.Contains(labelPart));
}

/// <summary>项目资金 of a declaration: the project's whole life and this year's request, by source.</summary>
public sealed class DeclarationFunds
{
    public MoneyUnit Unit { get; set; } = MoneyUnit.Yuan;
    public decimal? ProjectTotal { get; set; }              // 项目资金总额
    public decimal? ProjectFiscal { get; set; }             // 其中：财政资金
    public decimal? ProjectOther { get; set; }              // 其他资金 (project column)
    public decimal? AnnualTotal { get; set; }               // 年度资金申请总额
    public decimal? CurrentYearAppropriation { get; set; }  // 其中：当年财政拨款
    public decimal? CarryOver { get; set; }                 // 上年结转资金
    public decimal? Other { get; set; }                     // 其他资金 (annual column)
}

/// <summary>What every form kind shares.</summary>
public abstract class PerformanceForm
{
    public abstract FormKind Kind { get; }
    public int? Year { get; set; }
    public string? ProjectName { get; set; }
    public string? Department { get; set; }        // 主管部门
    public string? ImplementingUnit { get; set; }  // 实施单位
    public List<Indicator> Indicators { get; } = new();

    /// <summary>False when the text stops before the form ends (a cut-off publication).</summary>
    public bool Complete { get; set; } = true;

    public List<ImportWarning> Warnings { get; } = new();
    public SourceRef Source { get; set; } = new(null, null);

    /// <summary>调整: 0 or null for the form as first approved, 1 for its first adjustment, and so on.</summary>
    public int? Revision { get; set; }
}

/// <summary>
/// What a self-evaluation of a project and of a department's whole year share: the fund rows with 执行率 and its
/// score, the goal and what was done, the scored indicators, the total and the grade. The scorer and the review's
/// arithmetic work on this.
/// </summary>
public abstract class EvaluationForm : PerformanceForm
{
    public SelfEvaluationFunds Funds { get; set; } = new();
    public string? ExpectedGoal { get; set; }   // 预期目标
    public string? ActualOutcome { get; set; }  // 实际完成情况
    public decimal? TotalWeight { get; set; }   // 总分 row, first figure (100.00)
    public decimal? TotalScore { get; set; }    // 总分 row, the score
    public string? Grade { get; set; }          // 评分等级: 优 / 良 / 中 / 差

    /// <summary>复核分: the reviewer's score beside the unit's own, recorded by the 主管部门 or finance.</summary>
    public decimal? ReviewScore { get; set; }
}

/// <summary>财政项目支出绩效自评表.</summary>
public sealed class SelfEvaluation : EvaluationForm
{
    public override FormKind Kind => FormKind.SelfEvaluation;
}

/// <summary>财政项目支出绩效目标申报表.</summary>
public sealed class TargetDeclaration : PerformanceForm
{
    public override FormKind Kind => FormKind.TargetDeclaration;
    public string? ProjectNature { get; set; }    // 项目性质
    public string? ProjectCategory { get; set; }  // 项目类别
    public DateOnly? StartDate { get; set; }      // 计划开始日期
    public DateOnly? EndDate { get; set; }        // 计划完成日期
    public DeclarationFunds Funds { get; set; } = new();
    public string? OverallGoal { get; set; }      // 项目总目标
    public string? AnnualGoal { get; set; }       // 年度总体目标
}

/// <summary>项目绩效目标汇总表: a unit's declarations for a year.</summary>
public sealed class DeclarationSummary
{
    public int? Year { get; set; }
    public string? UnitName { get; set; }
    public List<TargetDeclaration> Declarations { get; } = new();
}
