using Jixiao.Core.Model;
using Jixiao.Formats.Import;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.DepartmentWhole;

/// <summary>
/// The 部门整体 reader (docs/department-whole.md §3–4): titles, the national declaration's and a provincial
/// self-evaluation's layouts as web `|` rows. The real corpus forms 104 and 117 are case folders
/// (tests/data/cases/corpus-104, corpus-117); the official layout's round trips are in <see cref="DepartmentWholeLayoutTests"/>.
/// </summary>
public class DepartmentWholeReaderTests
{
    [Theory]
    [InlineData("部门整体支出绩效目标表", FormKind.DepartmentDeclaration)]
    [InlineData("部门（单位）整体支出绩效目标申报表", FormKind.DepartmentDeclaration)]
    [InlineData("浮梁县林业局2026年部门整体支出绩效目标表", FormKind.DepartmentDeclaration)]
    [InlineData("整体支出绩效目标申报表", FormKind.DepartmentDeclaration)]
    [InlineData("部门整体绩效目标", FormKind.DepartmentDeclaration)]
    [InlineData("部门整体支出绩效自评表", FormKind.DepartmentSelfEvaluation)]
    [InlineData("部门(单位)整体支出绩效自评表", FormKind.DepartmentSelfEvaluation)]
    [InlineData("部门 整体支出 绩效自评表（2021年度）", FormKind.DepartmentSelfEvaluation)]
    [InlineData("部门整体支出绩效目标完成情况表", FormKind.DepartmentSelfEvaluation)]
    [InlineData("1、部门整体绩效自评表主管部门财政处室自评总分(分)97.6部门联系人曾雪莲联系电话部门预算执行情况年初预算数全年预算数全年执行数执行率(%)执行率权重执行率得分(分)", FormKind.DepartmentSelfEvaluation)]
    public void A_department_whole_title_names_its_kind(string title, FormKind kind) =>
        Assert.Equal(kind, DepartmentWholeReader.TitleKind(title));

    [Theory]
    [InlineData("财政项目支出绩效自评表")]
    [InlineData("部门整体支出绩效自评报告")]
    [InlineData("部门整体绩效目标管理办法")]
    [InlineData("《部门整体绩效自评表.docx》由会员分享,可在线阅读,更多相关《部门整体绩效自评表.docx(4页珍藏版)》请在优知文库上搜索。")]
    [InlineData("关于报送部门整体支出绩效目标表的通知")]
    [InlineData("按要求填报了部门整体支出绩效目标表，并于年初公开，全年执行情况良好，各项任务均已完成，现将有关情况说明如下。")]
    public void Other_lines_that_mention_the_form_are_not_its_title(string text) =>
        Assert.Null(DepartmentWholeReader.TitleKind(text));

    /// <summary>A header label's key is the project forms' key after full-width marks are made half-width: the
    /// required-field star, full-width brackets and colon, spaces between the characters.</summary>
    [Theory]
    [InlineData("部门（单位）名称", true)]
    [InlineData("＊联系人：", true)]
    [InlineData("*联系人:", true)]
    [InlineData("自评总分（分）", true)]
    [InlineData("部 门 编 码", true)]
    [InlineData("联系人员", false)]
    [InlineData("部门整体支出绩效目标表", false)]
    public void A_header_label_is_known_however_its_marks_are_printed(string label, bool known) =>
        Assert.Equal(known, DepartmentWholeReader.IsHeaderLabel(label));

    static PerformanceForm Read(string file, out ImportResult result)
    {
        result = FormImporter.ImportFile(Path.Combine(DepartmentWholeSupport.Dir, file), file);
        Assert.DoesNotContain(result.Problems, p => p.IsError);
        return Assert.Single(result.Forms);
    }

    [Fact]
    public void The_national_declaration_reads_its_tasks_total_goal_and_indicators()
    {
        var d = Assert.IsType<DepartmentDeclaration>(Read("national-declaration.md", out _));

        Assert.Equal((2025, "示例县文化馆"), (d.Year, d.ImplementingUnit));
        Assert.Equal(MoneyUnit.WanYuan, d.Tasks.Unit);
        Assert.Equal(2, d.Tasks.Rows.Count);
        var first = d.Tasks.Rows[0];
        Assert.Equal(("免费开放", "展厅开放300天", 60.00m, 60.00m, 0.00m, 6), (first.Name, first.Content, first.Total, first.Fiscal, first.Other, first.Line));
        Assert.Equal(("群众文化活动", 25.50m, 20.50m, 5.00m), (d.Tasks.Rows[1].Name, d.Tasks.Rows[1].Total, d.Tasks.Rows[1].Fiscal, d.Tasks.Rows[1].Other));
        Assert.Equal((85.50m, 80.50m, 5.00m, 8), (d.Tasks.Total, d.Tasks.Fiscal, d.Tasks.Other, d.Tasks.TotalLine));
        Assert.Equal("保障场馆免费开放，举办群众文化活动不少于40场。", d.AnnualGoal);
        Assert.Equal(3, d.Indicators.Count);
        // The second row leaves out the merged 一级/二级 cells: it is read from the right and keeps its group.
        var days = d.Indicators[1];
        Assert.Equal(("产出指标", "数量指标", "免费开放天数", "≥300天", 300m, 12), (days.Level1, days.Level2, days.Name, days.Target!.Text, days.Target.Value, days.Line));
        Assert.Equal(("满意度指标", "服务对象满意度指标"), (d.Indicators[2].Level1, d.Indicators[2].Level2));
        // Its last row is a satisfaction row: the form is there to its end.
        Assert.True(d.Complete);
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void A_self_evaluation_split_into_basic_and_project_spending_reads_every_figure()
    {
        var s = Assert.IsType<DepartmentSelfEvaluation>(Read("self-evaluation-by-nature.md", out _));

        Assert.Equal((2024, "示例县文化馆"), (s.Year, s.ImplementingUnit));
        Assert.Equal(["年度资金总额", "基本支出", "项目支出"], s.Funds.Rows.Select(r => r.Label));
        var t = s.Funds.Rows[0];
        Assert.Equal((80.00m, 85.50m, 81.00m, 10m, 94.74m, 9.47m), (t.InitialBudget, t.AdjustedBudget, t.Executed, t.Weight, t.ExecutionRate, t.Score));
        var basic = s.Funds.Rows[1];
        Assert.Equal((60.00m, 59.50m, (decimal?)null, 99.17m, (decimal?)null), (basic.AdjustedBudget, basic.Executed, basic.Weight, basic.ExecutionRate, basic.Score));
        Assert.Equal(("保障场馆免费开放，举办群众文化活动不少于40场。", "全年开放305天，举办活动42场。"), (s.ExpectedGoal, s.ActualOutcome));
        Assert.Equal(4, s.Indicators.Count);
        var coverage = s.Indicators[2];
        Assert.Equal(("效益指标", "公共文化服务覆盖率", "≥80%", "78%", 20m, 19.5m, "偏远乡镇流动服务不足，下年增加。"),
            (coverage.Level1, coverage.Name, coverage.Target!.Text, coverage.Actual!.Text, coverage.Weight, coverage.Score, coverage.DeviationReason));
        Assert.Equal((100m, 98.97m, "优"), (s.TotalWeight, s.TotalScore, s.Grade));
        Assert.True(s.Complete);
    }

    [Fact]
    public void The_self_evaluation_read_from_text_is_consistent_and_scored_as_printed()
    {
        var s = (DepartmentSelfEvaluation)Read("self-evaluation-by-nature.md", out _);

        var findings = Jixiao.Core.Review.Reviewer.Review(s, TestProfiles.National);
        Assert.DoesNotContain(findings, f => f.Severity == Jixiao.Core.Review.Severity.Error);
        var sheet = Jixiao.Core.Scoring.Scorer.Score(s, TestProfiles.National);
        // 81.00 ÷ 85.50 = 94.74% → 9.47; 公共文化服务覆盖率 78% of ≥80%: 20 × 78/80 = 19.50; 9.47 + 30 + 30 + 19.50 + 10 = 98.97.
        Assert.Equal((94.74m, 9.47m, 19.50m, 98.97m), (sheet.ExecutionRate, sheet.ExecutionScore, sheet.Indicators[2].ComputedScore, sheet.RuleBasedTotalScore));
    }

    [Fact]
    public void A_project_self_evaluation_is_still_read_as_one()
    {
        var result = FormImporter.ImportFile(TestData.CaseInput("seed-004"));

        Assert.All(result.Forms, f => Assert.Equal(FormKind.SelfEvaluation, f.Kind));
    }
}
