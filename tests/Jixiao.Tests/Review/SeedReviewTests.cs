using System.Text.Json;
using System.Text.Json.Serialization;
using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Formats.Import;
using Jixiao.Tests.Support;
using Xunit;

namespace Jixiao.Tests.Review;

/// <summary>The seed departures of the issue, each on a hand-built copy of the seed form.</summary>
public class SeedReviewTests
{
    static IReadOnlyList<Finding> Review(PerformanceForm form) => Reviewer.Review(form, TestProfiles.Shanghai);

    static IReadOnlyList<Finding> Codes(PerformanceForm form, string code) =>
        Review(form).Where(f => f.Code == code).ToList();

    public static IEnumerable<object[]> AllSeeds() =>
        from f in SeedForms.All()
        from p in new[] { "shanghai", "national" }
        select new object[] { f.ProjectName!, p };

    [Theory]
    [MemberData(nameof(AllSeeds))]
    public void Clean_seed_form_has_no_error(string project, string profile)
    {
        var findings = Reviewer.Review(SeedForms.ByName(project), TestProfiles.ByName(profile));
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
        Assert.DoesNotContain(findings, f => f.Code == Checks.CheckFailed.Code);
    }

    /// <summary>
    /// Every warning the engine raises on the seeds, by form: (code, line), kept as data beside each seed case's
    /// expected.json in <c>expected-findings.json</c>. A new warning on a seed must be one a careful reviewer would
    /// agree with, and must be added there on purpose.
    /// </summary>
    public static TheoryData<string, string> ExpectedWarnings()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in TestData.CaseNames("seed-"))
            foreach (var form in ExpectedFindings.Read(c).Forms)
                data.Add(c, form.ProjectName);
        return data;
    }

    [Theory]
    [MemberData(nameof(ExpectedWarnings))]
    public void Seed_warnings_are_exactly_the_ones_a_reviewer_would_raise(string seedCase, string project)
    {
        var file = ExpectedFindings.Read(seedCase);
        var expected = file.Forms.Single(f => f.ProjectName == project).Warnings;
        var form = FormImporter.ImportFile(TestData.CaseInput(seedCase)).Forms.Single(f => f.ProjectName == project);
        var actual = Reviewer.Review(form, TestProfiles.Get(file.Profile))
            .Where(f => f.Severity == Severity.Warning)
            .Select(f => $"{f.Code}@{f.Line}")
            .OrderBy(s => s, StringComparer.Ordinal);
        var wanted = expected.OrderBy(s => s, StringComparer.Ordinal);
        Assert.Equal(wanted, actual);
    }

    [Fact]
    public void Every_seed_form_has_its_warnings_pinned_once_in_its_case_folder()
    {
        // Without this, a form left out of a file (or a case without one) would have its warnings checked by nobody.
        var cases = TestData.CaseNames("seed-").ToList();
        Assert.NotEmpty(cases);
        foreach (var c in cases)
        {
            var inFile = ExpectedFindings.Read(c).Forms.Select(f => f.ProjectName).ToList();
            var inInput = FormImporter.ImportFile(TestData.CaseInput(c)).Forms.Select(f => f.ProjectName!).ToList();
            Assert.True(inFile.Order(StringComparer.Ordinal).SequenceEqual(inInput.Order(StringComparer.Ordinal)),
                $"{c}/expected-findings.json names [{string.Join("、", inFile)}], the input holds [{string.Join("、", inInput)}]");
        }
        Assert.Equal(SeedForms.All().Count(), cases.Sum(c => ExpectedFindings.Read(c).Forms.Count));
    }

    /// <summary>
    /// <c>tests/data/cases/*/expected-findings.json</c>: the review profile, then per form (by projectName) its warnings
    /// as <c>code@line</c>. Read strictly: a misspelt or missing key fails the test instead of asserting nothing.
    /// </summary>
    sealed record ExpectedFindings(string Profile, IReadOnlyList<ExpectedFormFindings> Forms)
    {
        public const string FileName = "expected-findings.json";

        static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };

        public static ExpectedFindings Read(string caseName) =>
            JsonSerializer.Deserialize<ExpectedFindings>(File.ReadAllText(Path.Combine(TestData.Case(caseName), FileName)), Options)
            ?? throw new InvalidDataException($"{caseName}/{FileName} is empty");
    }

    sealed record ExpectedFormFindings(string ProjectName, IReadOnlyList<string> Warnings);

    [Fact]
    public void Met_satisfaction_target_scored_below_full_marks_is_flagged()
    {
        var findings = Codes(SeedForms.S004DistanceEducation(), "met-target-underscored");
        Assert.Equal(["基层党组织满意度", "管理人员满意度"], findings.Select(f => f.IndicatorName));
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains("9.32", findings[0].Message);
        Assert.Contains("10.00", findings[0].Message);
        Assert.Equal(53, findings[0].Line);
        Assert.Equal("电教远教工作经费", findings[0].ProjectName);
        Assert.Contains("财预〔2020〕10号", findings[0].Rule);
    }

    [Fact]
    public void Met_upper_bound_on_a_delivered_count_is_flagged_as_reversed()
    {
        var reversed = Codes(SeedForms.S001CultureAndSports(), "comparator-reversed");
        Assert.Equal(["开展小型文化活动", "加大府城文化宣传力度，增加项目开展次数", "非遗主题活动"], reversed.Select(f => f.IndicatorName));
        Assert.Equal([74, 75, 78], reversed.Select(f => f.Line));
        Assert.Contains("≥", reversed[0].Message);
    }

    [Fact]
    public void Reversed_count_scored_four_of_six_matches_neither_reading()
    {
        var underscored = Codes(SeedForms.S001CultureAndSports(), "met-target-underscored");
        Assert.Equal(["开展小型文化活动", "加大府城文化宣传力度，增加项目开展次数"], underscored.Select(f => f.IndicatorName));
        Assert.All(underscored, f => Assert.Contains("与两种读法都不符", f.Message));
        Assert.Contains("3.40", underscored[0].Message); // 6 × 17/30
        Assert.Contains("3.00", underscored[1].Message); // 6 × 5/10
    }

    [Fact]
    public void Upper_bound_on_a_head_count_of_staff_is_flagged_as_reversed()
    {
        var f = Assert.Single(Codes(SeedForms.S001CommunitySelfGovernance(), "comparator-reversed"));
        Assert.Equal("272名社区工作者及居民区书记", f.IndicatorName);
    }

    [Fact]
    public void Upper_bound_on_a_cost_per_unit_is_not_reversed()
    {
        var form = SeedForms.S001PartyServices();
        Assert.Contains(form.Indicators, r => r.Target?.Text == "≤50000.00 (元/片区)");
        Assert.Empty(Codes(form, "comparator-reversed"));
        Assert.DoesNotContain(Codes(SeedForms.S001CultureAndSports(), "comparator-reversed"), f => f.IndicatorName!.Contains("成本"));
    }

    [Fact]
    public void Actual_nine_times_the_target_is_flagged_as_far_exceeded_without_deduction()
    {
        var f = Assert.Single(Codes(SeedForms.S004ItConstruction(), "target-far-exceeded"));
        Assert.Equal("年访问次数", f.IndicatorName);
        Assert.Contains("9 倍", f.Message);
        Assert.Contains("不扣分", f.Message);
    }

    [Fact]
    public void Execution_rate_below_90_without_explanation_is_flagged()
    {
        var f = Assert.Single(Codes(SeedForms.S004PartyServiceFunds(), "low-execution-unexplained"));
        Assert.Contains("78.91%", f.Message);
        Assert.Null(f.IndicatorName);
        Assert.Equal(10, f.Line);
    }

    [Fact]
    public void Execution_rate_below_90_with_a_reason_in_the_outcome_is_not_flagged()
    {
        var form = SeedForms.S004PartyServiceFunds();
        form.ActualOutcome += "因部分课题经费结余，预算执行率未达到90%。";
        Assert.Empty(Codes(form, "low-execution-unexplained"));
    }

    [Fact]
    public void Outcome_copied_word_for_word_from_the_goal_is_flagged()
    {
        Assert.Single(Codes(SeedForms.S004NetworkOperations(), "actual-copies-goal"));
        Assert.Empty(Codes(SeedForms.S004ItConstruction(), "actual-copies-goal")); // adds a sentence: not a copy
    }

    [Fact]
    public void Same_indicator_name_twice_with_different_values_is_flagged()
    {
        var f = Assert.Single(Codes(SeedForms.S003PartyBuildingFunds(), "duplicate-indicator"));
        Assert.Equal("课题调研完成率", f.IndicatorName);
        Assert.Contains("≥1.00(个)", f.Message);
        Assert.Contains("=100.00 (%)", f.Message);
    }

    [Fact]
    public void Goal_promising_more_than_the_indicator_is_flagged()
    {
        var f = Assert.Single(Codes(SeedForms.S003PartyBuildingFunds(), "goal-number-contradicts-indicator"));
        Assert.Equal("“两新”党组织活动数量", f.IndicatorName);
        Assert.Contains("不少于120次", f.Message);
        Assert.Contains("≥110.00(次)", f.Message);
    }

    [Fact]
    public void Goal_numbers_that_match_an_indicator_are_not_flagged()
    {
        // 80%以上, 90%以上 and 至少完成1个课题调研 all have matching indicators; 预计4次 is an estimate.
        var findings = Codes(SeedForms.S003PartyBuildingFunds(), "goal-number-contradicts-indicator");
        Assert.Single(findings);
        Assert.Empty(Codes(SeedForms.S003LifeStation(), "goal-number-contradicts-indicator"));
    }

    [Fact]
    public void Rate_counted_in_pieces_and_head_count_in_firms_are_unit_mismatches()
    {
        var findings = Codes(SeedForms.S003PartyBuildingFunds(), "unit-name-mismatch");
        Assert.Equal(["“两新”党组织补贴发放单位(人数)", "课题调研完成率"], findings.Select(f => f.IndicatorName));
    }

    [Fact]
    public void Three_row_declaration_without_satisfaction_is_too_thin()
    {
        var form = SeedForms.S003SpecialAccount();
        Assert.Single(Codes(form, "too-few-indicators"));
        var missing = Assert.Single(Codes(form, "missing-dimension"));
        // 可持续影响指标 is one of 效益's 二级 (rules.md §4), so only 满意度 is missing.
        Assert.Contains("满意度指标", missing.Message);
        Assert.DoesNotContain("效益指标", missing.Message.Split('。')[0]);
    }

    [Fact]
    public void Opening_days_and_facility_usage_under_social_benefit_are_in_the_wrong_level2()
    {
        var findings = Codes(SeedForms.S003LifeStation(), "indicator-wrong-level2");
        Assert.Equal(["生活驿站全年开放天数", "设施正常使用率"], findings.Select(f => f.IndicatorName));
    }

    [Fact]
    public void Attendance_rate_as_satisfaction_is_in_the_wrong_level2()
    {
        var f = Assert.Single(Codes(SeedForms.S001CultureAndSports(), "indicator-wrong-level2"));
        Assert.Equal("活动上座率", f.IndicatorName);
        Assert.DoesNotContain(Codes(SeedForms.S001CultureAndSports(), "satisfaction-not-surveyed"), x => x.IndicatorName == "活动上座率");
    }

    [Fact]
    public void Completion_rates_with_equals_100_percent_are_not_reversed_or_underscored()
    {
        var findings = Review(SeedForms.S004ItOperations());
        Assert.DoesNotContain(findings, f => f.Severity != Severity.Info);
    }

    [Fact]
    public void Zero_failure_targets_met_are_not_flagged()
    {
        var form = SeedForms.S004PartyServiceFunds();
        Assert.DoesNotContain(Review(form), f => f.IndicatorName == "平台故障发生数");
    }

    [Fact]
    public void Partial_achievement_scored_inside_its_band_is_not_flagged()
    {
        var findings = Review(SeedForms.S001CommunitySelfGovernance());
        Assert.DoesNotContain(findings, f => f.Code is "qualitative-score-outside-band" or "missing-deviation-reason");
    }

    [Fact]
    public void Full_scores_need_no_deviation_reason()
    {
        Assert.All(SeedForms.All(), form => Assert.Empty(Codes(form, "missing-deviation-reason")));
    }

    [Fact]
    public void Departure_from_50_30_10_is_only_information()
    {
        var f = Assert.Single(Codes(SeedForms.S004PartyServiceFunds(), "weight-split-departs"));
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Contains("产出 30、效益 30、满意度 30", f.Message);
        Assert.Empty(Codes(SeedForms.S000DeviceMaintenance(), "weight-split-departs")); // 50/30/10 exactly
    }

    [Fact]
    public void Budget_cut_mid_year_is_noted()
    {
        var f = Assert.Single(Codes(SeedForms.S001PartyServices(), "budget-adjusted-sharply"));
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Contains("减少 27.66%", f.Message);
        Assert.Empty(Codes(SeedForms.S001CommunitySelfGovernance(), "budget-adjusted-sharply")); // −5.84%
    }
}
