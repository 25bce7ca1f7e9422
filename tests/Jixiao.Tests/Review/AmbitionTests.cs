using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Review;

/// <summary>
/// The ambition checks (issue 13 item 3) over hand-built history and peers; every expected figure is worked out in
/// the comment beside it.
/// </summary>
public class AmbitionTests
{
    const string Unit = "示例社区党群服务中心";
    const string Activities = "开展党建主题活动次数";

    static Indicator R(string? target, string? actual = null, string name = Activities, string level1 = "产出指标", string level2 = "数量指标") =>
        FormBuilder.Row(name, target, actual, level1: level1, level2: level2);

    static TargetDeclaration Decl(int year, params Indicator[] rows) => Decl(year, Unit, "社区党建活动经费", rows);

    static TargetDeclaration Decl(int year, string unit, string project, params Indicator[] rows)
    {
        var d = new TargetDeclaration { Year = year, ImplementingUnit = unit, ProjectName = project };
        d.Indicators.AddRange(rows);
        return d;
    }

    static SelfEvaluation Eval(int year, params Indicator[] rows) => Eval(year, "社区党建活动经费", rows);

    static SelfEvaluation Eval(int year, string project, params Indicator[] rows)
    {
        var s = new SelfEvaluation { Year = year, ImplementingUnit = Unit, ProjectName = project };
        s.Indicators.AddRange(rows);
        return s;
    }

    static List<Finding> Check(string code, PerformanceForm form, IEnumerable<PerformanceForm> others, ScoringProfile? profile = null)
    {
        var index = AmbitionIndex.Of(others.Append(form));
        return Reviewer.Review(form, profile ?? TestProfiles.National, index.For(form)).Where(f => f.Code == code).ToList();
    }

    static List<Finding> Check(string code, PerformanceForm form, params PerformanceForm[] others) => Check(code, form, others, null);

    // ---- target-below-last-actual -----------------------------------------------------------------------------

    [Fact]
    public void A_target_below_last_years_actual_is_a_warning_giving_both_figures_and_years()
    {
        var f = Assert.Single(Check("target-below-last-actual", Decl(2024, R("≥3(次)")), Eval(2023, R("≥4(次)", "5(次)"))));
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("目标 ≥3.00次 低于 2023 年实际完成的 5次", f.Message);
        Assert.Equal(Activities, f.IndicatorName);
        Assert.Equal(1, f.Row);
    }

    [Theory]
    [InlineData("≥5(次)", false)]     // equal to last year's 5: not below
    [InlineData("≥4.99(次)", true)]   // 4.99 < 5
    [InlineData(">4(次)", true)]      // > 4 is still below 5
    [InlineData(">5(次)", false)]
    [InlineData("=3(次)", false)]     // = targets are left alone
    public void The_boundary_is_last_years_actual_itself(string target, bool flagged) =>
        Assert.Equal(flagged, Check("target-below-last-actual", Decl(2024, R(target)), Eval(2023, R("≥4(次)", "5(次)"))).Count == 1);

    [Fact]
    public void Another_unit_of_measure_a_missing_year_or_another_unit_say_nothing()
    {
        // 5场 last year against ≥3次: not the same measure.
        Assert.Empty(Check("target-below-last-actual", Decl(2024, R("≥3(次)")), Eval(2023, R("≥4(场)", "5(场)"))));
        // 2022's actual is not last year's: no 2023 form.
        Assert.Empty(Check("target-below-last-actual", Decl(2024, R("≥3(次)")), Eval(2022, R("≥4(次)", "5(次)"))));
        // Another unit's 5次 is not this unit's history.
        var other = Eval(2023, R("≥4(次)", "5(次)"));
        other.ImplementingUnit = "另一个单位";
        Assert.Empty(Check("target-below-last-actual", Decl(2024, R("≥3(次)")), other));
        // A declaration of last year has a target but no actual.
        Assert.Empty(Check("target-below-last-actual", Decl(2024, R("≥3(次)")), Decl(2023, R("≥6(次)"))));
        // No snapshot at all: silent.
        Assert.DoesNotContain(Reviewer.Review(Decl(2024, R("≥3(次)")), TestProfiles.National), f => f.Code.StartsWith("target-", StringComparison.Ordinal) && f.Code != "target-far-exceeded");
    }

    [Fact]
    public void The_same_indicator_is_found_through_width_spaces_quotes_and_partial_labels()
    {
        Assert.Equal(IndicatorKey.Of("产出指标", "数量指标", "开展“三会一课”次数"), IndicatorKey.Of("产出", "数量", " 开展 三会一课 次数"));
        Assert.Equal(IndicatorKey.Of("产出指标", "数量指标", "活动次数(场)"), IndicatorKey.Of("产出指标", "数量指标", "活动次数（场）"));
        Assert.NotEqual(IndicatorKey.Of("产出指标", "数量指标", "活动次数"), IndicatorKey.Of("产出指标", "质量指标", "活动次数"));

        var past = Eval(2023, R("≥4(次)", "5(次)", name: "开展 “党建” 主题活动次数", level1: "产出", level2: "数量"));
        var f = Assert.Single(Check("target-below-last-actual", Decl(2024, R("≥3(次)", name: "开展党建主题活动次数")), past));
        Assert.Contains("5次", f.Message);
    }

    [Fact]
    public void A_ceiling_above_last_years_actual_is_the_reverse_case_but_not_on_a_reversed_count()
    {
        // 平台故障次数: fewer is better (故障 is an undesirable word); ≤5 against 2 last year.
        var f = Assert.Single(Check("target-below-last-actual",
            Decl(2024, R("≤5(次)", name: "平台故障次数", level2: "质量指标")), Eval(2023, R("≤5(次)", "2(次)", name: "平台故障次数", level2: "质量指标"))));
        Assert.Contains("目标 ≤5.00次 高于 2023 年实际的 2次", f.Message);
        // ≤30场 on activities reads as a reversed ≥ (comparator-reversed): no ceiling to compare.
        Assert.Empty(Check("target-below-last-actual", Decl(2024, R("≤30(场)", name: "开展小型文化活动")), Eval(2023, R("≤30(场)", "17(场)", name: "开展小型文化活动"))));
    }

    [Fact]
    public void The_same_projects_row_is_preferred_else_the_lowest_actual_of_the_units_rows()
    {
        var a = Eval(2023, "项目甲", R("≥8(次)", "10(次)"));
        var b = Eval(2023, "项目乙", R("≥1(次)", "2(次)"));
        // 项目甲 declares ≥5: its own last year was 10 → flagged against 10.
        var f = Assert.Single(Check("target-below-last-actual", Decl(2024, Unit, "项目甲", R("≥5(次)")), a, b));
        Assert.Contains("实际完成的 10次", f.Message);
        // 项目丙 has no row of its own: the unit's lowest, 2; ≥5 is not below 2.
        Assert.Empty(Check("target-below-last-actual", Decl(2024, Unit, "项目丙", R("≥5(次)")), a, b));
    }

    [Fact]
    public void Self_evaluations_are_not_held_to_the_ambition_checks()
    {
        var later = Eval(2024, R("≥3(次)", "3(次)"));
        Assert.Empty(Check("target-below-last-actual", later, Eval(2023, R("≥4(次)", "5(次)"))));
    }

    // ---- target-far-below-peers -------------------------------------------------------------------------------

    static TargetDeclaration Peer(int n, string target) => Decl(2024, $"同类单位{n}", $"项目{n}", R(target));

    // Peers 10, 10, 12, 8, 9 (次): sorted 8, 9, 10, 10, 12, median 10.
    static TargetDeclaration[] FivePeers => [Peer(1, "≥10(次)"), Peer(2, "≥10(次)"), Peer(3, "≥12(次)"), Peer(4, "≥8(次)"), Peer(5, "≥9(次)")];

    [Fact]
    public void A_target_far_below_the_peers_median_is_an_info_with_the_median_and_the_shortfall()
    {
        // ≥4 against 10: (10 − 4) / 10 = 60% below, more than 50%.
        var f = Assert.Single(Check("target-far-below-peers", Decl(2024, R("≥4(次)")), FivePeers));
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Contains("目标 ≥4.00次 比同年 5 家其他单位同一指标目标的中位数 10次 低 60.00%", f.Message);
        // ≥5: exactly 50% below, not more: silent.
        Assert.Empty(Check("target-far-below-peers", Decl(2024, R("≥5(次)")), FivePeers));
    }

    [Fact]
    public void Too_few_peers_or_peers_in_another_unit_of_measure_make_no_median()
    {
        Assert.Empty(Check("target-far-below-peers", Decl(2024, R("≥4(次)")), FivePeers[..4]));
        // The fifth in 场 is not the same measure: four peers remain.
        Assert.Empty(Check("target-far-below-peers", Decl(2024, R("≥4(次)")), [.. FivePeers[..4], Peer(5, "≥9(场)")]));
        // Another year's declarations are not peers.
        var lastYear = FivePeers.Select(p => { p.Year = 2023; return p; }).ToArray();
        Assert.Empty(Check("target-far-below-peers", Decl(2024, R("≥4(次)")), lastYear));
    }

    [Fact]
    public void An_even_count_takes_the_mean_of_the_middle_two_and_a_unit_counts_once()
    {
        // 8, 9, 10, 10, 12, 14: median (10 + 10) / 2 = 10; ≥4.99 is 50.10% below.
        var six = FivePeers.Append(Peer(6, "≥14(次)")).ToList();
        var f = Assert.Single(Check("target-far-below-peers", Decl(2024, R("≥4.99(次)")), six));
        Assert.Contains("6 家", f.Message);
        Assert.Contains("低 50.10%", f.Message);
        // 同类单位1 with a second project of ≥100: its own median (10 + 100) / 2 = 55; units 55, 10, 12, 8, 9 → median 10, still 5 units.
        var twice = FivePeers.Append(Decl(2024, "同类单位1", "另一项目", R("≥100(次)"))).ToList();
        Assert.Contains("5 家", Assert.Single(Check("target-far-below-peers", Decl(2024, R("≥4(次)")), twice)).Message);
        Assert.Equal(10m, Jixiao.Core.Scoring.Num.Median([8m, 9m, 10m, 10m, 12m, 14m]));
        Assert.Equal(2.5m, Jixiao.Core.Scoring.Num.Median([4m, 1m, 3m, 2m]));
    }

    [Fact]
    public void The_share_and_the_minimum_of_peers_are_the_profiles()
    {
        var json = TestProfiles.NationalJson;
        Assert.Contains("\"peerShortfallPercent\": 50, \"minPeers\": 5", json);
        var tolerant = ScoringProfile.Parse(json.Replace("\"peerShortfallPercent\": 50", "\"peerShortfallPercent\": 70"));
        var three = ScoringProfile.Parse(json.Replace("\"minPeers\": 5", "\"minPeers\": 3"));
        Assert.Empty(Check("target-far-below-peers", Decl(2024, R("≥4(次)")), FivePeers, tolerant)); // 60% ≤ 70%
        // Four peers 10, 10, 12, 8: median 10, ≥4 is 60% below.
        Assert.Single(Check("target-far-below-peers", Decl(2024, R("≥4(次)")), FivePeers[..4], three));
        Assert.Equal(AmbitionRules.Default, ScoringProfile.Parse(System.Text.RegularExpressions.Regex.Replace(json, "\"ambition\": \\{[^}]*\\}", "\"ambition\": null")).Ambition);
    }

    [Theory]
    [InlineData("\"minPeers\": 5", "\"minPeers\": 2", "ambition.minPeers")]
    [InlineData("\"minPeers\": 5", "\"minPeers\": 4.5", "ambition.minPeers")]
    [InlineData("\"peerShortfallPercent\": 50", "\"peerShortfallPercent\": 150", "ambition.peerShortfallPercent")]
    [InlineData("\"minPeers\": 5", "\"minPeers\": 5, \"median\": true", "ambition.median")]
    public void A_bad_ambition_field_is_refused_naming_it(string from, string to, string field)
    {
        var e = Assert.Throws<ProfileException>(() => ScoringProfile.Parse(TestProfiles.NationalJson.Replace(from, to)));
        Assert.Equal(field, e.Field);
        Assert.Contains(field, e.Message);
    }

    // ---- target-not-raised ------------------------------------------------------------------------------------

    [Fact]
    public void Met_by_far_three_years_running_with_the_same_target_and_not_raised_is_a_warning()
    {
        // ≥4 each year; 1.5 × 4 = 6; actuals 12, 12, 13 are all ≥ 6.
        var history = new[] { Eval(2021, R("≥4(次)", "12(次)")), Eval(2022, R("≥4(次)", "12(次)")), Eval(2023, R("≥4(次)", "13(次)")) };
        var f = Assert.Single(Check("target-not-raised", Decl(2024, R("≥4(次)")), history));
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("连续三年目标为 4次", f.Message);
        Assert.Contains("2021 年 12次、2022 年 12次、2023 年 13次", f.Message);
        Assert.Contains("本年目标 ≥4.00次 仍未提高", f.Message);
        // Raised to ≥5: silent.
        Assert.Empty(Check("target-not-raised", Decl(2024, R("≥5(次)")), history));
    }

    [Theory]
    [InlineData("6(次)", true)]      // 6 = 1.5 × 4: far enough
    [InlineData("5.99(次)", false)]  // just short of 1.5 ×
    public void Far_means_the_profiles_far_exceeded_ratio(string firstActual, bool flagged)
    {
        var history = new[] { Eval(2021, R("≥4(次)", firstActual)), Eval(2022, R("≥4(次)", "12(次)")), Eval(2023, R("≥4(次)", "13(次)")) };
        Assert.Equal(flagged, Check("target-not-raised", Decl(2024, R("≥4(次)")), history).Count == 1);
    }

    [Fact]
    public void A_missing_year_another_target_or_another_measure_breaks_the_run()
    {
        Assert.Empty(Check("target-not-raised", Decl(2024, R("≥4(次)")), Eval(2022, R("≥4(次)", "12(次)")), Eval(2023, R("≥4(次)", "13(次)"))));
        Assert.Empty(Check("target-not-raised", Decl(2024, R("≥4(次)")),
            Eval(2021, R("≥3(次)", "12(次)")), Eval(2022, R("≥4(次)", "12(次)")), Eval(2023, R("≥4(次)", "13(次)"))));
        Assert.Empty(Check("target-not-raised", Decl(2024, R("≥4(次)")),
            Eval(2021, R("≥4(场)", "12(场)")), Eval(2022, R("≥4(次)", "12(次)")), Eval(2023, R("≥4(次)", "13(次)"))));
    }

    [Fact]
    public void A_self_evaluation_without_its_target_takes_the_years_declaration()
    {
        // 2022's self-evaluation row has no target: its declaration's ≥4 is the year's target.
        var history = new PerformanceForm[]
        {
            Eval(2021, R("≥4(次)", "12(次)")), Decl(2022, R("≥4(次)")), Eval(2022, R(null, "12(次)")), Eval(2023, R("≥4(次)", "13(次)")),
        };
        Assert.Single(Check("target-not-raised", Decl(2024, R("≥4(次)")), history));
    }
}
