using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Core.Model;
using Jixiao.Formats.Import;
using Jixiao.Formats.Xlsx;

namespace Jixiao.Tests.Export;

/// <summary>
/// The 监控表 fill-in template: prefilled as the server drafts it from the approved declaration, filled in cell by cell
/// as the unit would (the values of tests/data/monitoring/shenghuoyizhan-1-7/input.json), read back.
/// </summary>
public class MonitoringTemplateTests
{
    internal const string Sheet = "生活驿站运行经费";

    /// <summary>The draft before the unit fills anything: the case with every entry of the unit taken out.</summary>
    private static MonitoringForm Draft()
    {
        var f = MonitoringSupport.Case();
        f.GoalProgress = null;
        foreach (var r in f.Funds.Rows) { r.ExecutedToDate = null; r.ForecastExecuted = null; r.ExecutionRate = null; r.Deviation = null; }
        foreach (var x in f.Indicators) { x.Progress = null; x.Forecast = null; x.Deviation = null; x.Likelihood = null; x.Remark = null; }
        return f;
    }

    // Sheet rows: 1 title, 2 period, 3 单位：万元, 4 项目名称, 5 主管部门, 6 fund heads, 7–10 fund lines, 11 年度总体目标,
    // 12 1-7月执行情况, 13–14 indicator heads, 15–25 the eleven indicators. Columns: E 执行数 / 执行情况, G 全年预计执行数,
    // F 全年预计完成情况, G–K 经费 制度 人员 硬件 其他, L–N 确定能 有可能 完全不可能, J 资金行备注, O 备注.
    internal static readonly (string, object)[] Entries =
    [
        ("E7", 10.20m), ("G7", 29.00m),
        ("J7", "偏差原因分析：其他\n原因：设施维修集中在下半年招标，上半年只支付了日常运行费用。\n措施：8 月完成维修招标，9 月起按进度支付。"),
        ("E8", 10.20m), ("G8", 29.00m), ("E9", 0.00m), ("G9", 0.00m), ("E10", 0.00m), ("G10", 0.00m),
        ("C12", "生活驿站 1-7 月正常开放，各功能室运行正常；设施维修尚未招标。"),
        ("E15", "控制在预算内"), ("F15", "控制在预算内"), ("L15", "√"),
        ("E16", "60%"), ("F16", "100%"), ("L16", "√"),
        ("E17", "100%"), ("F17", "100%"), ("L17", "√"),
        ("E18", "维修招标推迟"), ("F18", "部分及时"), ("I18", "√"), ("M18", "√"),
        ("O18", "原因：负责维修的工作人员 5 月调离，招标推迟。\n措施：已指定新的负责人，8 月完成招标。"),
        ("E19", "2%"), ("F19", "3%"), ("L19", "√"),
        ("E20", "70%"), ("F20", "85%"), ("K20", "√"), ("L20", "√"), ("O20", "原因：夏季高温，户外活动减少。"),
        ("E21", "150天"), ("F21", "255天"), ("G21", "√"), ("J21", "√"), ("N21", "√"),
        ("O21", "原因：3 月空调故障闭馆 10 天。\n措施：维修后恢复开放，下半年周末加开。"),
        ("E22", "开展宣传 6 次"), ("F22", "提升"), ("L22", "√"),
        ("E23", "98%"), ("F23", "100%"), ("J23", "√"), ("M23", "√"), ("O23", "原因：空调故障期间部分设施停用。\n措施：维修完成后复查全部设施。"),
        ("E24", "已建立"), ("F24", "建立健全"), ("L24", "√"),
        ("E25", "未开展调查"), ("F25", "92%"), ("L25", "√"),
    ];

    private static ImportResult Read(params (string, object)[] more) =>
        FormImporter.Import(XlsxFill.Set(XlsxTemplate.Write(Draft()), Sheet, [.. Entries, .. more]), "监控表模板.xlsx");

    [Fact]
    public void The_template_has_the_drop_downs_the_instructions_and_a_hidden_sheet_of_fixed_values()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(XlsxTemplate.Write(Draft())), false);
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();

        Assert.Equal([Sheet, "填写说明", "模板信息"], sheets.Select(s => s.Name!.Value));
        Assert.Equal(SheetStateValues.Hidden, sheets[2].State!.Value);
        var ws = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheets[0].Id!)).Worksheet;
        var ranges = ws.Descendants<DataValidation>().Select(v => v.SequenceOfReferences!.InnerText).ToList();
        Assert.Contains("E7:E10", ranges);
        Assert.Contains("G7:G10", ranges);
        Assert.Contains("G15:G25", ranges);
        Assert.Contains("N15:N25", ranges);
    }

    [Fact]
    public void A_blank_template_reads_back_as_the_draft_with_nothing_entered()
    {
        var back = FormImporter.Import(XlsxTemplate.Write(Draft()), "监控表模板.xlsx");

        Assert.DoesNotContain(back.Problems, p => p.IsError);
        var read = Assert.IsType<MonitoringForm>(Assert.Single(back.Forms));
        Assert.Equal(MonitoringSupport.Model(Draft()), MonitoringSupport.Model(read));
    }

    [Fact]
    public void A_filled_template_reads_back_as_the_case_form()
    {
        MonitoringSupport.AssertReadsBackAsTheCase(Read());
    }

    [Fact]
    public void The_entered_values_are_parsed_into_the_model()
    {
        var read = (MonitoringForm)Read().Forms.Single();

        Assert.Equal((10.20m, 29.00m), (read.Funds.Rows[0].ExecutedToDate, read.Funds.Rows[0].ForecastExecuted));
        Assert.Equal([DeviationCause.Other], read.Funds.Rows[0].Deviation!.Causes);
        var repair = read.Indicators[1];
        Assert.Equal((60m, "%"), (repair.Progress!.Value, repair.Progress.Unit));
        var late = read.Indicators[3];
        Assert.Equal(Likelihood.Possible, late.Likelihood);
        Assert.Equal([DeviationCause.Staffing], late.Deviation!.Causes);
        Assert.Equal("负责维修的工作人员5月调离，招标推迟。", late.Deviation.Reason);
        Assert.Equal("已指定新的负责人，8月完成招标。", late.Deviation.CorrectiveAction);
        var days = read.Indicators[6];
        Assert.Equal(Likelihood.Impossible, days.Likelihood);
        Assert.Equal([DeviationCause.Funding, DeviationCause.Facilities], days.Deviation!.Causes);
        Assert.Equal((255m, "天"), (days.Forecast!.Value, days.Forecast.Unit));
    }

    [Fact]
    public void Two_likelihoods_ticked_on_one_row_are_refused_naming_sheet_row_and_column()
    {
        var back = Read(("M15", "√"));

        Assert.Empty(back.Forms);
        var p = Assert.Single(back.Problems, p => p.IsError);
        Assert.Contains("工作表“生活驿站运行经费”第 15 行 M 列（完成目标可能性·有可能）", p.Message);
        Assert.Contains("只能选一项", p.Message);
    }

    [Fact]
    public void Words_in_an_amount_are_refused_naming_sheet_row_and_column()
    {
        var back = Read(("E7", "十万"));

        Assert.Empty(back.Forms);
        var p = Assert.Single(back.Problems, p => p.IsError);
        Assert.Contains("工作表“生活驿站运行经费”第 7 行 E 列（1-7月执行数）", p.Message);
        Assert.Contains("“十万”不是数字", p.Message);
    }

    [Fact]
    public void An_indicator_row_added_below_the_table_is_refused_naming_sheet_row_and_column()
    {
        var back = Read(("B26", "服务对象满意度指标"), ("C26", "驿站活动满意度"), ("D26", "≥90%"), ("E26", "95%"), ("L26", "√"));

        Assert.Empty(back.Forms);
        var p = Assert.Single(back.Problems, p => p.IsError);
        Assert.Contains("工作表“生活驿站运行经费”第 26 行 C 列（三级指标）", p.Message);
        Assert.Contains("“驿站活动满意度”", p.Message);
        Assert.Contains("不能增加", p.Message);
    }

    [Fact]
    public void A_changed_target_and_a_changed_budget_are_refused()
    {
        var back = Read(("D16", "=90.00(%)"), ("D7", 30.00m));

        Assert.Empty(back.Forms);
        var messages = back.Problems.Where(p => p.IsError).Select(p => p.Message).ToList();
        Assert.Contains(messages, m => m.Contains("第 16 行 D 列（年度指标值）") && m.Contains("由“=100.00(%)”改为了“=90.00(%)”"));
        Assert.Contains(messages, m => m.Contains("第 7 行 D 列（年初预算数）") && m.Contains("由 29.60 改为了 30.00"));
    }

    [Fact]
    public void A_cell_in_a_tick_column_that_is_not_a_tick_is_refused()
    {
        var back = Read(("H19", "是"));

        var p = Assert.Single(back.Problems, p => p.IsError);
        Assert.Contains("第 19 行 H 列（制度保障）", p.Message);
    }
}
