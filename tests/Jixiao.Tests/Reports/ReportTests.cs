using System.Text.Json;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;
using Jixiao.Formats.Reports;
using Jixiao.Tests.Support;
using Xunit;

namespace Jixiao.Tests.Reports;

public class ReportTests
{
    static ScoreSheet Sheet() => Scorer.Score(SeedForms.S004DistanceEducation(), TestProfiles.Shanghai);

    [Fact]
    public void Score_text_shows_rows_rate_totals_and_grades()
    {
        var text = ScoreReport.RenderText(Sheet());
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "jixiao-score-report.txt"), text);
        Assert.Contains("电教远教工作经费", text);
        Assert.Contains("95.44%", text);
        Assert.Contains("9.54/10.00", text);
        Assert.Contains("98.12", text);
        Assert.Contains("99.54", text);
        Assert.Contains("基层党组织满意度", text);
        Assert.Contains("≠ 实际 93% ≥ 指标 ≥90%", text);
    }

    [Fact]
    public void Score_text_columns_line_up_in_display_width()
    {
        var lines = ScoreReport.RenderText(Sheet()).Split('\n').Where(l => l.Contains("实际 ") || l.Contains("区间")).ToList();
        var explanationColumns = lines.Select(l =>
        {
            var cut = l.IndexOfAny(['实', '达', '部', '未']);
            return Width(l[..cut]);
        }).Distinct().ToList();
        Assert.Single(explanationColumns);
    }

    static int Width(string s) => s.Sum(ch => ch is >= '\u2E80' and <= '\uA4CF' or >= '\uFF00' and <= '\uFF60' ? 2 : 1);

    [Fact]
    public void Score_json_has_the_agreed_shape_with_numbers_and_unescaped_Chinese()
    {
        var json = ScoreReport.RenderJson([Sheet()]);
        Assert.Contains("电教远教工作经费", json);
        Assert.DoesNotContain("\\u", json);
        var root = JsonDocument.Parse(json).RootElement[0];
        foreach (var name in new[] { "projectName", "executionRate", "executionScore", "indicators", "totalScore", "printedTotalScore", "ruleBasedTotalScore", "grade", "printedGrade" })
            Assert.True(root.TryGetProperty(name, out _), name);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("totalScore").ValueKind);
        Assert.Equal(98.12m, root.GetProperty("totalScore").GetDecimal());
        Assert.Equal(99.54m, root.GetProperty("ruleBasedTotalScore").GetDecimal());
        var row = root.GetProperty("indicators").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "管理人员满意度");
        Assert.Equal(9.26m, row.GetProperty("printedScore").GetDecimal());
        Assert.Equal(10.00m, row.GetProperty("computedScore").GetDecimal());
        Assert.False(string.IsNullOrEmpty(row.GetProperty("explanation").GetString()));
    }

    [Fact]
    public void Findings_text_groups_by_form_and_names_row_line_and_rule()
    {
        var findings = SeedForms.All().SelectMany(f => Reviewer.Review(f, TestProfiles.Shanghai)).ToList();
        var text = FindingsReport.RenderText(findings);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "jixiao-findings-report.txt"), text);
        Assert.Contains("== 文体事务管理", text);
        Assert.Contains("comparator-reversed  第 74 行 “开展小型文化活动”", text);
        Assert.Contains("依据：", text);
        Assert.Equal("没有发现问题。\n", FindingsReport.RenderText([]));
    }

    [Fact]
    public void Findings_json_is_an_array_of_flat_camel_case_objects()
    {
        var findings = Reviewer.Review(SeedForms.S004DistanceEducation(), TestProfiles.Shanghai);
        var json = FindingsReport.RenderJson(findings);
        Assert.DoesNotContain("\\u", json);
        var items = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        Assert.Equal(findings.Count, items.Count);
        var f = items.First(i => i.GetProperty("code").GetString() == "met-target-underscored");
        Assert.Equal("电教远教工作经费", f.GetProperty("projectName").GetString());
        Assert.Equal("基层党组织满意度", f.GetProperty("name").GetString());
        Assert.Equal("warning", f.GetProperty("severity").GetString());
        Assert.Equal(53, f.GetProperty("line").GetInt32());
        Assert.False(string.IsNullOrEmpty(f.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(f.GetProperty("rule").GetString()));
    }

    [Fact]
    public void Finding_serialised_directly_writes_severity_as_a_word()
    {
        var finding = Checks.WeightsSum.At("分值合计不为 100。", "测试");
        var json = JsonSerializer.Serialize(finding);
        Assert.Contains("\"Severity\":\"error\"", json);
    }
}
