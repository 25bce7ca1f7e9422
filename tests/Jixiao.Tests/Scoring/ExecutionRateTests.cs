using Jixiao.Core.Scoring;
using Jixiao.Tests.Support;
using Xunit;
using static Jixiao.Tests.Support.Parse;

namespace Jixiao.Tests.Scoring;

public class ExecutionRateTests
{
    [Theory]
    // Seed 004 prints 97.44 and 99.22: Shanghai truncates, the national profile rounds half-up.
    [InlineData("shanghai", "275.42", "282.64", "97.44", "9.74")]
    [InlineData("national", "275.42", "282.64", "97.45", "9.75")]
    [InlineData("shanghai", "60.51", "60.98", "99.22", "9.92")]
    [InlineData("national", "60.51", "60.98", "99.23", "9.92")]
    [InlineData("shanghai", "184.65", "234.00", "78.91", "7.89")]
    [InlineData("shanghai", "319.26", "334.50", "95.44", "9.54")]
    // Putuo 2022: 45.17% → 4.52 (half-up on the score).
    [InlineData("national", "45.17", "100", "45.17", "4.52")]
    [InlineData("shanghai", "56.44", "56.44", "100.00", "10.00")]
    public void Rate_is_rounded_as_the_profile_says(string profile, string executed, string budget, string rate, string score)
    {
        var (r, s, _) = Scorer.ScoreExecution(D(executed), D(budget), 10m, TestProfiles.ByName(profile));
        Assert.Equal(D(rate), r);
        Assert.Equal(D(score), s);
    }

    [Theory]
    [InlineData("97.4455", "truncate", "97.44")]
    [InlineData("97.4455", "half-up", "97.45")]
    [InlineData("99.229", "truncate", "99.22")]
    [InlineData("99.225", "half-up", "99.23")]
    [InlineData("99.2249", "half-up", "99.22")]
    public void Rounding_modes_cut_as_named(string value, string mode, string expected)
    {
        var m = mode == "truncate" ? RoundingMode.Truncate : RoundingMode.HalfUp;
        Assert.Equal(D(expected), Num.Round(D(value), 2, m));
    }

    [Theory]
    [InlineData("120", "100", "10", "10.00")]
    [InlineData("100.01", "100", "10", "10.00")]
    [InlineData("300", "100", "20", "20.00")]
    public void Score_is_capped_at_the_weight_when_more_than_the_budget_is_spent(string executed, string budget, string weight, string score)
    {
        var (rate, s, explanation) = Scorer.ScoreExecution(D(executed), D(budget), D(weight), TestProfiles.National);
        Assert.True(rate > 100m);
        Assert.Equal(D(score), s);
        Assert.Contains("超过 100% 按 100% 计", explanation);
    }

    [Fact]
    public void Zero_or_missing_budget_gives_no_rate_and_no_exception()
    {
        Assert.Null(Scorer.ScoreExecution(0m, 0m, 10m, TestProfiles.Shanghai).Rate);
        Assert.Null(Scorer.ScoreExecution(null, 10m, 10m, TestProfiles.Shanghai).Score);
        Assert.Null(Scorer.ScoreExecution(5m, null, 10m, TestProfiles.Shanghai).Score);
    }
}
