using Jixiao.Core.Model;
using Jixiao.Formats.Export;
using Jixiao.Formats.Html;
using Jixiao.Formats.Import;
using Jixiao.Formats.Xlsx;
using Jixiao.Tests.Export;

namespace Jixiao.Tests.DepartmentWhole;

/// <summary>The official layout of the 部门整体 kinds (docs/department-whole.md §2) and back through the xlsx and PDF readers.</summary>
[Collection(PrinterCollection.Name)]
public class DepartmentWholeLayoutTests(PrinterFixture fixture)
{
    static Dictionary<(int, int), string> Cells(List<GridCell> cells) => cells.ToDictionary(c => (c.Row, c.Column), c => c.Text);

    [Fact]
    public void The_declaration_prints_the_national_blocks_with_the_tasks_and_their_total()
    {
        var g = OfficialLayout.Build(DepartmentWholeSupport.Declaration());
        var h = Cells(g.Head);

        Assert.Equal(("部门整体支出绩效目标表", "（2025年度）", 6), (g.Title, g.Subtitle, g.Columns));
        Assert.Equal(("部门（单位）名称", "示例县农业技术推广中心"), (h[(0, 0)], h[(0, 1)]));
        Assert.Equal(("主管部门", "示例县农业农村局", "部门编码", "208003"), (h[(1, 0)], h[(1, 1)], h[(1, 3)], h[(1, 4)]));
        // 年度主要任务 spans its two head rows, the three tasks and 金额合计.
        var side = g.Head.Single(c => c.Text == "年度主要任务");
        Assert.Equal((4, 6), (side.Row, side.RowSpan));
        Assert.Equal(("任务名称", "主要内容", "预算金额（万元）"), (h[(4, 1)], h[(4, 2)], h[(4, 3)]));
        Assert.Equal(["总额", "财政拨款", "其他资金"], new[] { h[(5, 3)], h[(5, 4)], h[(5, 5)] });
        Assert.Equal(("农业技术推广", "86.00", "70.00", "16.00"), (h[(8, 1)], h[(8, 3)], h[(8, 4)], h[(8, 5)]));
        Assert.Equal(("金额合计", "444.00", "423.00", "21.00"), (h[(9, 1)], h[(9, 3)], h[(9, 4)], h[(9, 5)]));
        Assert.Equal("年度总体目标", h[(10, 0)]);
        Assert.Equal(["一级指标", "二级指标", "三级指标", "指标值", "备注"], g.TableHeader.OrderBy(c => c.Column).Select(c => c.Text));
        Assert.Equal(4, g.Body.Single(c => c.Column == 0 && c.Text == "产出指标").RowSpan);
        Assert.Equal("按抽样调查计", g.Body.Single(c => c.Row == 2 && c.Column == 5).Text);
    }

    [Fact]
    public void The_self_evaluation_prints_its_budget_goal_scores_total_and_grade()
    {
        var g = OfficialLayout.Build(DepartmentWholeSupport.SelfEvaluation());
        var h = Cells(g.Head);

        Assert.Equal(("部门整体支出绩效自评表", "（2024年度）", 8), (g.Title, g.Subtitle, g.Columns));
        Assert.Equal("预算执行情况（万元）", h[(3, 0)]);
        Assert.Equal(["年初预算数", "全年预算数", "全年执行数", "分值", "执行率(%)", "得分"], Enumerable.Range(2, 6).Select(c => h[(3, c)]));
        Assert.Equal(("年度资金总额", "440.00", "95.00", "9.50"), (h[(4, 1)], h[(4, 3)], h[(4, 6)], h[(4, 7)]));
        // Sub-rows are not scored: "-" in 分值 and 得分.
        Assert.Equal(("基本支出", "-", "99.43", "-"), (h[(5, 1)], h[(5, 5)], h[(5, 6)], h[(5, 7)]));
        // No tasks: the goal follows the budget.
        Assert.Equal(("年度总体目标", "预期目标", "实际完成情况"), (h[(7, 0)], h[(7, 1)], h[(7, 4)]));
        var body = Cells(g.Body);
        Assert.Equal(("农技培训期数", "≥18期", "16期", "15", "13.33"), (body[(1, 2)], body[(1, 3)], body[(1, 4)], body[(1, 5)], body[(1, 6)]));
        Assert.Equal(("总分", "100", "97.83"), (body[(6, 0)], body[(6, 5)], body[(6, 6)]));
        Assert.Equal(("评分等级", "优"), (body[(7, 0)], body[(7, 2)]));
    }

    [Fact]
    public void A_goal_adjusted_during_the_year_gets_its_own_column()
    {
        var s = DepartmentWholeSupport.SelfEvaluation();
        s.AdjustedGoal = "新增防汛技术服务任务。";
        var h = Cells(OfficialLayout.Build(s).Head);

        Assert.Equal(("预期目标", "全年（调整）绩效目标", "实际完成情况"), (h[(7, 1)], h[(7, 3)], h[(7, 5)]));
        Assert.Equal("新增防汛技术服务任务。", h[(8, 3)]);
    }

    [Fact]
    public void The_html_names_the_kind_in_its_section_and_title()
    {
        var html = HtmlRenderer.RenderDocument(DepartmentWholeSupport.Declaration());

        Assert.Contains("<section class=\"jx-form jx-department-declaration\">", html);
        Assert.Contains("<title>示例县农业技术推广中心部门整体支出 — 部门整体支出绩效目标表（2025年度）</title>", html);
        Assert.Contains(">金额合计</th>", html);
    }

    public static TheoryData<string> Samples => new() { "declaration", "self-evaluation" };

    static PerformanceForm Sample(string which) =>
        which == "declaration" ? DepartmentWholeSupport.Declaration() : DepartmentWholeSupport.SelfEvaluation();

    static void AssertReadsBack(PerformanceForm written, ImportResult back)
    {
        Assert.DoesNotContain(back.Problems, p => p.IsError);
        var read = Assert.Single(back.Forms);
        Assert.Equal(written.Kind, read.Kind);
        Assert.Empty(read.Warnings);
        Assert.Equal(DepartmentWholeSupport.Content(written), DepartmentWholeSupport.Content(read));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Exported_to_xlsx_it_imports_as_the_same_model(string which)
    {
        var form = Sample(which);
        AssertReadsBack(form, FormImporter.Import(XlsxWriter.Write(form), "部门整体.xlsx"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Printed_to_pdf_it_imports_as_the_same_model(string which)
    {
        var form = Sample(which);
        AssertReadsBack(form, FormImporter.Import(await fixture.Printer.PrintAsync(form), "部门整体.pdf"));
    }
}
