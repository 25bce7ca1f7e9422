using Jixiao.Core.Model;
using Jixiao.Core.Scoring;
using Jixiao.Tests.Support;
using Xunit;
using static Jixiao.Tests.Support.Parse;

namespace Jixiao.Tests.Scoring;

public class ComparatorScoringTests
{
    static Comparator C(string symbol) => Comparators.FromSymbol(symbol)!.Value;

    [Theory]
    // ≥: met at and above A, w × B/A below it.
    [InlineData("shanghai", "≥", "50", "49", "10", "9.80", false)]
    [InlineData("shanghai", "≥", "50", "50", "10", "10.00", true)]
    [InlineData("shanghai", "≥", "50", "51", "10", "10.00", true)]
    [InlineData("shanghai", "≥", "50", "40", "10", "8.00", false)]
    [InlineData("shanghai", "≥", "90", "0", "10", "0.00", false)]
    [InlineData("shanghai", "≥", "0", "0", "10", "10.00", true)]
    [InlineData("national", "≥", "3", "2", "10", "6.67", false)]   // 6.666… half-up
    [InlineData("national", "≥", "3", "1", "10", "3.33", false)]   // 3.333…
    // >: B = A is not met; the proportional formula still gives w at the boundary.
    [InlineData("shanghai", ">", "50", "49", "10", "9.80", false)]
    [InlineData("shanghai", ">", "50", "50", "10", "10.00", false)]
    [InlineData("shanghai", ">", "50", "51", "10", "10.00", true)]
    // = with A = 0: only B = 0 scores.
    [InlineData("shanghai", "=", "0", "0", "10", "10.00", true)]
    [InlineData("shanghai", "=", "0", "1", "10", "0.00", false)]
    [InlineData("national", "=", "0", "0.5", "5", "0.00", false)]
    // = with A > 0 reads like ≥ (completion targets).
    [InlineData("shanghai", "=", "100", "99", "10", "9.90", false)]
    [InlineData("shanghai", "=", "100", "100", "10", "10.00", true)]
    [InlineData("shanghai", "=", "100", "101", "10", "10.00", true)]
    [InlineData("shanghai", "=", "12", "11", "3", "2.75", false)]
    // ≤ ratio (default): w × A/B when missed.
    [InlineData("shanghai", "≤", "10", "9", "6", "6.00", true)]
    [InlineData("shanghai", "≤", "10", "10", "6", "6.00", true)]
    [InlineData("shanghai", "≤", "10", "12", "6", "5.00", false)]
    [InlineData("shanghai", "≤", "10", "20", "6", "3.00", false)]
    [InlineData("national", "≤", "10", "11", "10", "9.09", false)]
    [InlineData("national", "≤", "0", "1", "10", "0.00", false)]
    // ≤ linear: w × (1 − (B − A)/A), 0 at B ≥ 2A.
    [InlineData("linear", "≤", "10", "10", "6", "6.00", true)]
    [InlineData("linear", "≤", "10", "12", "6", "4.80", false)]
    [InlineData("linear", "≤", "10", "15", "6", "3.00", false)]
    [InlineData("linear", "≤", "10", "20", "6", "0.00", false)]
    [InlineData("linear", "≤", "10", "25", "6", "0.00", false)]
    [InlineData("linear", "≤", "0", "1", "6", "0.00", false)]
    // <: B = A is not met.
    [InlineData("shanghai", "<", "5", "4.99", "10", "10.00", true)]
    [InlineData("shanghai", "<", "5", "5", "10", "10.00", false)]
    [InlineData("shanghai", "<", "5", "10", "10", "5.00", false)]
    [InlineData("linear", "<", "5", "6", "10", "8.00", false)]
    [InlineData("linear", "<", "5", "5", "10", "10.00", false)]
    public void Quantitative_score_follows_the_profile_formula(string profile, string symbol, string a, string b,
        string w, string expected, bool met)
    {
        var p = TestProfiles.ByName(profile);
        var c = C(symbol);
        var (score, attainment, explanation) = Scorer.ScoreQuantitative(c, D(a), D(b), D(w), p);

        Assert.Equal(D(expected), score);
        Assert.Equal(met ? Attainment.Met : Attainment.Missed, attainment);
        Assert.Equal(met, Scorer.IsMet(c, D(a), D(b)));
        Assert.False(string.IsNullOrWhiteSpace(explanation));
    }

    [Theory]
    [InlineData("≥", "50", "40", "实际 40 < 指标 ≥50 → 10 × 40/50 = 8.00")]
    [InlineData("≥", "90", "93", "实际 93 ≥ 指标 ≥90，达成 → 10.00/10.00")]
    [InlineData("≤", "10", "12", "实际 12 > 指标 ≤10 → 10 × 10/12 = 8.33")]
    [InlineData("=", "0", "1", "实际 1 ≠ 指标 =0 → 0.00/10.00")]
    public void Explanation_shows_the_arithmetic(string symbol, string a, string b, string expectedStart)
    {
        var (_, _, explanation) = Scorer.ScoreQuantitative(C(symbol), D(a), D(b), 10m, TestProfiles.Shanghai);
        Assert.StartsWith(expectedStart, explanation);
    }

    [Fact]
    public void Explanation_carries_the_unit_of_the_row()
    {
        var row = FormBuilder.Row("基层党组织满意度", "≥90.00(%)", "93.00(%)", 10m, 9.32m);
        var s = Scorer.ScoreIndicator(row, TestProfiles.Shanghai);
        Assert.Equal("实际 93% ≥ 指标 ≥90%，达成 → 10.00/10.00", s.Explanation);
        Assert.Equal(10.00m, s.ComputedScore);
        Assert.Equal(9.32m, s.PrintedScore);
    }

    [Fact]
    public void Linear_variant_explanation_names_its_formula()
    {
        var (_, _, explanation) = Scorer.ScoreQuantitative(Comparator.LessOrEqual, 10m, 12m, 6m, TestProfiles.NationalLinear);
        Assert.Equal("实际 12 > 指标 ≤10 → 6 × (1 − (12 − 10)/10) = 4.80", explanation);
    }

    [Fact]
    public void Score_never_exceeds_the_weight_nor_falls_below_zero()
    {
        var p = TestProfiles.National;
        foreach (var c in Enum.GetValues<Comparator>())
        foreach (var b in new[] { 0m, 0.5m, 1m, 5m, 10m, 20m, 1000m })
        {
            var (score, _, _) = Scorer.ScoreQuantitative(c, 10m, b, 7m, p);
            Assert.InRange(score, 0m, 7m);
        }
    }
}
