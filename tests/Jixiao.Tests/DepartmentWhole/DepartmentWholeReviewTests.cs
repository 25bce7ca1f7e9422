using Jixiao.Core.Access;
using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;
using Jixiao.Core.Workflow;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.DepartmentWhole;

/// <summary>
/// The review and scoring of 部门整体 forms (docs/checks.md, 部门整体 forms): the 年度主要任务 arithmetic, and the
/// self-evaluation's budget, weights, scores, total and grade checked as a project's are. Figures worked by hand.
/// </summary>
public class DepartmentWholeReviewTests
{
    static ScoringProfile P => TestProfiles.National;

    static IReadOnlyList<Finding> Review(PerformanceForm f) => Reviewer.Review(f, P);

    static Finding Single(PerformanceForm f, Check check) => Assert.Single(Review(f), x => x.Code == check.Code);

    [Fact]
    public void The_hand_made_forms_have_no_arithmetic_or_scoring_finding()
    {
        var errors = Review(DepartmentWholeSupport.Declaration()).Concat(Review(DepartmentWholeSupport.SelfEvaluation()))
            .Where(f => f.Severity == Severity.Error).ToList();

        Assert.Empty(errors);
        Assert.DoesNotContain(Review(DepartmentWholeSupport.SelfEvaluation()), f => f.Code is "met-target-underscored" or "missed-target-full-score");
    }

    [Fact]
    public void Too_few_indicators_on_a_department_form_speak_of_the_departments_spending_not_a_project()
    {
        var d = DepartmentWholeSupport.Declaration();
        d.Indicators.RemoveRange(2, d.Indicators.Count - 2); // two rows left, fewer than the profile's minimum

        var found = Single(d, Checks.TooFewIndicators);
        Assert.Contains("只有 2 个三级指标，难以全面反映部门整体支出的产出和效益", found.Message);
    }

    [Fact]
    public void A_task_whose_total_is_not_its_two_sources_is_an_error_naming_the_task()
    {
        var d = DepartmentWholeSupport.Declaration();
        d.Tasks.Rows[2].Other = 10.00m; // 70.00 + 10.00 = 80.00, printed 86.00
        d.Tasks.Other = 15.00m;         // keep 金额合计 of 其他资金 consistent with the tasks: 0 + 5 + 10
        d.Tasks.Fiscal = 423.00m;

        var found = Review(d).Where(x => x.Code == Checks.DepartmentTaskSplit.Code).ToList();

        Assert.Equal(2, found.Count);
        Assert.Equal(Severity.Error, found[0].Severity);
        Assert.Equal("任务“农业技术推广”：总额 86.00万元，而财政拨款 70.00 + 其他资金 10.00 = 80.00万元，相差 -6.00。请核对预算金额。", found[0].Message);
        // 金额合计 444.00 ≠ 423.00 + 15.00 = 438.00: the total row's split is its own finding.
        Assert.Equal("金额合计：总额 444.00万元，而财政拨款 423.00 + 其他资金 15.00 = 438.00万元，相差 -6.00。请核对预算金额。", found[1].Message);
        // 金额合计 of 其他资金 15.00 is the tasks' 0 + 5 + 10: no sum finding.
        Assert.DoesNotContain(Review(d), x => x.Code == Checks.DepartmentTasksSum.Code);
    }

    [Fact]
    public void A_total_that_is_not_the_sum_of_the_tasks_is_an_error_per_column()
    {
        var d = DepartmentWholeSupport.Declaration();
        d.Tasks.Total = 440.00m; // tasks: 312.40 + 45.60 + 86.00 = 444.00
        d.Tasks.Fiscal = 419.00m; // 312.40 + 40.60 + 70.00 = 423.00
        d.Tasks.TotalLine = 12;

        var found = Review(d).Where(x => x.Code == Checks.DepartmentTasksSum.Code).ToList();

        Assert.Equal(2, found.Count);
        Assert.Equal("金额合计的总额印为 440.00万元，而 3 项任务的总额之和为 444.00万元，相差 4.00。请核对各任务的预算金额与金额合计。", found[0].Message);
        Assert.Equal("金额合计的财政拨款印为 419.00万元，而 3 项任务的财政拨款之和为 423.00万元，相差 4.00。请核对各任务的预算金额与金额合计。", found[1].Message);
        Assert.Equal(12, found[0].Line);
    }

    [Fact]
    public void A_column_a_task_leaves_blank_is_not_added_up_and_cents_within_the_tolerance_pass()
    {
        var d = DepartmentWholeSupport.Declaration();
        d.Tasks.Rows[0].Other = null;
        d.Tasks.Total = 444.02m; // three rounded figures may drift by 0.02 from their printed sum

        Assert.DoesNotContain(Review(d), x => x.Code == Checks.DepartmentTasksSum.Code);
        d.Tasks.Total = 444.03m;
        Assert.Single(Review(d), x => x.Code == Checks.DepartmentTasksSum.Code);
    }

    [Fact]
    public void The_self_evaluation_is_scored_like_a_project_execution_rate_times_ten_and_rows_by_their_weight()
    {
        var sheet = Scorer.Score(DepartmentWholeSupport.SelfEvaluation(), P);

        // 418.00 ÷ 440.00 = 95.00% → 10 × 95% = 9.50.
        Assert.Equal((95.00m, 9.50m, 10m), (sheet.ExecutionRate, sheet.ExecutionScore, sheet.ExecutionWeight));
        // 农技培训期数 16 期 against ≥18 期, weight 15: 15 × 16/18 = 13.33.
        Assert.Equal(13.33m, sheet.Indicators[1].ComputedScore);
        // 9.50 + 20 + 13.33 + 15 + 20 + 10 + 10 = 97.83 → 优 (≥ 90).
        Assert.Equal((97.83m, "优"), (sheet.RuleBasedTotalScore, sheet.RuleBasedGrade));
        Assert.Equal("示例县农业技术推广中心部门整体支出", sheet.ProjectName);
    }

    [Fact]
    public void The_execution_score_is_capped_at_its_weight()
    {
        var s = DepartmentWholeSupport.SelfEvaluation();
        s.Funds.Rows[0].Executed = 462.00m; // 462 ÷ 440 = 105.00%

        var sheet = Scorer.Score(s, P);

        Assert.Equal((105.00m, 10.00m), (sheet.ExecutionRate, sheet.ExecutionScore));
    }

    [Fact]
    public void A_printed_rate_that_is_not_executed_over_budget_is_an_error_on_the_fund_row()
    {
        var s = DepartmentWholeSupport.SelfEvaluation();
        s.Funds.Rows[2].ExecutionRate = 78.00m; // 68.00 ÷ 88.00 = 77.27%
        s.Funds.Rows[2].Line = 9;

        var f = Single(s, Checks.ExecutionRateMismatch);

        Assert.Equal(9, f.Line);
        Assert.StartsWith("项目支出：执行率印为 78.00%，按全年执行数 68.00 ÷ 全年预算数 88.00 计算应为 77.27%", f.Message);
    }

    [Fact]
    public void An_execution_score_that_is_not_weight_times_rate_is_an_error()
    {
        var s = DepartmentWholeSupport.SelfEvaluation();
        s.Funds.Rows[0].Score = 9.00m; // 10 × 95.00% = 9.50

        var f = Single(s, Checks.ExecutionScoreMismatch);

        Assert.Contains("预算执行率得分印为 9.00，按规则应为 9.50", f.Message);
    }

    [Fact]
    public void Basic_and_project_spending_must_add_up_to_the_total_each_split_on_its_own()
    {
        var s = DepartmentWholeSupport.SelfEvaluation();
        // A second split by source beside the split by nature: 财政拨款 400 + 其他资金 40 = 440 全年预算数.
        s.Funds.Rows.Add(new FundRow { Label = "其中：财政拨款", InitialBudget = 390.00m, AdjustedBudget = 400.00m, Executed = 380.00m });
        s.Funds.Rows.Add(new FundRow { Label = "其他资金", InitialBudget = 30.00m, AdjustedBudget = 40.00m, Executed = 38.00m });
        Assert.DoesNotContain(Review(s), x => x.Code == Checks.FundRowsSum.Code);

        s.Funds.Rows[2].AdjustedBudget = 80.00m; // 352 + 80 = 432 ≠ 440
        var f = Single(s, Checks.FundRowsSum);
        Assert.Equal("全年预算数：按支出性质分项之和（基本支出 + 项目支出）为 432.00万元，而年度资金总额为 440.00万元，相差 -8.00。请核对各分项与总额。", f.Message);
    }

    [Fact]
    public void A_row_score_above_its_weight_is_an_error_naming_the_row()
    {
        var s = DepartmentWholeSupport.SelfEvaluation();
        s.Indicators[0].Score = 21m; // weight 20

        var f = Single(s, Checks.ScoreOutOfRange);

        Assert.Equal(("新品种试验示范个数", 1), (f.IndicatorName, f.Row));
        Assert.StartsWith("指标“新品种试验示范个数”得分 21.00 超出 0–20.00", f.Message);
    }

    [Fact]
    public void Weights_that_do_not_reach_100_with_the_execution_weight_are_an_error()
    {
        var s = DepartmentWholeSupport.SelfEvaluation();
        s.Indicators[5].Weight = 5m; // 10 + 20 + 15 + 15 + 20 + 10 + 5 = 95

        var f = Single(s, Checks.WeightsSum);

        Assert.Equal("执行率分值 10.00 + 指标分值合计 85.00 = 95.00，不等于 100。请调整各指标分值，使指标分值合计为 90.00。", f.Message);
    }

    [Fact]
    public void A_total_that_is_not_the_sum_of_the_scores_and_a_grade_that_is_not_the_totals_are_errors()
    {
        var s = DepartmentWholeSupport.SelfEvaluation();
        s.TotalScore = 98.83m; // 9.50 + 88.33 = 97.83
        s.Grade = "良";        // 98.83 is 优

        Assert.Equal("执行率得分 9.50 + 各指标得分 88.33 = 97.83，而总分印为 98.83。请核对各项得分与总分。", Single(s, Checks.ScoreSum).Message);
        Assert.StartsWith("总分 98.83 对应等级“优”", Single(s, Checks.GradeMismatch).Message);
    }

    [Fact]
    public void The_gate_asks_a_department_declaration_for_indicators_and_a_self_evaluation_for_every_score()
    {
        var d = DepartmentWholeSupport.Declaration();
        d.Indicators.Clear();
        var gate = Gate.For(FormAction.Submit, d, P);
        Assert.Contains(gate.Blocking, f => f.Code == Checks.DeclarationWithoutIndicators.Code && f.Message.StartsWith("部门整体支出绩效目标表没有任何绩效指标"));

        var s = DepartmentWholeSupport.SelfEvaluation();
        s.Indicators[3].Score = null;
        var blocking = Gate.For(FormAction.Submit, s, P).Blocking;
        Assert.Contains(blocking, f => f.Code == Checks.EvaluationNotScored.Code && f.Row == 4);
        Assert.True(Gate.For(FormAction.Submit, DepartmentWholeSupport.SelfEvaluation(), P).Passes);
    }

    [Fact]
    public void The_figures_beside_a_stored_form_are_its_money_in_yuan_and_rate()
    {
        var d = FormFigures.Of(DepartmentWholeSupport.Declaration(), P);
        var s = FormFigures.Of(DepartmentWholeSupport.SelfEvaluation(), P);

        Assert.Equal(4_440_000.00m, d.Budget);      // 金额合计 444.00 万元
        Assert.Equal((95.00m, 4_400_000.00m, 4_180_000.00m), (s.ExecutionRate, s.Budget, s.Executed));
    }
}
