using System.Text.Json.Nodes;
using Jixiao.Core.Credibility;
using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;
using Jixiao.Core.Workflow;
using Jixiao.Tests.Support;
using static Jixiao.Tests.Support.FormBuilder;

namespace Jixiao.Tests.Review;

/// <summary>Each credibility rule with its figures worked out by hand, and the draw of a sample (抽查).</summary>
public class CredibilityTests
{
    /// <summary>
    /// A self-evaluation with 执行率 executed/100 of weight 10 (national profile: 10 × rate, half-up) and rows given
    /// as (target, actual, weight, score).
    /// </summary>
    static SelfEvaluation Form(decimal executed, decimal initial = 100m, decimal adjusted = 100m, params (string Target, string Actual, decimal Weight, decimal Score)[] rows)
    {
        var s = new SelfEvaluation { ProjectName = "测试项目", ExpectedGoal = "完成培训。", ActualOutcome = "已按计划完成各项培训。" };
        var (rate, score, _) = Scorer.ScoreExecution(executed, adjusted, 10m, TestProfiles.National);
        s.Funds.Rows.Add(new FundRow { Label = "年度资金总额", InitialBudget = initial, AdjustedBudget = adjusted, Executed = executed, Weight = 10m, ExecutionRate = rate, Score = score });
        var i = 0;
        foreach (var (target, actual, weight, sc) in rows)
            s.Indicators.Add(Row($"指标{++i}", target, actual, weight, sc, level1: i % 3 == 0 ? "满意度指标" : "产出指标", level2: i % 3 == 0 ? "服务对象满意度指标" : "数量指标"));
        return s;
    }

    static CredibilityScore Assess(SelfEvaluation s, MonitoringForm? forecast = null, ScoringProfile? profile = null)
    {
        var p = profile ?? TestProfiles.National;
        return CredibilityAssessor.Assess(s, p, Gate.Findings(s, p, forecast), forecast);
    }

    static IEnumerable<string> Codes(CredibilityScore c) => c.Reasons.Select(r => r.Code);

    static readonly (string, string, decimal, decimal)[] Honest =
    [
        ("≥10(次)", "12(次)", 30m, 30m), ("≥95(%)", "96(%)", 30m, 30m), ("≥90(%)", "93(%)", 30m, 30m),
    ];

    [Fact]
    public void An_evaluation_whose_indicators_score_far_ahead_of_its_spending_loses_the_deployed_warnings_points()
    {
        // Executed 50 of 100: 执行率得分 5.00/10 (50%). Indicators 90.00/90 (100%). (1 − 0.5) ÷ 1 = 50% ahead > 5%.
        var c = Assess(Form(50m, rows: Honest));

        var reason = Assert.Single(c.Reasons, r => r.Code == CredibilityAssessor.ScoreAheadOfExecution);
        Assert.Equal(25m, reason.Points);
        Assert.Contains("50.00%", reason.Message);
    }

    [Fact]
    public void Within_five_percent_of_the_spending_is_credible()
    {
        // Executed 96: 9.60/10 (96%). Indicators 90/90 (100%): (1 − 0.96) ÷ 1 = 4% — not above 5%.
        Assert.DoesNotContain(CredibilityAssessor.ScoreAheadOfExecution, Codes(Assess(Form(96m, rows: Honest))));
        // Executed 94: (1 − 0.94) = 6% > 5%.
        Assert.Contains(CredibilityAssessor.ScoreAheadOfExecution, Codes(Assess(Form(94m, rows: Honest))));
    }

    [Fact]
    public void Actuals_printed_exactly_at_their_targets_look_copied()
    {
        // Two of three quantitative rows exactly at target: 66.7% ≥ 50%.
        var copied = Form(100m, rows: [("≥10(次)", "10(次)", 30m, 30m), ("≥95(%)", "95(%)", 30m, 30m), ("≥90(%)", "93(%)", 30m, 30m)]);
        var reason = Assert.Single(Assess(copied).Reasons, r => r.Code == CredibilityAssessor.ActualsEqualTargets);
        Assert.Contains("3 个定量指标中有 2 个", reason.Message);
        // One of three: 33% — not.
        Assert.DoesNotContain(CredibilityAssessor.ActualsEqualTargets,
            Codes(Assess(Form(100m, rows: [("≥10(次)", "10(次)", 30m, 30m), ("≥95(%)", "96(%)", 30m, 30m), ("≥90(%)", "93(%)", 30m, 30m)]))));
    }

    [Fact]
    public void Every_qualitative_row_at_full_marks_is_a_sign()
    {
        var all = Form(100m, rows: [("及时", "达成指标", 30m, 30m), ("良好", "达成指标", 30m, 30m), ("有效", "达成指标", 30m, 30m)]);
        Assert.Contains(CredibilityAssessor.QualitativeFullMarks, Codes(Assess(all)));
        var one = Form(100m, rows: [("及时", "达成指标", 30m, 30m), ("良好", "部分达成指标并具有一定效果", 30m, 20m), ("有效", "达成指标", 30m, 30m)]);
        Assert.DoesNotContain(CredibilityAssessor.QualitativeFullMarks, Codes(Assess(one)));
    }

    [Fact]
    public void A_budget_cut_by_a_fifth_and_then_spent_in_full_is_a_sign()
    {
        // 年初 100 → 全年 80 (20% cut), executed 80: 100%.
        var cut = Assess(Form(80m, initial: 100m, adjusted: 80m, rows: Honest));
        var reason = Assert.Single(cut.Reasons, r => r.Code == CredibilityAssessor.BudgetCutThenSpent);
        Assert.Contains("调减 20.00%", reason.Message);
        // 年初 100 → 全年 81 (19%): not.
        Assert.DoesNotContain(CredibilityAssessor.BudgetCutThenSpent, Codes(Assess(Form(81m, initial: 100m, adjusted: 81m, rows: Honest))));
    }

    [Fact]
    public void A_row_far_from_its_monitoring_forecast_costs_points()
    {
        var s = Form(100m, rows: Honest);
        var m = new MonitoringForm { Period = new MonitoringPeriod(7, null) };
        m.Indicators.Add(new Indicator { Level1 = "产出指标", Level2 = "数量指标", Name = "指标1", Target = T("≥10(次)"), Forecast = A("20(次)") });

        // |12 − 20| ÷ 20 = 40% > 20%: one row, 10 points.
        var reason = Assert.Single(Assess(s, m).Reasons, r => r.Code == CredibilityAssessor.ForecastGap);
        Assert.Equal(10m, reason.Points);
    }

    [Fact]
    public void The_score_is_a_hundred_less_every_reason_and_the_profile_sets_the_points()
    {
        // 50% ahead (25) and the warning it raises at review? The form's own findings are counted too.
        var s = Form(50m, rows: Honest);
        var c = Assess(s);
        Assert.Equal(100m - c.Reasons.Sum(r => r.Points), c.Score);

        var root = JsonNode.Parse(TestProfiles.NationalJson)!.AsObject();
        root["credibility"] = new JsonObject { ["scoreAheadOfExecutionPoints"] = 40 };
        var lenient = ScoringProfile.Parse(root.ToJsonString());
        Assert.Equal(40m, Assess(s, profile: lenient).Reasons.Single(r => r.Code == CredibilityAssessor.ScoreAheadOfExecution).Points);

        root["credibility"] = new JsonObject { ["scoreAheadPoints"] = 40 };
        Assert.Equal("credibility.scoreAheadPoints", Assert.Throws<ProfileException>(() => ScoringProfile.Parse(root.ToJsonString())).Field);
    }

    // ---- the draw ---------------------------------------------------------------------------------------------

    static List<SpotCheckCandidate> Pool() =>
    [
        new(1, "甲部门", 90), new(2, "甲部门", 40), new(3, "甲部门", 95), new(4, "甲部门", 80),
        new(5, "乙部门", 55), new(6, "乙部门", 100), new(7, "乙部门", 85),
        new(8, "丙部门", 70), new(9, "丙部门", 99),
    ];

    [Fact]
    public void The_least_credible_come_first_then_a_random_share_reaches_every_department()
    {
        // Size 6, share 0.5: 3 by risk (credibility 40, 55, 70 → forms 2, 5, 8), then 3 at random, one per department
        // (each still has forms left: 甲 1,3,4; 乙 6,7; 丙 9).
        var drawn = SpotCheckDraw.Draw(Pool(), 6, seed: 42, randomShare: 0.5m);

        Assert.Equal([2L, 5L, 8L], drawn.Where(d => d.Reason == DrawReason.Risk).Select(d => d.FormId));
        var random = drawn.Where(d => d.Reason == DrawReason.Random).Select(d => d.FormId).ToList();
        Assert.Equal(3, random.Count);
        Assert.Single(random, id => id is 1 or 3 or 4);
        Assert.Single(random, id => id is 6 or 7);
        Assert.Contains(9L, random);
        Assert.Equal(Enumerable.Range(1, 6), drawn.Select(d => d.Rank));
    }

    [Fact]
    public void The_same_seed_draws_the_same_forms_and_the_generator_is_fixed_by_its_seed()
    {
        var a = SpotCheckDraw.Draw(Pool(), 7, seed: 2024, randomShare: 0.6m);
        var b = SpotCheckDraw.Draw(Pool(), 7, seed: 2024, randomShare: 0.6m);
        Assert.Equal(a, b);
        // SplitMix64's published first output for seed 0 (Vigna's reference implementation).
        Assert.Equal(0xE220A8397B1DCDAFUL, new SplitMix64(0).Next());
    }

    [Fact]
    public void A_sample_larger_than_the_pool_takes_everyone_once()
    {
        var drawn = SpotCheckDraw.Draw(Pool(), 50, seed: 1, randomShare: 0.3m);

        Assert.Equal(9, drawn.Count);
        Assert.Equal(9, drawn.Select(d => d.FormId).Distinct().Count());
    }
}
