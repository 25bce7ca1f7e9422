using Jixiao.Core.Model;
using Jixiao.Core.Scoring;
using Jixiao.Tests.Support;
using Xunit;
using static Jixiao.Tests.Support.Parse;

namespace Jixiao.Tests.Scoring;

public class ScorerTests
{
    public static IEnumerable<object[]> SelfEvaluations() =>
        SeedForms.All().OfType<SelfEvaluation>().Select(f => new object[] { f.ProjectName! });

    [Theory]
    [MemberData(nameof(SelfEvaluations))]
    public void Total_score_reproduces_every_printed_total_of_the_seeds(string project)
    {
        var form = (SelfEvaluation)SeedForms.ByName(project);
        var sheet = Scorer.Score(form, TestProfiles.Shanghai);
        Assert.Equal(form.TotalScore, sheet.TotalScore);
        Assert.Equal(form.Grade, sheet.Grade);
        Assert.Equal(form.TotalScore, sheet.PrintedTotalScore);
        Assert.Equal(form.Grade, sheet.PrintedGrade);
        Assert.Equal(form.Funds.Total!.ExecutionRate, sheet.ExecutionRate);
    }

    [Theory]
    [MemberData(nameof(SelfEvaluations))]
    public void National_half_up_rate_keeps_seed_totals_within_the_tolerance(string project)
    {
        var form = (SelfEvaluation)SeedForms.ByName(project);
        var sheet = Scorer.Score(form, TestProfiles.National);
        Assert.InRange(sheet.TotalScore!.Value, form.TotalScore!.Value - 0.01m, form.TotalScore.Value + 0.01m);
        Assert.Equal(form.Grade, sheet.Grade);
    }

    [Fact]
    public void Rule_based_total_gives_full_marks_to_met_satisfaction_targets_the_unit_underscored()
    {
        var sheet = Scorer.Score(SeedForms.S004DistanceEducation(), TestProfiles.Shanghai);
        Assert.Equal(9.54m, sheet.ExecutionScore);
        Assert.Equal(98.12m, sheet.TotalScore);
        Assert.Equal(99.54m, sheet.RuleBasedTotalScore);
        Assert.Equal("优", sheet.RuleBasedGrade);
        var row = sheet.Indicators.Single(r => r.Name == "基层党组织满意度");
        Assert.Equal(9.32m, row.PrintedScore);
        Assert.Equal(10.00m, row.ComputedScore);
    }

    [Fact]
    public void Rule_based_total_reads_reversed_count_targets_as_written()
    {
        var sheet = Scorer.Score(SeedForms.S001CultureAndSports(), TestProfiles.Shanghai);
        Assert.Equal(96.00m, sheet.TotalScore);
        Assert.Equal(100.00m, sheet.RuleBasedTotalScore);
    }

    [Fact]
    public void Execution_score_of_the_seed_with_low_execution_is_weight_times_rate()
    {
        var sheet = Scorer.Score(SeedForms.S004PartyServiceFunds(), TestProfiles.Shanghai);
        Assert.Equal(78.91m, sheet.ExecutionRate);
        Assert.Equal(7.89m, sheet.ExecutionScore);
        Assert.Equal(7.89m, sheet.PrintedExecutionScore);
        Assert.Equal(97.89m, sheet.TotalScore);
    }

    [Fact]
    public void Row_without_weight_is_unscorable_with_a_reason()
    {
        var s = Scorer.ScoreIndicator(FormBuilder.Row("走访慰问次数", "≥22.00(次)", "22.00(次)", null, 8m), TestProfiles.Shanghai);
        Assert.Equal(RowKind.Unscorable, s.Kind);
        Assert.Null(s.ComputedScore);
        Assert.Contains("未填分值", s.Explanation);
    }

    [Theory]
    [InlineData("≥22.00(次)", "22.00(人次)", "单位不同")]
    [InlineData("≥22.00(次)", "已完成", "不是数字")]
    [InlineData("良好", "22.00(次)", "不是达成等级")]
    [InlineData(null, "22.00(次)", "未填年度指标值")]
    [InlineData("≥22.00(次)", null, "未填实际完成值")]
    public void Rows_that_cannot_be_compared_get_no_score_and_say_why(string? target, string? actual, string why)
    {
        var s = Scorer.ScoreIndicator(FormBuilder.Row("走访慰问次数", target, actual, 8m, 8m), TestProfiles.Shanghai);
        Assert.Null(s.ComputedScore);
        Assert.Contains(why, s.Explanation);
    }

    [Fact]
    public void Unscorable_row_counts_with_its_printed_score_in_both_totals()
    {
        var form = SeedForms.S004ItConstruction();
        form.Indicators[0].Actual = new ActualValue("已覆盖", null, null, null);
        var sheet = Scorer.Score(form, TestProfiles.Shanghai);
        Assert.Null(sheet.Indicators[0].ComputedScore);
        Assert.Equal(99.92m, sheet.TotalScore);
        Assert.Equal(99.92m, sheet.RuleBasedTotalScore);
    }

    [Fact]
    public void Cut_off_form_gets_no_total()
    {
        var form = SeedForms.S004ItConstruction();
        form.Complete = false;
        var sheet = Scorer.Score(form, TestProfiles.Shanghai);
        Assert.Null(sheet.TotalScore);
        Assert.Null(sheet.RuleBasedTotalScore);
        Assert.NotNull(sheet.TotalsNote);
        Assert.Equal(9, sheet.Indicators.Count);
    }

    [Fact]
    public void Empty_form_scores_without_exception()
    {
        var sheet = Scorer.Score(new SelfEvaluation(), TestProfiles.Shanghai);
        Assert.Null(sheet.ExecutionScore);
        Assert.Null(sheet.TotalScore);
        Assert.Empty(sheet.Indicators);
    }

    [Fact]
    public void Execution_weight_printed_on_the_form_is_used()
    {
        var form = SeedForms.S004PartyServiceFunds();
        form.Funds.Total!.Weight = 20m;
        var sheet = Scorer.Score(form, TestProfiles.Shanghai);
        Assert.Equal(20m, sheet.ExecutionWeight);
        Assert.Equal(15.78m, sheet.ExecutionScore);
    }
}
