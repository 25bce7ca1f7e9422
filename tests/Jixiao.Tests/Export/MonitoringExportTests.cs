using Jixiao.Core.Model;
using Jixiao.Formats.Export;
using Jixiao.Formats.Html;
using Jixiao.Formats.Import;
using Jixiao.Formats.Xlsx;

namespace Jixiao.Tests.Export;

/// <summary>The 监控表 in the official layout (docs/monitoring-form.md §1.2) and back through each reader.</summary>
[Collection(PrinterCollection.Name)]
public class MonitoringExportTests(PrinterFixture fixture)
{
    [Fact]
    public void The_layout_has_the_national_heads_with_the_period_of_the_form()
    {
        var g = OfficialLayout.Build(MonitoringSupport.Case());

        Assert.Equal("项目支出绩效目标执行监控表", g.Title);
        Assert.Equal("（2024年度 1-7月）", g.Subtitle);
        Assert.Equal("单位：万元", g.UnitLine);
        Assert.True(g.Landscape);
        Assert.Equal(15, g.Columns);
        string[] fundHeads = ["年初预算数", "1-7月执行数", "1-7月执行率", "全年预计执行数", "备注"];
        Assert.Equal(fundHeads, g.Head.Where(c => c.Row == 2 && c.Column > 0 && c.Text.Length > 0).OrderBy(c => c.Column).Select(c => c.Text));
        Assert.Equal(["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"],
            g.Head.Where(c => c.Row is >= 3 and <= 6 && c.Column == 1).Select(c => c.Text));
        Assert.Equal(2, g.TableHeaderRows);
        string[] top = ["一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况", "偏差原因分析", "完成目标可能性", "备注"];
        Assert.Equal(top, g.TableHeader.Where(c => c.Row == 0).OrderBy(c => c.Column).Select(c => c.Text));
        string[] sub = ["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他", "确定能", "有可能", "完全不可能"];
        Assert.Equal(sub, g.TableHeader.Where(c => c.Row == 1).OrderBy(c => c.Column).Select(c => c.Text));
        Assert.Equal(5, g.TableHeader.Single(c => c.Text == "偏差原因分析").ColSpan);
        Assert.Equal(3, g.TableHeader.Single(c => c.Text == "完成目标可能性").ColSpan);
    }

    [Fact]
    public void Each_indicator_row_ticks_its_causes_and_likelihood_and_puts_reason_and_measure_in_the_remark()
    {
        var g = OfficialLayout.Build(MonitoringSupport.Case());
        // Row 7 of the case (index 6): 生活驿站全年开放天数, causes facilities + funding, 完全不可能.
        var row = g.Body.Where(c => c.Row == 6).ToDictionary(c => c.Column, c => c.Text);

        Assert.Equal("生活驿站全年开放天数", row[2]);
        Assert.Equal("≥260.00(天)", row[3]);
        Assert.Equal("150天", row[4]);
        Assert.Equal("255天", row[5]);
        Assert.Equal(["√", "", "", "√", ""], Enumerable.Range(6, 5).Select(c => row[c]));
        Assert.Equal(["", "", "√"], Enumerable.Range(11, 3).Select(c => row[c]));
        Assert.Equal("原因：3 月空调故障闭馆 10 天。\n措施：维修后恢复开放，下半年周末加开。", row[14]);
        // 一级 效益指标 spans the case's rows 5–10, 二级 社会效益指标 rows 5–9.
        Assert.Equal(6, g.Body.Single(c => c.Column == 0 && c.Text == "效益指标").RowSpan);
        Assert.Equal(5, g.Body.Single(c => c.Column == 1 && c.Text == "社会效益指标").RowSpan);
    }

    [Fact]
    public void A_fund_line_names_its_causes_in_its_remark()
    {
        var g = OfficialLayout.Build(MonitoringSupport.Case());

        var remark = g.Head.Single(c => c.Row == 3 && c.Column == OfficialLayout.MonitoringFundColumns[^1].Column);
        Assert.Equal("偏差原因分析：其他\n原因：设施维修集中在下半年招标，上半年只支付了日常运行费用。\n措施：8 月完成维修招标，9 月起按进度支付。", remark.Text);
    }

    [Fact]
    public void The_html_prints_the_remark_parts_on_lines_of_their_own_on_a_landscape_page()
    {
        var html = HtmlRenderer.RenderDocument(MonitoringSupport.Case());

        Assert.Contains("<section class=\"jx-form jx-monitoring\">", html);
        Assert.Contains("<p class=\"jx-unit\">单位：万元</p>", html);
        Assert.Contains("原因：夏季高温，户外活动减少。</td>", html);
        Assert.Contains("<br>措施：", html);
        Assert.Contains("@page jx-landscape { size: A4 landscape; }", html);
    }

    [Fact]
    public void The_case_exported_to_xlsx_imports_as_the_same_model()
    {
        var bytes = XlsxWriter.Write(MonitoringSupport.Case());
        var back = FormImporter.Import(bytes, "监控表.xlsx");

        MonitoringSupport.AssertReadsBackAsTheCase(back);
    }

    [Fact]
    public async Task The_case_printed_to_pdf_imports_as_the_same_model()
    {
        var pdf = await fixture.Printer.PrintAsync(MonitoringSupport.Case());
        var back = FormImporter.Import(pdf, "监控表.pdf");

        MonitoringSupport.AssertReadsBackAsTheCase(back);
    }

    [Fact]
    public void Values_read_back_from_xlsx_are_those_of_the_case()
    {
        var form = MonitoringSupport.Case();
        form.Funds.Rows[0].ExecutionRate = 34.46m;
        var read = (MonitoringForm)FormImporter.Import(XlsxWriter.Write(form), "监控表.xlsx").Forms.Single();

        Assert.Equal(new MonitoringPeriod(7, null), read.Period);
        var total = read.Funds.Rows[0];
        Assert.Equal(("年度资金总额", 29.60m, 10.20m, 34.46m, 29.00m), (total.Label, total.InitialBudget, total.ExecutedToDate, total.ExecutionRate, total.ForecastExecuted));
        Assert.Equal([DeviationCause.Other], total.Deviation!.Causes);
        Assert.Equal("8月完成维修招标，9月起按进度支付。", total.Deviation.CorrectiveAction);
        var days = read.Indicators[6];
        Assert.Equal(("生活驿站全年开放天数", Likelihood.Impossible), (days.Name, days.Likelihood));
        Assert.Equal([DeviationCause.Funding, DeviationCause.Facilities], days.Deviation!.Causes);
        Assert.Equal("3月空调故障闭馆10天。", days.Deviation.Reason);
        Assert.Equal((150m, "天"), (days.Progress!.Value, days.Progress.Unit));
        Assert.Equal(Likelihood.Possible, read.Indicators[3].Likelihood);
        Assert.Null(read.Indicators[0].Deviation);
    }
}
