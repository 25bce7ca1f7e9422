using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Rules;

/// <summary>The review's thresholds are the profile's data: changing the file changes the finding.</summary>
public class ReviewThresholdTests
{
    [Fact]
    public void How_much_of_a_name_the_goal_must_share_is_the_profiles_goal_name_overlap()
    {
        // 社区宣传活动场次 has 7 Han bigrams; 宣传, 传活, 活动 are in the sentence: an overlap of 3/7 ≈ 0.43.
        var d = new TargetDeclaration { Year = 2024, ProjectName = "测试", AnnualGoal = "全年开展宣传活动不少于12次。" };
        d.Indicators.Add(new Indicator
        {
            Level1 = "产出指标", Level2 = "数量指标", Name = "社区宣传活动场次",
            Target = new TargetValue("≥10(次)", Comparator.GreaterOrEqual, 10, "次"),
        });
        var json = TestProfiles.NationalJson;
        Assert.Contains("\"goalNameOverlap\": 0.5", json);
        var loose = ScoringProfile.Parse(json.Replace("\"goalNameOverlap\": 0.5", "\"goalNameOverlap\": 0.4"));

        Assert.DoesNotContain(Reviewer.Review(d, TestProfiles.National), f => f.Code == "goal-number-contradicts-indicator");
        var finding = Assert.Single(Reviewer.Review(d, loose), f => f.Code == "goal-number-contradicts-indicator");
        Assert.Contains("不少于12次", finding.Message);
    }

    [Theory]
    [InlineData("产出指标", "数量指标", "产出指标")]
    [InlineData("产出", null, "产出指标")]                 // a partial label, as some provinces print it
    [InlineData(null, "可持 续影 响指 标", "效益指标")]      // a wrapped 二级 label, 一级 lost
    [InlineData("成本效益", null, "成本指标")]
    [InlineData(null, "成本指标", "成本指标")]              // 成本指标 printed as a 二级 (older forms)
    [InlineData("其他", "其他", null)]
    public void A_rows_dimension_is_the_frameworks_reading_of_its_labels(string? level1, string? level2, string? expected) =>
        Assert.Equal(expected, Framework.Level1Of(level1, level2));
}
