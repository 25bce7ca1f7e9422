using System.Diagnostics;
using Jixiao.Core.Model;
using Jixiao.Formats.Import;
using Jixiao.Formats.Rendering;
using Jixiao.Tests.Export;

namespace Jixiao.Tests.Import;

/// <summary>The text reader on 监控表 texts: the official layout as table extractors and pdftotext give it, the 黄石 variant.</summary>
[Collection(PrinterCollection.Name)]
public class MonitoringTextTests(PrinterFixture fixture)
{
    [Theory]
    [InlineData(LayoutKind.TabRows)]
    [InlineData(LayoutKind.JsonRows)]
    public void The_official_layout_as_table_rows_reads_back_as_the_case(LayoutKind layout)
    {
        var text = FormRenderer.Render([MonitoringSupport.Case()], layout);

        var result = FormImporter.ImportText(text, "监控表.txt");

        Assert.Equal(layout, result.Layout);
        MonitoringSupport.AssertReadsBackAsTheCase(result);
    }

    [Theory]
    [InlineData("项目支出绩效目标执行监控表")]
    [InlineData("绩效目标执行监控表")]
    [InlineData("项目支出绩效监控表")]
    [InlineData("黄石市项目支出绩效监控表")]
    public void A_monitoring_form_is_known_by_its_title(string title)
    {
        var text = FormRenderer.Render([MonitoringSupport.Case()], LayoutKind.TabRows).Replace("# 项目支出绩效目标执行监控表", title);

        var read = Assert.Single(FormImporter.ImportText(text, "监控表.txt").Forms);

        Assert.Equal(FormKind.Monitoring, read.Kind);
        Assert.Equal(11, read.Indicators.Count);
    }

    [Fact]
    public async Task Pdftotext_layout_text_gives_header_funds_and_goals_and_says_why_the_tick_rows_are_not_read()
    {
        var form = MonitoringSupport.Case();
        form.Funds.Rows[0].ExecutionRate = 34.46m;
        var text = PdfToText(await fixture.Printer.PrintAsync(form));

        var read = Assert.IsType<MonitoringForm>(Assert.Single(FormImporter.ImportText(text, "监控表.txt").Forms));

        Assert.Equal((2024, 7), (read.Year, read.Period.EndMonth));
        Assert.Equal("生活驿站运行经费", read.ProjectName);
        Assert.Equal("上海市奉贤区人民政府西渡街道办事处", read.Department);
        Assert.Equal("上海市奉贤区西渡街道社区党群服务中心", read.ImplementingUnit);
        Assert.Equal(["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"], read.Funds.Rows.Select(r => r.Label));
        var total = read.Funds.Rows[0];
        Assert.Equal((29.60m, 10.20m, 34.46m, 29.00m), (total.InitialBudget!.Value, total.ExecutedToDate!.Value, total.ExecutionRate!.Value, total.ForecastExecuted!.Value));
        Assert.Equal("为了能让西渡街道生活驿站能正常运作，群众对生活驿站整体满意度均在90%以上的效果。", read.AnnualGoal);
        Assert.Empty(read.Indicators);
        Assert.Contains(read.Warnings, w => w.Message.Contains("打勾的版式") && w.Message.Contains("请导入 PDF 或 xlsx 原件"));
    }

    /// <summary>The 黄石 layout (docs/monitoring-form.md §2.1) as web text: one text column for 完成目标可能性.</summary>
    private const string Huangshi = """
        黄石市项目支出绩效监控表 (示例) |
        (2019年度) |
        项目单位(盖章): 单位:万元 | ||||||
        项目名称 | 文物保护经费 | |||||
        主管部门 | 黄石市文化和旅游局 | 项目执行单位 | 黄石市博物馆 | |||
        项目资金 (万元) | 年初预算数 | 1-6月执行数 | 全年预计执行数 | |||
        年度资金总额: | 80 | 30.5 | 78 | |||
        绩效指标 | 一级 指标 | 指标名称 | 指标值 |
        半年度 指标执行情况 |
        完成目标可能性(确定能、有可能、不可能) | 备注 |
        产 出 指 标 |
        数量 | 修缮文物 10 件 | 已修缮 4 件 | 确定能 | |||
        时效 | 年底前完成 | 招标延后 | 不可能 | 设备未到 | ||
        偏差或不能完成目标原因分析 | ||||||
        """;

    [Fact]
    public void The_huangshi_layout_reads_the_likelihood_word_and_takes_bu_keneng_as_impossible()
    {
        var read = Assert.IsType<MonitoringForm>(Assert.Single(FormImporter.ImportText(Huangshi, "黄石.txt").Forms));

        Assert.Equal((2019, 6), (read.Year, read.Period.EndMonth));
        Assert.Equal(("文物保护经费", "黄石市文化和旅游局", "黄石市博物馆"), (read.ProjectName, read.Department, read.ImplementingUnit));
        var total = Assert.Single(read.Funds.Rows);
        Assert.Equal(("年度资金总额", 80m, 30.5m, 78m), (total.Label, total.InitialBudget!.Value, total.ExecutedToDate!.Value, total.ForecastExecuted!.Value));
        Assert.Equal(2, read.Indicators.Count);
        var count = read.Indicators[0];
        Assert.Equal(("产出指标", "数量", "修缮文物10件", "已修缮4件", Likelihood.Certain),
            (count.Level1, count.Name, count.Target!.Text, count.Progress!.Text, count.Likelihood!.Value));
        var late = read.Indicators[1];
        Assert.Equal((Likelihood.Impossible, "设备未到"), (late.Likelihood!.Value, late.Remark));
    }

    private static string PdfToText(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("jixiao-monitoring-");
        try
        {
            var file = Path.Combine(dir.FullName, "form.pdf");
            File.WriteAllBytes(file, pdf);
            var psi = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true };
            using var p = Process.Start(psi)!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return text;
        }
        finally { dir.Delete(true); }
    }
}
