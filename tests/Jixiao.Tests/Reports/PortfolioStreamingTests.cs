using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Generation;
using Jixiao.Formats.Reports;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Reports;

/// <summary>
/// The portfolio report is built as checked forms stream past: the same figures as a computation over every form in
/// memory, while holding only the bounded lists it shows.
/// </summary>
public class PortfolioStreamingTests
{
    static List<PortfolioEntry> Entries(int forms, int seed, double share) =>
        new FormGenerator(TestProfiles.Shanghai).Generate(new GeneratorOptions(forms, seed, DefectShare: share))
            .SelectMany(f => f.Forms).Select(g => PortfolioEntry.Check(g.Form, TestProfiles.Shanghai)).ToList();

    [Theory]
    [InlineData(40)]    // fewer forms with findings than listed: all, in reading order
    [InlineData(2000)]  // more: the ones to check first
    public void The_streamed_report_equals_a_computation_over_every_form_in_memory(int formsListed)
    {
        var entries = Entries(600, 31, share: 0.6);
        var builder = new PortfolioReportBuilder(spotChecks: 25, topFindings: 8, formsListed: formsListed);
        foreach (var e in entries) builder.Add(e);

        var r = builder.Build();

        var evaluations = entries.Where(e => e.Form is SelfEvaluation).ToList();
        var rates = evaluations.Select(PortfolioReport.Rate).OfType<decimal>().Order().ToList();
        Assert.Equal(entries.Count, r.Forms);
        Assert.Equal(evaluations.Count, r.SelfEvaluations);
        Assert.Equal(entries.Sum(e => e.Findings.Count(f => f.Severity == Severity.Error)), r.Errors);
        Assert.Equal(entries.Sum(e => e.Findings.Count(f => f.Severity == Severity.Info)), r.Infos);
        Assert.Equal(entries.Count(e => e.Errors > 0), r.FormsWithErrors);
        Assert.Equal(rates[rates.Count / 2], r.MedianExecutionRate);
        Assert.Equal(rates.Count(x => x < 90m), r.LowExecutionForms);
        Assert.Equal(PortfolioReport.RateBuckets.Select(b => rates.Count(x => x >= b.Low && x < b.High)), r.ExecutionRates.Select(t => t.Count));
        foreach (var (grade, printed, rule) in r.Grades)
        {
            Assert.Equal(evaluations.Count(e => Grade((e.Form as SelfEvaluation)!.Grade) == grade), printed);
            Assert.Equal(evaluations.Count(e => Grade(e.Sheet?.RuleBasedGrade) == grade), rule);
        }

        var expectedUnits = entries.GroupBy(e => e.Form.ImplementingUnit ?? "（未填写）").Select(g =>
        {
            var totals = g.Select(e => (e.Form as SelfEvaluation)?.TotalScore).OfType<decimal>().ToList();
            var unitRates = g.Select(PortfolioReport.Rate).OfType<decimal>().ToList();
            return new GroupSummary(g.Key, g.Select(e => e.Form.Department).FirstOrDefault(d => d is not null), g.Count(),
                g.Count(e => e.Form is SelfEvaluation), g.Sum(e => e.Errors), g.Sum(e => e.Warnings), g.Count(e => e.Errors > 0),
                totals.Count == 0 ? null : Math.Round(totals.Average(), 2), unitRates.Count == 0 ? null : Math.Round(unitRates.Average(), 2));
        }).OrderByDescending(s => s.Errors + s.Warnings).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(expectedUnits, r.Units);
        Assert.Equal(entries.Sum(e => e.Warnings), r.Departments.Sum(d => d.Warnings));

        var expectedTop = entries.SelectMany(e => e.Findings).GroupBy(f => f.Code)
            .Select(g => (Code: g.Key, Count: g.Count(), Forms: entries.Count(e => e.Findings.Any(f => f.Code == g.Key))))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Code, StringComparer.Ordinal).Take(8).ToList();
        Assert.Equal(expectedTop, r.TopFindings.Select(f => (f.Code, f.Count, f.Forms)).ToList());

        // A stable sort of every form, as the report was computed before it streamed.
        var expectedSpot = evaluations.Where(e => e.SpotCheckPriority > 0)
            .OrderByDescending(e => e.SpotCheckPriority).ThenByDescending(e => e.UnsupportedPoints ?? 0m)
            .ThenBy(e => e.Form.ImplementingUnit, StringComparer.Ordinal).ThenBy(e => e.Form.ProjectName, StringComparer.Ordinal)
            .Take(25).ToList();
        Assert.Equal(expectedSpot, r.SpotChecks);

        var withFindings = entries.Where(e => e.Errors + e.Warnings > 0).ToList();
        Assert.Equal(withFindings.Count, r.FormsWithFindings);
        var expectedListed = withFindings.Count <= formsListed
            ? withFindings
            : withFindings.OrderByDescending(e => e.SpotCheckPriority).Take(formsListed).ToList();
        Assert.Equal(expectedListed, r.ListedForms);
    }

    [Fact]
    public void The_builder_holds_at_most_its_bounded_lists_however_many_forms_it_is_given()
    {
        var entries = Entries(300, 32, share: 0.8);
        var builder = new PortfolioReportBuilder(spotChecks: 10, topFindings: 15, formsListed: 20);
        Assert.Equal(30, builder.MaxHeldEntries);
        int peak = 0;

        // The same 300 forms ten times over: 3,000 forms, most with findings.
        for (int round = 0; round < 10; round++)
            foreach (var e in entries)
            {
                builder.Add(e);
                peak = Math.Max(peak, builder.HeldEntries);
            }

        Assert.Equal(3000, builder.Forms);
        Assert.InRange(peak, 1, builder.MaxHeldEntries);
        var r = builder.Build();
        Assert.True(r.FormsWithFindings > 20 * 10, "the input must be far larger than the bound");
        Assert.Equal(20, r.ListedForms.Count);
        Assert.Equal(10, r.SpotChecks.Count);
    }

    [Fact]
    public void The_html_report_lists_the_forms_to_check_first_when_there_are_too_many()
    {
        var entries = Entries(300, 33, share: 0.8);
        var builder = new PortfolioReportBuilder(formsListed: 15);
        foreach (var e in entries) builder.Add(e);

        var html = PortfolioHtml.Render(builder.Build());

        Assert.Contains("此处列出最需复核的 15 张", html);
        Assert.Equal(15, html.Split("<details>").Length - 1);
    }

    static string Grade(string? g) => g is "优" or "良" or "中" or "差" ? g : PortfolioReport.Ungraded;
}
