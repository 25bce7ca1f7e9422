using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Tests.Support;
using Xunit;

namespace Jixiao.Tests.Review;

public class RobustnessTests
{
    [Fact]
    public void Empty_forms_of_both_kinds_are_reviewed_without_exception()
    {
        foreach (var form in new PerformanceForm[] { new SelfEvaluation(), new TargetDeclaration() })
        {
            var findings = Reviewer.Review(form, TestProfiles.Shanghai);
            Assert.DoesNotContain(findings, f => f.Code == Checks.CheckFailed.Code);
        }
    }

    [Fact]
    public void Rows_full_of_nulls_are_reviewed_without_exception()
    {
        var form = new SelfEvaluation { ProjectName = null };
        form.Funds.Rows.Add(new FundRow { Label = "年度资金总额" });
        form.Funds.Rows.Add(new FundRow { Label = "其中：当年财政拨款", AdjustedBudget = 1m });
        form.Indicators.Add(new Indicator());
        form.Indicators.Add(new Indicator { Name = "x", Target = new TargetValue("", null, null, null), Actual = new ActualValue("", null, null, null) });
        form.Indicators.Add(new Indicator { Name = "y", Target = new TargetValue("≥0", Comparator.GreaterOrEqual, 0m, null), Actual = new ActualValue("5", 5m, null, null), Weight = 0m, Score = 0m });
        form.Indicators.Add(new Indicator { Name = "z", Target = new TargetValue("≤0(次)", Comparator.LessOrEqual, 0m, "次"), Actual = new ActualValue("1", 1m, "次", null), Weight = 5m, Score = -1m });
        form.Indicators.Add(new Indicator { Name = "w", Target = new TargetValue("良好", null, null, null), Actual = new ActualValue("部分达成指标并具有一定效果", null, null, Achievement.PartiallyAchieved), Weight = 0m, Score = 0m });
        var findings = Reviewer.Review(form, TestProfiles.National);
        Assert.DoesNotContain(findings, f => f.Code == Checks.CheckFailed.Code);
        Assert.DoesNotContain(findings, f => f.Code == "qualitative-score-outside-band");
        Assert.All(findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
        var sheet = Jixiao.Core.Scoring.Scorer.Score(form, TestProfiles.National);
        Assert.All(sheet.Indicators, r => Assert.True(r.ComputedScore is null || r.ComputedScore >= 0));
    }

    [Fact]
    public void Cut_off_form_gets_no_missing_findings_for_what_was_cut()
    {
        var form = SeedForms.S004ItConstruction();
        form.Complete = false;
        form.TotalScore = null;
        form.Grade = null;
        var last = form.Indicators[^1];
        last.Actual = null;
        last.Weight = null;
        last.Score = null;
        var findings = Reviewer.Review(form, TestProfiles.Shanghai);
        Assert.DoesNotContain(findings, f => f.Code.StartsWith("missing-") || f.Code is "weights-sum" or "score-sum" or "too-few-indicators");
    }

    [Fact]
    public void Complete_form_with_an_empty_cell_says_which()
    {
        var form = SeedForms.S004ItConstruction();
        form.Indicators[2].Score = null;
        var f = Assert.Single(Reviewer.Review(form, TestProfiles.Shanghai), x => x.Code == "missing-row-figures");
        Assert.Contains("得分", f.Message);
        Assert.Equal(131, f.Line);
    }

    [Fact]
    public void Every_finding_carries_a_known_code_a_rule_and_a_Chinese_message()
    {
        var known = Checks.All.Select(c => c.Code).ToHashSet();
        foreach (var form in SeedForms.All())
        foreach (var f in Reviewer.Review(form, TestProfiles.Shanghai))
        {
            Assert.Contains(f.Code, known);
            Assert.False(string.IsNullOrWhiteSpace(f.Rule));
            Assert.Matches(new Regex(@"\p{IsCJKUnifiedIdeographs}"), f.Message);
            Assert.Equal(form.ProjectName, f.ProjectName);
            if (f.IndicatorName is not null) Assert.NotNull(f.Line);
        }
    }

    [Fact]
    public void Check_codes_are_unique_and_kebab_case()
    {
        var codes = Checks.All.Select(c => c.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", c));
        Assert.True(codes.Count >= 30);
    }

    [Fact]
    public void Every_check_the_engine_can_emit_is_in_the_catalogue()
    {
        var doc = File.ReadAllText(Path.Combine(TestProfiles.RepoRoot, "docs", "checks.md"));
        var missing = Checks.All.Where(c => !doc.Contains($"`{c.Code}`")).Select(c => c.Code).ToList();
        Assert.Empty(missing);
    }
}
