using Jixiao.Core.Model;
using Jixiao.Generation;
using Jixiao.Formats.Reports;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Reports;

public class PortfolioReportTests
{
    static List<PortfolioEntry> Entries(int forms, int seed, double share = 0.3) =>
        new FormGenerator(TestProfiles.Shanghai).Generate(new GeneratorOptions(forms, seed, DefectShare: share))
            .SelectMany(f => f.Forms).Select(g => PortfolioEntry.Check(g.Form, TestProfiles.Shanghai)).ToList();

    [Fact]
    public void Counts_by_grade_unit_department_and_rate_bucket_add_up_to_the_forms_checked()
    {
        var entries = Entries(400, 21);

        var r = PortfolioReport.Build(entries);

        Assert.Equal(400, r.Forms);
        Assert.Equal(r.SelfEvaluations, r.Grades.Sum(g => g.Printed));
        Assert.Equal(r.SelfEvaluations, r.Grades.Sum(g => g.RuleBased));
        Assert.Equal(400, r.Departments.Sum(d => d.Forms));
        Assert.Equal(400, r.Units.Sum(u => u.Forms));
        Assert.Equal(r.SelfEvaluations, r.ExecutionRates.Sum(t => t.Count));
        Assert.Equal(entries.Sum(e => e.Errors), r.Departments.Sum(d => d.Errors));
        Assert.True(r.TopFindings.Zip(r.TopFindings.Skip(1)).All(p => p.First.Count >= p.Second.Count), "most frequent first");
    }

    [Fact]
    public void Spot_checks_put_first_the_self_evaluations_whose_printed_total_the_figures_support_least()
    {
        var r = PortfolioReport.Build(Entries(400, 22, share: 0.5));

        Assert.NotEmpty(r.SpotChecks);
        Assert.All(r.SpotChecks, e => Assert.IsType<SelfEvaluation>(e.Form));
        Assert.True(r.SpotChecks.Zip(r.SpotChecks.Skip(1)).All(p => p.First.SpotCheckPriority >= p.Second.SpotCheckPriority));
        // An underscored row raises the printed total nowhere; a full score on a missed target does.
        Assert.Contains(r.SpotChecks, e => e.UnsupportedPoints > 0 && e.Findings.Any(f => f.Code == "missed-target-full-score"));
    }

    [Fact]
    public void The_html_report_is_one_chinese_page_with_svg_charts_and_no_script()
    {
        var html = PortfolioHtml.Render(PortfolioReport.Build(Entries(150, 23)));

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("lang=\"zh-CN\"", html);
        foreach (var heading in new[] { "评分等级分布", "预算执行率分布", "最常见的审核发现", "按主管部门", "按实施单位", "建议优先抽查的自评表", "逐表审核意见" })
            Assert.Contains(heading, html);
        Assert.True(html.Split("<svg").Length - 1 >= 4, "charts are inline SVG");
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void An_empty_portfolio_still_renders()
    {
        var html = PortfolioHtml.Render(PortfolioReport.Build([]));

        Assert.Contains("0 张", html);
    }
}
