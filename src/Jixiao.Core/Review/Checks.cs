namespace Jixiao.Core.Review;

/// <summary>A kind of finding: its stable code, severity, a short Chinese title, and the rule it rests on.</summary>
public sealed record Check(string Code, Severity Severity, string Title, string Rule)
{
    public Finding At(string message, string? projectName, string? indicatorName = null, int? line = null, int? row = null) =>
        new(Code, Severity, message, projectName, indicatorName, line, Rule, row);
}

/// <summary>
/// Every check the engine has. Findings are only made through these, so this list is the whole set of codes the
/// engine can emit; a test holds docs/checks.md to it.
/// </summary>
public static class Checks
{
    const string Doc10 = "财预〔2020〕10号";

    // Arithmetic and structure (rules.md §6.1–6.4).
    public static readonly Check WeightsSum = new("weights-sum", Severity.Error, "分值合计不为 100", $"{Doc10}；rules.md §5.1、§6.1");
    public static readonly Check ScoreSum = new("score-sum", Severity.Error, "得分之和与总分不符", $"{Doc10}；rules.md §5.5、§6.1");
    public static readonly Check GradeMismatch = new("grade-mismatch", Severity.Error, "评分等级与总分不符", "rules.md §5.5、§6.1");
    public static readonly Check ExecutionRateMismatch = new("execution-rate-mismatch", Severity.Error, "执行率与资金数不符", "rules.md §5.2、§6.2");
    public static readonly Check ExecutionScoreMismatch = new("execution-score-mismatch", Severity.Error, "执行率得分与执行率不符", "rules.md §5.2、§6.2");
    public static readonly Check FundRowsSum = new("fund-rows-sum", Severity.Error, "资金分项之和与总额不符", "rules.md §3、§6.2");
    public static readonly Check ScoreOutOfRange = new("score-out-of-range", Severity.Error, "得分超出 [0, 分值]", $"{Doc10}；rules.md §5.3、§6.3");
    public static readonly Check QualitativeScoreOutsideBand = new("qualitative-score-outside-band", Severity.Error, "定性指标得分不在完成等级的区间内", "rules.md §5.4、§6.3");
    public static readonly Check DeclarationFundsSum = new("declaration-funds-sum", Severity.Error, "申报表资金分项之和与总额不符", "rules.md §2、§6.4");
    public static readonly Check DatesInvalid = new("dates-invalid", Severity.Error, "计划开始日期晚于计划完成日期", "rules.md §2、§6.4");

    // Scoring consistency (rules.md §6.5–6.11).
    public static readonly Check MetTargetUnderscored = new("met-target-underscored", Severity.Warning, "已达成的指标未得满分", $"{Doc10}；rules.md §5.3、§6.5");
    public static readonly Check MissedTargetFullScore = new("missed-target-full-score", Severity.Warning, "未达成的指标得了满分", $"{Doc10}；rules.md §5.3、§6.6");
    public static readonly Check ComparatorReversed = new("comparator-reversed", Severity.Warning, "交付数量用了 ≤ / <，比较符疑似写反", "rules.md §4、§6.7");
    public static readonly Check TargetFarExceeded = new("target-far-exceeded", Severity.Warning, "实际远超指标值，指标可能定得过低", $"{Doc10}；rules.md §5.3、§6.8");
    public static readonly Check MissingDeviationReason = new("missing-deviation-reason", Severity.Warning, "扣分但未填偏差原因", $"{Doc10}；rules.md §5.3、§6.9");
    public static readonly Check ActualCopiesGoal = new("actual-copies-goal", Severity.Warning, "实际完成情况照抄预期目标", "rules.md §6.10");
    public static readonly Check LowExecutionUnexplained = new("low-execution-unexplained", Severity.Warning, "执行率偏低且未说明原因", "rules.md §5.2、§6.11（四川规则）");
    public static readonly Check BudgetAdjustedSharply = new("budget-adjusted-sharply", Severity.Info, "全年预算数较年初预算数大幅调整", "rules.md §5.2");
    public static readonly Check ExecutionWeightDeparts = new("execution-weight-departs", Severity.Warning, "执行率分值与评分方案不符", "rules.md §5.1");
    public static readonly Check ExecutionWeightUnconfirmed = new("execution-weight-unconfirmed", Severity.Warning, "表上未印执行率分值，得分与所试评分方案的分值都不符", "rules.md §5.1、§5.2");
    public static readonly Check WeightSplitDeparts = new("weight-split-departs", Severity.Info, "一级指标分值偏离默认分配", $"{Doc10}；rules.md §5.1");

    // Target quality (rules.md §6.12–6.18).
    public static readonly Check UnitNameMismatch = new("unit-name-mismatch", Severity.Warning, "指标名称与计量单位不一致", "rules.md §4、§6.12");
    public static readonly Check DuplicateIndicator = new("duplicate-indicator", Severity.Warning, "同一三级指标重复出现", "rules.md §6.13");
    public static readonly Check GoalNumberContradictsIndicator = new("goal-number-contradicts-indicator", Severity.Warning, "年度目标中的数字与指标值矛盾", "rules.md §6.14");
    public static readonly Check VagueTarget = new("vague-target", Severity.Info, "指标值含糊，无法衡量", $"{Doc10}；rules.md §4、§6.15");
    public static readonly Check SatisfactionNotSurveyed = new("satisfaction-not-surveyed", Severity.Info, "满意度未以调查百分比表示", "rules.md §6.15");
    public static readonly Check IndicatorWrongLevel2 = new("indicator-wrong-level2", Severity.Warning, "指标放错了二级指标", "财预〔2021〕101号；rules.md §4、§6.16");
    public static readonly Check TooFewIndicators = new("too-few-indicators", Severity.Warning, "三级指标过少", "rules.md §6.17");
    public static readonly Check MissingDimension = new("missing-dimension", Severity.Warning, "缺少产出、效益或满意度指标", $"{Doc10}；rules.md §4、§6.17");
    public static readonly Check CostTargetUnquantified = new("cost-target-unquantified", Severity.Warning, "成本指标未量化", "财预〔2021〕101号；rules.md §6.18");
    public static readonly Check CostIndicatorMissing = new("cost-indicator-missing", Severity.Info, "目标中有金额，却没有成本指标", "财预〔2021〕101号；rules.md §6.18");

    // Completeness: cells a complete form must fill.
    public static readonly Check MissingTarget = new("missing-target", Severity.Warning, "未填年度指标值", "rules.md §2、§3");
    public static readonly Check MissingRowFigures = new("missing-row-figures", Severity.Warning, "指标行缺少实际完成值、分值或得分", "rules.md §3");
    public static readonly Check MissingFunds = new("missing-funds", Severity.Warning, "缺少项目资金（年度资金总额）行", "rules.md §3、§5.2");

    // What a form must have before it goes to a reviewer (the workflow gate, not the review of imported files).
    public static readonly Check FormIncomplete = new("form-incomplete", Severity.Error, "表格不完整，不能提交", "rules.md §2、§3");
    public static readonly Check DeclarationWithoutIndicators = new("declaration-without-indicators", Severity.Error, "申报表没有绩效指标", $"{Doc10}；rules.md §2");
    public static readonly Check DeclarationWithoutFunds = new("declaration-without-funds", Severity.Error, "申报表没有年度资金申请数", "rules.md §2");
    public static readonly Check EvaluationNotScored = new("evaluation-not-scored", Severity.Error, "自评表有未计分的指标，总分未算出", $"{Doc10}；rules.md §5");

    // The unit put its own score in place of the rules' (an override with a reason): a departure for the reviewer.
    public static readonly Check ScoreOverridden = new("score-overridden", Severity.Warning, "单位改动了按规则计算的得分", $"{Doc10}；rules.md §5.3");

    // 运行监控 (docs/monitoring-form.md; the colours come from the profile's monitoring rules).
    public static readonly Check MonitoringDeviationUnexplained = new("monitoring-deviation-unexplained", Severity.Error, "预警行未填偏差原因或纠偏措施", "财预〔2019〕136号；rules.md §8；docs/monitoring-form.md §3");
    public static readonly Check MonitoringLikelihoodContradicts = new("monitoring-likelihood-contradicts", Severity.Warning, "完成目标可能性与全年预计完成情况矛盾", "财预〔2019〕136号；docs/monitoring-form.md §1.3");
    public static readonly Check MonitoringFiguresInconsistent = new("monitoring-figures-inconsistent", Severity.Error, "监控表的资金数相互矛盾", "docs/monitoring-form.md §1.6");
    public static readonly Check MonitoringNotFilled = new("monitoring-not-filled", Severity.Error, "监控表有未填的执行情况、预计数或完成可能性", "财预〔2019〕136号；docs/monitoring-form.md §1.2");
    public static readonly Check ForecastActualGap = new("forecast-actual-gap", Severity.Warning, "实际完成值与监控时的全年预计相差较大", "issue 11；评分方案 monitoring.forecastActualGap");

    // Ambition (issue 13): a declaration's target against the same unit's history and the peers' targets (AmbitionSnapshot).
    public static readonly Check TargetBelowLastActual = new("target-below-last-actual", Severity.Warning, "目标低于上年实际完成值", "issue 13（与本单位上年实际比较）");
    public static readonly Check TargetFarBelowPeers = new("target-far-below-peers", Severity.Info, "目标远低于同类单位的中位数", "issue 13（与同年其他单位比较）；评分方案 ambition.peerShortfallPercent、ambition.minPeers");
    public static readonly Check TargetNotRaised = new("target-not-raised", Severity.Warning, "连续三年远超目标，目标仍未提高", "issue 13（与本单位前三年比较）；评分方案 farExceededRatio");

    // 部门整体 forms (docs/department-whole.md): the 年度主要任务 block's arithmetic.
    public static readonly Check DepartmentTaskSplit = new("department-task-split", Severity.Error, "任务的总额不等于财政拨款与其他资金之和", "财预〔2015〕88号 附件（部门整体支出绩效目标申报表）；docs/department-whole.md §1");
    public static readonly Check DepartmentTasksSum = new("department-tasks-sum", Severity.Error, "金额合计与各任务预算金额之和不符", "财预〔2015〕88号 附件（部门整体支出绩效目标申报表）；docs/department-whole.md §1");

    // A check that failed on unexpected input reports itself instead of stopping the review.
    public static readonly Check CheckFailed = new("check-failed", Severity.Info, "某项审核规则未能完成", "内部");

    public static readonly IReadOnlyList<Check> All = typeof(Checks)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(Check))
        .Select(f => (Check)f.GetValue(null)!)
        .ToList();
}
