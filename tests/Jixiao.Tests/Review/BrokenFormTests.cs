using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Tests.Support;
using Xunit;
using static Jixiao.Tests.Support.FormBuilder;

namespace Jixiao.Tests.Review;

/// <summary>Seed copies with one figure broken: each break must give its error, and only where it is.</summary>
public class BrokenFormTests
{
    static List<Finding> Errors(PerformanceForm form) =>
        Reviewer.Review(form, TestProfiles.Shanghai).Where(f => f.Severity == Severity.Error).ToList();

    static Finding SingleError(PerformanceForm form, string code)
    {
        var errors = Errors(form);
        Assert.Contains(errors, f => f.Code == code);
        return errors.First(f => f.Code == code);
    }

    [Fact]
    public void Weights_not_adding_to_100_is_an_error()
    {
        var form = SeedForms.S004ItConstruction();
        form.Indicators[0].Weight = 5m;
        form.Indicators[0].Score = 5m;
        form.TotalScore = 94.92m;
        var f = SingleError(form, "weights-sum");
        Assert.Contains("95.00", f.Message);
    }

    [Fact]
    public void Scores_not_adding_to_the_total_is_an_error()
    {
        var form = SeedForms.S004ItConstruction();
        form.TotalScore = 98.92m;
        Assert.Equal(["score-sum"], Errors(form).Select(f => f.Code));
    }

    [Fact]
    public void Grade_not_matching_the_total_is_an_error()
    {
        var form = SeedForms.S004ItConstruction();
        form.Grade = "良";
        var f = Assert.Single(Errors(form));
        Assert.Equal("grade-mismatch", f.Code);
        Assert.Contains("“优”", f.Message);
    }

    [Fact]
    public void Printed_rate_off_by_more_than_a_cent_is_an_error()
    {
        var form = SeedForms.S004ItOperations();
        form.Funds.Total!.ExecutionRate = 97.50m;
        var f = Assert.Single(Errors(form));
        Assert.Equal("execution-rate-mismatch", f.Code);
        Assert.Equal(94, f.Line);
    }

    [Fact]
    public void Rate_computed_from_the_initial_budget_is_an_error()
    {
        var form = SeedForms.S001PartyServices(); // 504.92 of 698.00 initial would be 72.33%
        form.Funds.Total!.ExecutionRate = 72.33m;
        Assert.Contains(Errors(form), f => f.Code == "execution-rate-mismatch" && f.Message.Contains("年初预算数"));
    }

    [Fact]
    public void Execution_score_not_matching_the_rate_is_an_error()
    {
        var form = SeedForms.S004PartyServiceFunds();
        form.Funds.Total!.Score = 8.50m;
        form.TotalScore = 98.50m;
        Assert.Equal(["execution-score-mismatch"], Errors(form).Select(f => f.Code));
    }

    [Fact]
    public void Fund_sub_rows_not_adding_up_is_an_error()
    {
        var form = SeedForms.S001PartyServices();
        form.Funds.Rows[2].AdjustedBudget = 10.00m;
        var f = Assert.Single(Errors(form));
        Assert.Equal("fund-rows-sum", f.Code);
        Assert.Contains("全年预算数", f.Message);
    }

    [Fact]
    public void Score_above_the_weight_is_an_error()
    {
        var form = SeedForms.S004ItConstruction();
        form.Indicators[0].Score = 12m;
        Assert.Contains(Errors(form), f => f.Code == "score-out-of-range" && f.IndicatorName == "平台覆盖情况");
    }

    [Fact]
    public void Partial_achievement_with_full_marks_is_outside_its_band()
    {
        var form = SeedForms.S001CommunitySelfGovernance();
        var row = form.Indicators.Single(r => r.Name == "保证活动高质量开展");
        row.Score = 6.00m;
        form.TotalScore = 96.00m;
        var f = Assert.Single(Errors(form));
        Assert.Equal("qualitative-score-outside-band", f.Code);
        Assert.Contains("3.60–<4.80", f.Message);
    }

    [Fact]
    public void Declaration_funds_not_adding_up_is_an_error()
    {
        var form = SeedForms.S003LifeStation();
        form.Funds.CarryOver = 1000m;
        var f = Assert.Single(Errors(form));
        Assert.Equal("declaration-funds-sum", f.Code);
    }

    [Fact]
    public void Start_date_after_end_date_is_an_error()
    {
        var form = SeedForms.S003LifeStation();
        form.StartDate = new DateOnly(2025, 1, 1);
        Assert.Equal(["dates-invalid"], Errors(form).Select(f => f.Code));
    }

    [Fact]
    public void Missed_target_scored_full_marks_is_a_warning()
    {
        var form = FormBuilder.SelfEvaluation("测试", [Row("各类直播等录制次数", "≥50(次)", "40(次)", 10m, 10m)], 20m);
        StandardFunds(form, 10m, 10m, 10m, 100m, 10m, 1);
        var f = Assert.Single(Reviewer.Review(form, TestProfiles.Shanghai), x => x.Code == "missed-target-full-score");
        Assert.Contains("8.00", f.Message);
    }

    [Fact]
    public void Deduction_without_a_deviation_reason_is_a_warning()
    {
        var form = SeedForms.S004DistanceEducation();
        form.Indicators.Single(r => r.Name == "管理人员满意度").DeviationReason = null;
        var f = Assert.Single(Reviewer.Review(form, TestProfiles.Shanghai), x => x.Code == "missing-deviation-reason");
        Assert.Equal("管理人员满意度", f.IndicatorName);
    }

    [Fact]
    public void Upper_bound_on_failures_is_not_reversed()
    {
        var form = FormBuilder.SelfEvaluation("测试", [Row("平台故障次数", "≤2(次)", "1(次)", 10m, 10m, level1: "产出指标", level2: "质量指标")], 20m);
        Assert.DoesNotContain(Reviewer.Review(form, TestProfiles.Shanghai), f => f.Code == "comparator-reversed");
    }

    [Fact]
    public void Execution_weight_other_than_the_profile_suggests_the_wrong_profile()
    {
        var form = SeedForms.S004ItConstruction();
        form.Funds.Total!.Weight = 20m;
        Assert.Contains(Reviewer.Review(form, TestProfiles.Shanghai), f => f.Code == "execution-weight-departs");
    }

    [Fact]
    public void Goal_amount_without_a_cost_indicator_is_noted()
    {
        var form = SeedForms.S004ItConstruction();
        form.ExpectedGoal += "平台建设费用不超过60万元。";
        var f = Assert.Single(Reviewer.Review(form, TestProfiles.Shanghai), x => x.Code == "cost-indicator-missing");
        Assert.Equal(Severity.Info, f.Severity);
    }
}
