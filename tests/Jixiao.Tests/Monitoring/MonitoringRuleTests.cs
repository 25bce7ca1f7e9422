using System.Text.Json.Nodes;
using Jixiao.Core.Entry;
using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Parsing;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Monitoring;

/// <summary>
/// Every warning rule, driven from the profile's `monitoring` section: the national profile's figures, then the same
/// form under a profile whose section says otherwise. Expected colours are worked out by hand in each test.
/// </summary>
public class MonitoringRuleTests
{
    /// <summary>The national profile with its monitoring section replaced (null: the section removed, so the defaults apply).</summary>
    static ScoringProfile With(JsonObject? monitoring)
    {
        var root = JsonNode.Parse(TestProfiles.NationalJson)!.AsObject();
        root.Remove("monitoring");
        if (monitoring is not null) root["monitoring"] = monitoring;
        return ScoringProfile.Parse(root.ToJsonString());
    }

    static JsonObject Basis(JsonObject rule, string firmness = "V")
    {
        rule["source"] = "测试";
        rule["firmness"] = firmness;
        return rule;
    }

    /// <summary>One fund line at the end of June (time progress 50%), budget 100.00 万元.</summary>
    static MonitoringForm Funds(decimal executed, decimal? forecast = null, decimal? adjusted = null, int endMonth = 6)
    {
        var f = new MonitoringForm { ProjectName = "测试项目", Period = new MonitoringPeriod(endMonth, null) };
        f.Funds.Rows.Add(new MonitoringFundRow { Label = "年度资金总额", InitialBudget = 100.00m, AdjustedBudget = adjusted, ExecutedToDate = executed, ForecastExecuted = forecast });
        return f;
    }

    static MonitoringForm Row(string target, string? forecast, Likelihood? likelihood = null, Achievement? achievement = null)
    {
        var f = new MonitoringForm { ProjectName = "测试项目", Period = new MonitoringPeriod(7, null) };
        f.Indicators.Add(new Indicator
        {
            Level1 = "产出指标", Level2 = "数量指标", Name = "培训人次", Target = ValueParser.ParseTarget(target),
            Forecast = forecast is null ? null : ValueParser.ParseActual(forecast) with { Achievement = achievement },
            Likelihood = likelihood,
        });
        return f;
    }

    static Light? FundLight(MonitoringForm f, ScoringProfile p) => MonitoringAssessor.Assess(f, p).Funds[0].Light.Light;

    static Light? RowLight(MonitoringForm f, ScoringProfile p) => MonitoringAssessor.Assess(f, p).Indicators[0].Light.Light;

    // ---- 预算执行预警: 执行率 ÷ 时间进度 ----------------------------------------------------------------------------

    [Theory]
    [InlineData(29.99, "red")]     // 29.99% ÷ 50% = 59.98% < 60
    [InlineData(30.00, "yellow")]  // 60.00%: not below 60, below 80
    [InlineData(39.99, "yellow")]  // 79.98%
    [InlineData(40.00, "green")]   // 80.00%
    [InlineData(100.00, "green")]
    public void Execution_against_time_progress_takes_the_national_60_and_80(decimal executed, string light)
    {
        Assert.Equal(light, FundLight(Funds(executed), TestProfiles.National)?.ToCode());
    }

    [Fact]
    public void The_thresholds_are_the_profiles()
    {
        var lenient = With(new JsonObject { ["executionAgainstTime"] = Basis(new JsonObject { ["red"] = 50, ["yellow"] = 55 }) });

        Assert.Equal(Light.Yellow, FundLight(Funds(26.00m), lenient));  // 52% of time: below 55, not below 50
        Assert.Equal(Light.Green, FundLight(Funds(28.00m), lenient));   // 56%
        Assert.Equal(Light.Red, FundLight(Funds(28.00m), TestProfiles.National));
    }

    [Fact]
    public void The_working_shows_the_division_and_the_period()
    {
        var working = MonitoringAssessor.Assess(Funds(41.20m, endMonth: 7), TestProfiles.National).Funds[0].Light.Working;

        // 41.20 ÷ 100 = 41.20%; 7/12 = 58.33%; 41.20 ÷ 58.333… = 70.63% → yellow.
        Assert.StartsWith("1-7月 执行 41.20% ÷ 时间进度 58.33% = 70.63% → 黄", working);
    }

    [Fact]
    public void The_rate_divides_by_the_adjusted_budget_where_the_line_has_one()
    {
        var sheet = MonitoringAssessor.Assess(Funds(30.00m, adjusted: 120.00m), TestProfiles.National);

        Assert.Equal(25.00m, sheet.Funds[0].ExecutionRate);       // 30 ÷ 120
        Assert.Equal(Light.Red, sheet.Funds[0].Light.Light);        // 25 ÷ 50 = 50% < 60
    }

    [Fact]
    public void A_section_without_the_rule_does_not_colour_by_it()
    {
        var none = With(new JsonObject { ["likelihood"] = Basis(new JsonObject { ["possible"] = "yellow", ["impossible"] = "red" }) });

        Assert.Null(FundLight(Funds(10.00m), none));
        Assert.Equal(Light.Red, FundLight(Funds(10.00m), With(null)));  // no section at all: the defaults
    }

    // ---- 全年预计执行数 below the budget ---------------------------------------------------------------------------

    [Theory]
    [InlineData(89.99, "yellow")]  // 89.99% of the budget: more than 10% short
    [InlineData(90.00, "green")]
    public void A_forecast_execution_more_than_the_profiles_share_short_of_the_budget_is_yellow(decimal forecast, string light)
    {
        Assert.Equal(light, FundLight(Funds(60.00m, forecast), TestProfiles.National)?.ToCode());
    }

    [Fact]
    public void The_shortfall_share_and_its_colour_are_the_profiles()
    {
        var strict = With(new JsonObject { ["forecastExecutionShortfall"] = Basis(new JsonObject { ["percent"] = 5, ["light"] = "red" }) });

        Assert.Equal(Light.Red, FundLight(Funds(60.00m, 94.00m), strict));
        Assert.Equal(Light.Green, FundLight(Funds(60.00m, 95.00m), strict));
    }

    // ---- 全年预计完成情况 against the target --------------------------------------------------------------------------

    [Theory]
    [InlineData("≥90.00(%)", "85%", "red")]
    [InlineData("≥90.00(%)", "90%", "green")]
    [InlineData(">90.00(%)", "90%", "red")]
    [InlineData("≤5.00(%)", "5%", "green")]
    [InlineData("≤5.00(%)", "6%", "red")]
    [InlineData("<5.00(%)", "5%", "red")]
    [InlineData("=0(起)", "1起", "red")]
    [InlineData("=100.00(%)", "100%", "green")]
    public void A_forecast_that_misses_by_the_rows_comparator_is_red(string target, string forecast, string light)
    {
        Assert.Equal(light, RowLight(Row(target, forecast), TestProfiles.National)?.ToCode());
    }

    [Fact]
    public void A_forecast_in_another_unit_is_not_judged()
    {
        var sheet = MonitoringAssessor.Assess(Row("≥260.00(天)", "8个月"), TestProfiles.National);

        Assert.Null(sheet.Indicators[0].Light.Light);
        Assert.Contains("无法与指标值", sheet.Indicators[0].Light.Working);
    }

    [Fact]
    public void A_qualitative_target_is_judged_by_the_forecasts_achievement()
    {
        Assert.Equal(Light.Green, RowLight(Row("及时", "及时", achievement: Achievement.Achieved), TestProfiles.National));
        Assert.Equal(Light.Yellow, RowLight(Row("及时", "部分及时", achievement: Achievement.PartiallyAchieved), TestProfiles.National));
        Assert.Equal(Light.Red, RowLight(Row("及时", "不及时", achievement: Achievement.NotAchieved), TestProfiles.National));
    }

    [Fact]
    public void The_colour_of_a_missed_forecast_is_the_profiles()
    {
        var mild = With(new JsonObject { ["forecastMissesTarget"] = Basis(new JsonObject { ["light"] = "yellow" }) });

        Assert.Equal(Light.Yellow, RowLight(Row("≥90.00(%)", "85%"), mild));
    }

    // ---- 完成目标可能性 --------------------------------------------------------------------------------------------

    [Fact]
    public void Likelihood_colours_the_row_as_the_profile_says()
    {
        Assert.Equal(Light.Yellow, RowLight(Row("≥90.00(%)", "95%", Likelihood.Possible), TestProfiles.National));
        Assert.Equal(Light.Red, RowLight(Row("≥90.00(%)", "95%", Likelihood.Impossible), TestProfiles.National));
        Assert.Equal(Light.Green, RowLight(Row("≥90.00(%)", "95%", Likelihood.Certain), TestProfiles.National));
        var severe = With(new JsonObject { ["likelihood"] = Basis(new JsonObject { ["possible"] = "red", ["impossible"] = "red" }) });
        Assert.Equal(Light.Red, RowLight(Row("≥90.00(%)", "95%", Likelihood.Possible), severe));
    }

    [Fact]
    public void The_worst_rule_decides_and_every_rule_that_coloured_the_row_is_named()
    {
        var light = MonitoringAssessor.Assess(Row("≥90.00(%)", "85%", Likelihood.Possible), TestProfiles.National).Indicators[0].Light;

        Assert.Equal(Light.Red, light.Light);
        Assert.Equal([MonitoringAssessor.ForecastMissesTargetId, MonitoringAssessor.LikelihoodId], light.Rules);
    }

    // ---- what the review makes of the colours ---------------------------------------------------------------------

    [Fact]
    public void A_red_row_needs_a_cause_a_reason_and_a_corrective_action()
    {
        var form = Row("≥90.00(%)", "85%", Likelihood.Possible);
        Finding Unexplained() => Reviewer.Review(form, TestProfiles.National).Single(f => f.Code == Checks.MonitoringDeviationUnexplained.Code);

        Assert.Contains("偏差原因类别", Unexplained().Message);
        form.Indicators[0].Deviation = new Deviation([DeviationCause.Staffing], "培训师离职", null);
        Assert.DoesNotContain("偏差原因类别", Unexplained().Message);
        Assert.Contains("纠偏措施", Unexplained().Message);
        form.Indicators[0].Deviation = new Deviation([DeviationCause.Staffing], "培训师离职", "10 月起外聘培训师");
        Assert.DoesNotContain(Reviewer.Review(form, TestProfiles.National), f => f.Code == Checks.MonitoringDeviationUnexplained.Code);
    }

    [Fact]
    public void Certain_beside_a_forecast_that_misses_is_a_warning_and_impossible_beside_one_that_meets_too()
    {
        static IEnumerable<string> Codes(MonitoringForm f) => Reviewer.Review(f, TestProfiles.National).Select(x => x.Code);

        Assert.Contains(Checks.MonitoringLikelihoodContradicts.Code, Codes(Row("≥90.00(%)", "85%", Likelihood.Certain)));
        Assert.Contains(Checks.MonitoringLikelihoodContradicts.Code, Codes(Row("≥90.00(%)", "95%", Likelihood.Impossible)));
        Assert.DoesNotContain(Checks.MonitoringLikelihoodContradicts.Code, Codes(Row("≥90.00(%)", "85%", Likelihood.Possible)));
    }

    // ---- the self-evaluation against the forecast -----------------------------------------------------------------

    static SelfEvaluation Evaluation(string actual)
    {
        var s = new SelfEvaluation { ProjectName = "测试项目" };
        s.Indicators.Add(new Indicator { Level1 = "产出指标", Level2 = "数量指标", Name = "培训人次", Target = ValueParser.ParseTarget("≥260.00(天)"), Actual = ValueParser.ParseActual(actual) });
        return s;
    }

    [Theory]
    [InlineData("180天", true)]   // |180 − 255| ÷ 255 = 29.41% > 20
    [InlineData("210天", false)]  // 17.65%
    [InlineData("8个月", false)]  // another unit: not compared
    public void An_actual_far_from_the_monitoring_forecast_is_a_finding(string actual, bool found)
    {
        var monitoring = Row("≥260.00(天)", "255天", Likelihood.Impossible);

        var findings = MonitoringFollowUp.Findings(Evaluation(actual), monitoring, TestProfiles.National);

        Assert.Equal(found, findings.Any(f => f.Code == Checks.ForecastActualGap.Code && f.Row == 1));
        if (found) Assert.Contains("29.41%", findings[0].Message);
    }

    [Fact]
    public void The_gap_that_counts_is_the_profiles()
    {
        var wide = With(new JsonObject { ["forecastActualGap"] = Basis(new JsonObject { ["percent"] = 30 }, "U") });

        Assert.Empty(MonitoringFollowUp.Findings(Evaluation("180天"), Row("≥260.00(天)", "255天"), wide));
    }

    // ---- a profile that cannot be used says where ------------------------------------------------------------------

    [Theory]
    [InlineData("""{ "executionAgainstTime": { "red": 80, "yellow": 60, "source": "x", "firmness": "V" } }""", "monitoring.executionAgainstTime")]
    [InlineData("""{ "executionAgainstTime": { "red": 60, "yellow": 80, "source": "x", "firmness": "Q" } }""", "monitoring.executionAgainstTime.firmness")]
    [InlineData("""{ "executionAgainstTime": { "red": 60, "yellow": 80, "firmness": "V" } }""", "monitoring.executionAgainstTime.source")]
    [InlineData("""{ "forecastMissesTarget": { "light": "green", "source": "x", "firmness": "V" } }""", "monitoring.forecastMissesTarget.light")]
    [InlineData("""{ "timeAgainstExecution": { } }""", "monitoring.timeAgainstExecution")]
    public void A_bad_monitoring_section_is_refused_naming_the_field(string section, string field)
    {
        var e = Assert.Throws<ProfileException>(() => With(JsonNode.Parse(section)!.AsObject()));

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Every_shipped_profile_states_its_rules_with_source_and_firmness()
    {
        foreach (var p in new[] { TestProfiles.National, TestProfiles.Shanghai })
        {
            var m = p.Monitoring;
            RuleSource[] sources = [m.ExecutionAgainstTime!.Basis, m.ForecastMissesTarget!.Basis, m.Likelihood!.Basis, m.ForecastExecutionShortfall!.Basis, m.ForecastActualGap!.Basis];
            Assert.All(sources, s => Assert.False(string.IsNullOrWhiteSpace(s.Source)));
            Assert.Equal(60, m.ExecutionAgainstTime.Red);
            Assert.Equal(80, m.ExecutionAgainstTime.Yellow);
        }
    }

    // ---- the form from its declaration ----------------------------------------------------------------------------

    [Fact]
    public void The_draft_takes_the_declarations_targets_and_budgets_in_wan_yuan()
    {
        var d = new TargetDeclaration { Year = 2024, ProjectName = "生活驿站运行经费", AnnualGoal = "正常运作" };
        d.Funds.Unit = MoneyUnit.Yuan;
        d.Funds.AnnualTotal = 296000.00m;
        d.Funds.CurrentYearAppropriation = 296000.00m;
        d.Funds.CarryOver = 0m;
        d.Indicators.Add(new Indicator { Level1 = "效益指标", Level2 = "社会效益指标", Name = "生活驿站全年开放天数", Target = ValueParser.ParseTarget("≥260.00(天)") });

        var draft = BoundMonitoring.Draft(d, new MonitoringPeriod(7, null), TestProfiles.National);

        Assert.Equal(29.60m, draft.Funds.Total!.InitialBudget);
        Assert.Equal(["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"], draft.Funds.Rows.Select(r => r.Label));
        Assert.Equal("≥260.00(天)", draft.Indicators[0].Target!.Text);
        Assert.Equal("正常运作", draft.AnnualGoal);

        var entered = BoundMonitoring.Draft(d, new MonitoringPeriod(7, null), TestProfiles.National);
        entered.Indicators[0].Forecast = new ActualValue("255天", null, null, null);
        entered.Indicators[0].Target = ValueParser.ParseTarget("≥200.00(天)");
        var result = BoundMonitoring.Apply(entered, d, new MonitoringPeriod(7, null), TestProfiles.National);
        Assert.Contains(result.Problems, p => p.Field == "indicators[0].target");
        Assert.Equal(255m, result.Record.Indicators[0].Forecast!.Value);   // typed text read as a value
        Assert.Equal("天", result.Record.Indicators[0].Forecast!.Unit);
        Assert.Equal("≥260.00(天)", result.Record.Indicators[0].Target!.Text);  // the declaration's, whatever was sent
    }
}
