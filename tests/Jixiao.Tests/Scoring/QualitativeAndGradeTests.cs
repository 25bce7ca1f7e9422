using Jixiao.Core.Model;
using Jixiao.Core.Scoring;
using Jixiao.Tests.Support;
using Xunit;
using static Jixiao.Tests.Support.Parse;

namespace Jixiao.Tests.Scoring;

public class QualitativeAndGradeTests
{
    static IndicatorScore Score(string profile, string label, decimal w, decimal? printed) =>
        Scorer.ScoreIndicator(FormBuilder.Row("服务群众工作有实效", "有效", label, w, printed), TestProfiles.ByName(profile));

    [Theory]
    // 达成 80%–100% of 3 = 2.40–3.00
    [InlineData("shanghai", "达成指标", "3", "3.00", true, "3.00")]
    [InlineData("shanghai", "达成指标", "3", "2.40", true, "2.40")]
    [InlineData("shanghai", "达成指标", "3", "2.30", false, "2.40")]
    // 部分达成 60%–<80% of 3 = 1.80–<2.40 (seeds print 2.00 of 3 and 1.50 of 2)
    [InlineData("shanghai", "部分达成指标并具有一定效果", "3", "2.00", true, "2.00")]
    [InlineData("shanghai", "部分达成指标并具有一定效果", "3", "1.80", true, "1.80")]
    [InlineData("shanghai", "部分达成指标并具有一定效果", "3", "2.39", true, "2.39")]
    [InlineData("shanghai", "部分达成指标并具有一定效果", "3", "2.40", false, "2.39")]
    [InlineData("shanghai", "部分达成指标并具有一定效果", "3", "3.00", false, "2.39")]
    [InlineData("shanghai", "部分达成指标并具有一定效果", "3", "1.70", false, "1.80")]
    [InlineData("shanghai", "部分达成指标并具有一定效果", "2", "1.50", true, "1.50")]
    // 未达成 0–<60% of 3 = 0–<1.80
    [InlineData("national", "未达成指标且效果较差", "3", "0.00", true, "0.00")]
    [InlineData("national", "未达成指标且效果较差", "3", "1.79", true, "1.79")]
    [InlineData("national", "未达成指标且效果较差", "3", "1.80", false, "1.79")]
    // 80/50 profile: 部分达成 50%–<80% = 1.50–<2.40
    [InlineData("bands-80-50", "部分达成指标并具有一定效果", "3", "1.50", true, "1.50")]
    [InlineData("bands-80-50", "部分达成指标并具有一定效果", "3", "1.40", false, "1.50")]
    [InlineData("bands-80-50", "未达成指标且效果较差", "3", "1.49", true, "1.49")]
    [InlineData("bands-80-50", "未达成指标且效果较差", "3", "1.50", false, "1.49")]
    public void Qualitative_score_is_checked_against_the_band_of_its_label(string profile, string label, string w,
        string printed, bool inside, string computed)
    {
        var s = Score(profile, label, D(w), D(printed));
        Assert.Equal(RowKind.Qualitative, s.Kind);
        Assert.Equal(inside, s.PrintedInsideBand);
        Assert.Equal(D(computed), s.ComputedScore);
        Assert.Equal(D(printed), s.PrintedScore);
        Assert.Contains(inside ? "在区间内" : "取最近的界值", s.Explanation);
    }

    [Fact]
    public void Partial_achievement_explanation_states_the_band_in_points()
    {
        var s = Score("shanghai", "部分达成指标并具有一定效果", 3m, 2.00m);
        Assert.Equal("部分达成 → 区间 60%–<80% × 3 = 1.80–<2.40；所填 2.00 在区间内 → 2.00/3.00", s.Explanation);
        Assert.Equal(1.80m, s.BandLow);
        Assert.Equal(2.40m, s.BandHigh);
        Assert.False(s.BandHighIncluded);
    }

    [Fact]
    public void Unscored_achieved_row_takes_full_marks_and_other_labels_their_lower_bound()
    {
        Assert.Equal(3.00m, Score("shanghai", "达成指标", 3m, null).ComputedScore);
        Assert.Equal(1.80m, Score("shanghai", "部分达成指标并具有一定效果", 3m, null).ComputedScore);
        Assert.Equal(0.00m, Score("shanghai", "未达成指标且效果较差", 3m, null).ComputedScore);
    }

    [Fact]
    public void The_80_50_profile_really_moves_the_band()
    {
        Assert.Equal(50m, TestProfiles.National8050.QualitativeBands[Achievement.PartiallyAchieved].Min);
        Assert.Equal(60m, TestProfiles.National.QualitativeBands[Achievement.PartiallyAchieved].Min);
    }

    [Theory]
    [InlineData("100", "优")]
    [InlineData("90", "优")]
    [InlineData("90.00", "优")]
    [InlineData("89.99", "良")]
    [InlineData("80", "良")]
    [InlineData("79.99", "中")]
    [InlineData("60", "中")]
    [InlineData("59.99", "差")]
    [InlineData("0", "差")]
    public void Grade_bands_break_at_90_80_60(string total, string grade)
    {
        Assert.Equal(grade, TestProfiles.Shanghai.GradeOf(D(total)));
        Assert.Equal(grade, TestProfiles.National.GradeOf(D(total)));
    }
}
