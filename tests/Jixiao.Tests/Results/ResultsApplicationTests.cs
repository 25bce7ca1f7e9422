using System.Text.Json.Nodes;
using Jixiao.Core.Model;
using Jixiao.Core.Results;
using Jixiao.Core.Scoring;
using Jixiao.Tests.Support;
using Xunit;

namespace Jixiao.Tests.Results;

/// <summary>
/// 结果应用 from profile data: the national mapping (rules.md §8, 达州), a region that maps differently, a profile
/// without the section, and sections that are refused naming the field. Expected actions are written out by hand.
/// </summary>
public class ResultsApplicationTests
{
    static JsonObject National() => JsonNode.Parse(TestProfiles.NationalJson)!.AsObject();

    static ScoringProfile With(Action<JsonObject> change)
    {
        var json = National();
        change(json);
        return ScoringProfile.Parse(json.ToJsonString());
    }

    static SelfEvaluation Evaluation(decimal? total, decimal? review = null, string? grade = null) =>
        new() { TotalScore = total, ReviewScore = review, Grade = grade };

    [Theory]
    [InlineData("95.00", "优", "适当优先保障")]
    [InlineData("90.00", "优", "适当优先保障")]
    [InlineData("89.99", "良", "据实合理保障")]
    [InlineData("80.00", "良", "据实合理保障")]
    [InlineData("79.99", "中", "一定比例核减")]
    [InlineData("60.00", "中", "一定比例核减")]
    [InlineData("59.99", "差", "取消或暂停")]
    [InlineData("0", "差", "取消或暂停")]
    public void The_national_profile_maps_each_grade_to_the_dazhou_action(string total, string grade, string action)
    {
        var s = NextYearBudget.Suggest(Evaluation(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture)), TestProfiles.National)!;
        Assert.Equal(grade, s.Grade);
        Assert.Equal(action, s.Action);
        Assert.Equal(GradeBasis.UnitScore, s.GradeBasis);
        Assert.Equal("S", s.Basis!.Firmness);
        Assert.Contains("swj.dazhou.gov.cn/news-show-6995.html", s.Basis.Source);
    }

    [Fact]
    public void A_review_score_decides_the_grade_over_the_units_own_score()
    {
        // The unit scored itself 98.12 (优); the 主管部门's 复核分 is 78.50 (中).
        var s = NextYearBudget.Suggest(Evaluation(98.12m, review: 78.50m), TestProfiles.National)!;
        Assert.Equal("中", s.Grade);
        Assert.Equal(78.50m, s.Score);
        Assert.Equal(GradeBasis.ReviewScore, s.GradeBasis);
        Assert.Equal("复核分", s.GradeBasisChinese);
        Assert.Equal("一定比例核减", s.Action);
    }

    [Fact]
    public void Without_a_total_the_units_written_grade_is_used_and_without_either_there_is_no_suggestion()
    {
        Assert.Equal("良", NextYearBudget.Suggest(Evaluation(null, grade: "良"), TestProfiles.National)!.Grade);
        Assert.Equal("据实合理保障", NextYearBudget.Suggest(Evaluation(null, grade: " 良 "), TestProfiles.National)!.Action);
        Assert.Null(NextYearBudget.Suggest(Evaluation(null), TestProfiles.National));
    }

    [Fact]
    public void A_profile_without_the_section_gets_the_default_and_the_choices_end_with_other()
    {
        var p = With(j => j.Remove("resultsApplication"));
        Assert.Same(ResultsApplicationRules.Default, p.ResultsApplication);
        Assert.Equal("取消或暂停", NextYearBudget.Suggest(Evaluation(50m), p)!.Action);
        Assert.Equal(["适当优先保障", "据实合理保障", "一定比例核减", "取消或暂停", "其他"], p.ResultsApplication.Choices);
    }

    [Fact]
    public void A_region_that_maps_differently_is_a_profile_not_code()
    {
        // A region with three grades (优 ≥ 85, 合格 ≥ 60, 不合格) and its own actions, 合格 and 优 both kept whole.
        var p = With(j =>
        {
            j["gradeBands"] = JsonNode.Parse("""[ { "grade": "优", "min": 85 }, { "grade": "合格", "min": 60 }, { "grade": "不合格", "min": 0 } ]""");
            j["resultsApplication"] = JsonNode.Parse("""
                {
                  "优": { "action": "足额保障", "source": "某市绩效结果应用办法", "firmness": "P" },
                  "合格": { "action": "足额保障", "source": "某市绩效结果应用办法", "firmness": "P" },
                  "不合格": { "action": "压减 30%", "source": "某市绩效结果应用办法第 5 条", "firmness": "U" }
                }
                """);
        });
        Assert.Equal("足额保障", NextYearBudget.Suggest(Evaluation(86m), p)!.Action);
        Assert.Equal("合格", NextYearBudget.Suggest(Evaluation(84.99m), p)!.Grade);
        Assert.Equal("足额保障", NextYearBudget.Suggest(Evaluation(84.99m), p)!.Action);
        var poor = NextYearBudget.Suggest(Evaluation(95m, review: 59m), p)!;
        Assert.Equal(("不合格", "压减 30%", "U"), (poor.Grade, poor.Action, poor.Basis!.Firmness));
        Assert.Equal("某市绩效结果应用办法第 5 条", poor.Basis.Source);
        Assert.Equal(["足额保障", "压减 30%", "其他"], p.ResultsApplication.Choices);
    }

    [Fact]
    public void A_decision_departs_when_it_is_not_the_suggested_action()
    {
        Assert.False(NextYearBudget.Departs("一定比例核减", "一定比例核减"));
        Assert.True(NextYearBudget.Departs("据实合理保障", "一定比例核减"));
        Assert.True(NextYearBudget.Departs("其他", "一定比例核减"));
        Assert.True(NextYearBudget.Departs("一定比例核减", null));
    }

    [Theory]
    [InlineData("""[]""", "resultsApplication")]
    [InlineData("""{ "优": { "action": "a", "source": "s", "firmness": "S" }, "良": { "action": "a", "source": "s", "firmness": "S" }, "中": { "action": "a", "source": "s", "firmness": "S" } }""", "resultsApplication.差")]
    [InlineData("""{ "甲": { "action": "a", "source": "s", "firmness": "S" } }""", "resultsApplication.甲")]
    [InlineData("""{ "优": "优先", "良": {}, "中": {}, "差": {} }""", "resultsApplication.优")]
    [InlineData("""{ "优": { "source": "s", "firmness": "S" }, "良": {}, "中": {}, "差": {} }""", "resultsApplication.优.action")]
    [InlineData("""{ "优": { "action": "其他", "source": "s", "firmness": "S" }, "良": {}, "中": {}, "差": {} }""", "resultsApplication.优.action")]
    [InlineData("""{ "优": { "action": "a", "source": "s", "firmness": "X" }, "良": {}, "中": {}, "差": {} }""", "resultsApplication.优.firmness")]
    [InlineData("""{ "优": { "action": "a", "source": "", "firmness": "S" }, "良": {}, "中": {}, "差": {} }""", "resultsApplication.优.source")]
    public void A_bad_section_is_refused_naming_the_field(string section, string field)
    {
        var e = Assert.Throws<ProfileException>(() => With(j => j["resultsApplication"] = JsonNode.Parse(section)));
        Assert.Equal(field, e.Field);
        Assert.Contains(field, e.Message);
    }
}
