namespace Jixiao.Core.Model;

// 部门整体 forms (docs/department-whole.md): a department's (or unit's) whole year, not one project. The 部门（单位）
// 名称 is the form's ImplementingUnit (the unit that spends and fills it in) and its 主管部门, where printed, the
// Department: the organisation tree, permissions and lists then treat it as they treat the unit's project forms.

/// <summary>年度主要任务: one task of the year with what it is and its budget (预算金额: 总额, 财政拨款, 其他资金).</summary>
public sealed class DepartmentTask
{
    public string Name { get; set; } = "";   // 任务名称
    public string? Content { get; set; }     // 主要内容
    public decimal? Total { get; set; }      // 总额
    public decimal? Fiscal { get; set; }     // 财政拨款
    public decimal? Other { get; set; }      // 其他资金
    public int? Line { get; set; }
}

/// <summary>The 年度主要任务 block: its tasks in printed order and the 金额合计 row as printed.</summary>
public sealed class DepartmentTasks
{
    public MoneyUnit Unit { get; set; } = MoneyUnit.WanYuan;
    public List<DepartmentTask> Rows { get; } = new();
    public decimal? Total { get; set; }      // 金额合计: 总额
    public decimal? Fiscal { get; set; }     // 金额合计: 财政拨款
    public decimal? Other { get; set; }      // 金额合计: 其他资金
    public int? TotalLine { get; set; }

    public bool IsEmpty => Rows.Count == 0 && Total is null && Fiscal is null && Other is null;
}

/// <summary>
/// 部门整体支出绩效目标表: what the department sets out to do in the year (its main tasks and their budget, the
/// overall goal) and the indicators it will be measured by.
/// </summary>
public sealed class DepartmentDeclaration : PerformanceForm
{
    public override FormKind Kind => FormKind.DepartmentDeclaration;
    public string? UnitCode { get; set; }       // 部门编码 / 单位编码
    public string? Contact { get; set; }        // 联系人
    public string? Phone { get; set; }          // 联系电话
    public string? Functions { get; set; }      // 部门职能职责概述
    public DepartmentTasks Tasks { get; set; } = new();
    public string? AnnualGoal { get; set; }     // 年度总体目标 (年度绩效总目标)
}

/// <summary>
/// 部门整体支出绩效自评表: the department's budget execution over the year (年度资金总额, often split 基本支出 /
/// 项目支出), its goal against what was done, and the scored indicators: scored like a project's self-evaluation.
/// </summary>
public sealed class DepartmentSelfEvaluation : EvaluationForm
{
    public override FormKind Kind => FormKind.DepartmentSelfEvaluation;
    public string? UnitCode { get; set; }
    public string? Contact { get; set; }
    public string? Phone { get; set; }
    public DepartmentTasks Tasks { get; set; } = new();

    /// <summary>全年（调整）绩效目标 (重庆's layout prints it between the year's first goal and what was done).</summary>
    public string? AdjustedGoal { get; set; }
}
