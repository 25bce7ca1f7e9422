using Jixiao.Core.Access;
using Jixiao.Core.Entry;
using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Core.Workflow;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Rules;

/// <summary>
/// The rules of what may be stored and what may move on, as pure functions: bounds, the bound self-evaluation, the
/// workflow gate. The declaration is seed 003's 生活驿站运行经费 (296,000.00 元, 11 rows).
/// </summary>
public class EntryRuleTests
{
    static TargetDeclaration Declaration() => SeedForms.S003LifeStation();   // a fresh copy each time: tests change it

    [Fact]
    public void A_draft_takes_the_declarations_rows_and_budget_and_splits_the_weights()
    {
        var draft = BoundEvaluation.Draft(Declaration(), TestProfiles.Shanghai);

        Assert.Equal(Declaration().Indicators.Select(i => i.Name), draft.Indicators.Select(i => i.Name));
        Assert.Equal(90.00m, draft.Indicators.Sum(i => i.Weight!.Value));
        Assert.Equal(29.60m, draft.Funds.Total!.InitialBudget);
        Assert.Equal(10.00m, draft.Funds.Total.Weight);
        Assert.Null(draft.TotalScore);   // nothing entered yet: no actuals, no total
    }

    [Theory]
    [InlineData("1234567.89", MoneyUnit.Yuan, MoneyUnit.WanYuan, "123.456789")]
    [InlineData("123.456789", MoneyUnit.WanYuan, MoneyUnit.Yuan, "1234567.890000")]
    [InlineData("20.00", MoneyUnit.WanYuan, MoneyUnit.WanYuan, "20.00")]
    public void Money_converts_between_yuan_and_wanyuan_exactly(string amount, MoneyUnit from, MoneyUnit to, string expected) =>
        Assert.Equal(decimal.Parse(expected), BoundEvaluation.Convert(decimal.Parse(amount), from, to));

    [Fact]
    public void An_entered_quantitative_score_is_ignored_and_an_override_equal_to_the_rules_is_no_override()
    {
        var entered = BoundEvaluation.Draft(Declaration(), TestProfiles.Shanghai);
        var row = entered.Indicators[6];   // 生活驿站全年开放天数 ≥260.00(天), weight 3.75
        row.Actual = new ActualValue("250.00(天)", 250.00m, "天", null);
        row.Score = 3.75m;
        var same = BoundEvaluation.Draft(Declaration(), TestProfiles.Shanghai);
        same.Indicators[6].Actual = row.Actual;
        same.Indicators[6].Override = new ScoreOverride(3.61m, "理由");

        var record = BoundEvaluation.Apply(entered, Declaration(), TestProfiles.Shanghai);
        var noOverride = BoundEvaluation.Apply(same, Declaration(), TestProfiles.Shanghai);

        Assert.Empty(record.Problems);
        Assert.Equal(3.61m, record.Record.Indicators[6].Score);   // 3.75 × 250/260 = 3.606
        Assert.Null(noOverride.Record.Indicators[6].Override);
    }

    [Fact]
    public void A_qualitative_row_refuses_an_override_and_a_score_outside_its_band()
    {
        var entered = BoundEvaluation.Draft(Declaration(), TestProfiles.Shanghai);
        entered.Indicators[0].Actual = new ActualValue("部分达成指标并具有一定效果", null, null, Achievement.PartiallyAchieved);
        entered.Indicators[0].Score = 20.00m;   // 22.50 × 60%–<80% = 13.50–<18.00
        entered.Indicators[3].Actual = new ActualValue("达成指标", null, null, Achievement.Achieved);
        entered.Indicators[3].Override = new ScoreOverride(12.50m, "理由");

        var result = BoundEvaluation.Apply(entered, Declaration(), TestProfiles.Shanghai);

        Assert.Contains(result.Problems, p => p.Field == "indicators[0].score" && p.Message.Contains("13.50–<18.00"));
        Assert.Contains(result.Problems, p => p.Field == "indicators[3].scoreOverride");
    }

    [Fact]
    public void Rebinding_keeps_what_was_entered_for_the_same_rows_and_recomputes_a_changed_target()
    {
        var profile = TestProfiles.Shanghai;
        var current = BoundEvaluation.Draft(Declaration(), profile);
        current.Indicators[6].Actual = new ActualValue("250.00(天)", 250.00m, "天", null);
        current.Indicators[6].Override = new ScoreOverride(3.70m, "闭馆十天系改造所致");
        current.Indicators[6].DeviationReason = "改造";
        current = BoundEvaluation.Apply(current, Declaration(), profile).Record;
        var adjusted = Adjustment.Of(Declaration(), "调整");
        adjusted.Indicators[6].Target = new TargetValue("≥250.00(天)", Comparator.GreaterOrEqual, 250.00m, "天");

        var rebound = BoundEvaluation.Rebind(current, adjusted, profile);

        Assert.Equal(1, adjusted.Revision);
        Assert.Equal(250.00m, rebound.Indicators[6].Actual!.Value);
        Assert.Equal("改造", rebound.Indicators[6].DeviationReason);
        Assert.Null(rebound.Indicators[6].Override);                 // it was about the old target
        Assert.Equal(3.75m, rebound.Indicators[6].Score);            // 250 ≥ 250: met
        Assert.Equal(current.Indicators[1].Weight, rebound.Indicators[1].Weight);
    }

    [Theory]
    [InlineData(MoneyUnit.Yuan, "100.005", "两位小数")]
    [InlineData(MoneyUnit.Yuan, "10000000000000", "10¹³")]
    [InlineData(MoneyUnit.WanYuan, "1000000000", "10¹³")]
    [InlineData(MoneyUnit.WanYuan, "0.1234567", "两位小数")]
    [InlineData(MoneyUnit.Yuan, "-0.01", "负数")]
    public void Money_outside_its_bounds_is_refused(MoneyUnit unit, string amount, string says)
    {
        var d = Declaration();
        d.Funds.Unit = unit;
        d.Funds.AnnualTotal = decimal.Parse(amount);

        Assert.Contains(FormValidation.Check(d), p => p.Field == "funds.annualTotal" && p.Message.Contains(says));
    }

    [Fact]
    public void Money_within_its_bounds_passes_in_either_unit()
    {
        var d = Declaration();
        d.Funds.Unit = MoneyUnit.WanYuan;
        d.Funds.AnnualTotal = 0.123456m;   // 1,234.56 元

        Assert.DoesNotContain(FormValidation.Check(d), p => p.Field.StartsWith("funds", StringComparison.Ordinal));
    }

    [Fact]
    public void Levels_come_from_the_framework_and_a_score_stays_inside_its_weight()
    {
        var s = SeedForms.S004DistanceEducation();
        s.Indicators[0].Level2 = "社会效益指标";        // belongs to 效益指标, the row says 产出指标
        s.Indicators[1].Level1 = "其他指标";
        s.Indicators[2].Score = s.Indicators[2].Weight + 0.01m;

        var problems = FormValidation.Check(s);

        Assert.Contains(problems, p => p.Field == "indicators[0].level2" && p.Message.Contains("属于“效益指标”"));
        Assert.Contains(problems, p => p.Field == "indicators[1].level1");
        Assert.Contains(problems, p => p.Field == "indicators[2].score" && p.Message.Contains("第 3 行"));
    }

    [Fact]
    public void The_gate_blocks_on_errors_and_asks_for_acknowledgement_of_warnings_only_at_submission()
    {
        var form = SeedForms.S004DistanceEducation();   // no errors; two met targets under-scored (warnings)
        var cut = SeedForms.S004PartyServiceFunds();
        cut.Complete = false;

        var submit = Gate.For(FormAction.Submit, form, TestProfiles.Shanghai);
        var approve = Gate.For(FormAction.Approve, form, TestProfiles.Shanghai);
        var cutOff = Gate.For(FormAction.Submit, cut, TestProfiles.Shanghai);
        var returning = Gate.For(FormAction.Return, cut, TestProfiles.Shanghai);

        Assert.True(submit.Passes);
        Assert.Contains(submit.ToAcknowledge, f => f.Code == "met-target-underscored" && f.Row is not null);
        Assert.Empty(approve.ToAcknowledge);
        Assert.Contains(cutOff.Blocking, f => f.Code == "form-incomplete");
        Assert.True(returning.Passes);
    }

    [Fact]
    public void An_unscored_row_blocks_with_its_row_and_the_scorers_reason()
    {
        var s = BoundEvaluation.Draft(Declaration(), TestProfiles.Shanghai);

        var gate = Gate.For(FormAction.Submit, s, TestProfiles.Shanghai);

        var first = Assert.Single(gate.Blocking, f => f.Code == "evaluation-not-scored" && f.Row == 2);
        Assert.Contains("未填实际完成值", first.Message);
        Assert.Contains(gate.Blocking, f => f.Code == "evaluation-not-scored" && f.Row is null && f.Message.Contains("执行率"));
        Assert.Equal(Severity.Error, first.Severity);
    }
}
