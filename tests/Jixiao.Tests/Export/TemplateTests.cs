using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Core.Model;
using Jixiao.Formats.Import;
using Jixiao.Formats.Xlsx;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using Row = DocumentFormat.OpenXml.Spreadsheet.Row;

namespace Jixiao.Tests.Export;

/// <summary>The fill-in templates: what a person sees in them, and that a filled one imports like any form.</summary>
public class TemplateTests
{
    [Fact]
    public void A_filled_self_evaluation_template_imports_as_the_form_typed_into_it()
    {
        // Typed as a person would, into the cells the template offers (rows: 1 title, 2 year, 3–11 header block,
        // 12 indicator header, 13–32 blank indicator rows, 33 总分, 34 评分等级).
        var bytes = Fill(XlsxTemplate.Write(FormKind.SelfEvaluation), new()
        {
            ["A2"] = "（2024年度）",
            ["C3"] = "社区助老服务",
            ["C4"] = "某区民政局",
            ["I4"] = "某街道社区服务中心",
            ["C6"] = 20m, ["D6"] = 20m, ["G6"] = 19.5m, ["H6"] = 10m, ["I6"] = 97.5m, ["J6"] = 9.75m,
            ["C7"] = 20m, ["D7"] = 20m, ["G7"] = 19.5m, ["I7"] = 97.5m,
            ["C8"] = 0m, ["D8"] = 0m, ["G8"] = 0m, ["I8"] = 0m,
            ["C9"] = 0m, ["D9"] = 0m, ["G9"] = 0m, ["I9"] = 0m,
            ["B11"] = "为辖区老人提供助餐服务。",
            ["G11"] = "全年助餐两万余人次。",
            ["A13"] = "产出指标", ["B13"] = "数量指标", ["C13"] = "助餐服务人次", ["D13"] = "≥", ["E13"] = 20000m, ["F13"] = "人次", ["G13"] = "21000(人次)", ["H13"] = 50m, ["I13"] = 50m,
            ["A14"] = "效益指标", ["B14"] = "社会效益指标", ["C14"] = "老人就餐便利度", ["E14"] = "提升", ["G14"] = "达成指标", ["H14"] = 30m, ["I14"] = 30m,
            ["A15"] = "满意度指标", ["B15"] = "服务对象满意度指标", ["C15"] = "老人满意度", ["D15"] = "≥", ["E15"] = 90m, ["F15"] = "%", ["G15"] = "95(%)", ["H15"] = 10m, ["I15"] = 10m,
            ["H33"] = 100m, ["I33"] = 99.75m,
            ["C34"] = "优",
        });

        var r = FormImporter.Import(bytes, "填好的模板.xlsx");

        Assert.DoesNotContain(r.Problems, p => p.IsError);
        var s = Assert.IsType<SelfEvaluation>(Assert.Single(r.Forms));
        Assert.Equal(2024, s.Year);
        Assert.Equal("社区助老服务", s.ProjectName);
        Assert.Equal("某区民政局", s.Department);
        Assert.Equal("某街道社区服务中心", s.ImplementingUnit);
        Assert.Equal(MoneyUnit.WanYuan, s.Funds.Unit);
        var total = s.Funds.Total!;
        Assert.Equal((20.00m, 19.50m, 10.00m, 97.50m, 9.75m), (total.AdjustedBudget!.Value, total.Executed!.Value, total.Weight!.Value, total.ExecutionRate!.Value, total.Score!.Value));
        Assert.Equal(4, s.Funds.Rows.Count);
        Assert.Null(s.Funds.Rows[1].Weight);
        Assert.Equal("全年助餐两万余人次。", s.ActualOutcome);
        Assert.Equal(3, s.Indicators.Count);
        var first = s.Indicators[0];
        Assert.Equal(("产出指标", "数量指标", "助餐服务人次"), (first.Level1, first.Level2, first.Name));
        Assert.Equal((Comparator.GreaterOrEqual, 20000m, "人次"), (first.Target!.Comparator!.Value, first.Target.Value!.Value, first.Target.Unit));
        Assert.Equal(21000m, first.Actual!.Value);
        Assert.Equal("提升", s.Indicators[1].Target!.Text);
        Assert.Equal(Achievement.Achieved, s.Indicators[1].Actual!.Achievement);
        Assert.Equal((10.00m, 10.00m), (s.Indicators[2].Weight!.Value, s.Indicators[2].Score!.Value));
        Assert.Equal((100.00m, 99.75m, "优"), (s.TotalWeight!.Value, s.TotalScore!.Value, s.Grade));
        Assert.True(s.Complete);
    }

    [Fact]
    public void A_filled_declaration_template_imports_as_the_form_typed_into_it()
    {
        // Rows: 1 title, 2 year, 3 项目名称, 4 主管部门, 5 dates, 6–9 funds, 10–11 goals, 12 indicator header, 13– rows.
        var bytes = Fill(XlsxTemplate.Write(FormKind.TargetDeclaration), new()
        {
            ["A2"] = "（2025年度）",
            ["B3"] = "社区食堂补贴", ["D3"] = "其他经常性项目", ["F3"] = "特定目标类",
            ["B4"] = "某街道办事处", ["E4"] = "某社区事务受理服务中心",
            ["B5"] = "2025-01-01", ["E5"] = "2025-12-31",
            ["C6"] = 300000m, ["F6"] = 300000m, ["C7"] = 300000m, ["F7"] = 300000m, ["F8"] = 0m, ["C9"] = 0m, ["F9"] = 0m,
            ["D11"] = "为辖区老年人提供助餐服务。",
            ["A13"] = "产出指标", ["B13"] = "数量指标", ["C13"] = "助餐服务人次", ["D13"] = "≥", ["E13"] = 20000m, ["F13"] = "人次",
            ["A14"] = "满意度指标", ["B14"] = "服务对象满意度指标", ["C14"] = "老年人满意度", ["D14"] = "≥", ["E14"] = 90m, ["F14"] = "%",
        });

        var r = FormImporter.Import(bytes, "申报模板.xlsx");

        var d = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal((2025, "社区食堂补贴", "其他经常性项目", "特定目标类"), (d.Year!.Value, d.ProjectName, d.ProjectNature, d.ProjectCategory));
        Assert.Equal(new DateOnly(2025, 12, 31), d.EndDate);
        Assert.Equal((300000.00m, 300000.00m, 0.00m), (d.Funds.ProjectTotal!.Value, d.Funds.AnnualTotal!.Value, d.Funds.CarryOver!.Value));
        Assert.Equal("为辖区老年人提供助餐服务。", d.AnnualGoal);
        Assert.Equal(2, d.Indicators.Count);
        Assert.Equal((Comparator.GreaterOrEqual, 90m, "%"), (d.Indicators[1].Target!.Comparator!.Value, d.Indicators[1].Target!.Value!.Value, d.Indicators[1].Target!.Unit));
    }

    [Fact]
    public void The_template_offers_drop_down_lists_from_the_framework_and_an_instructions_sheet_in_Chinese()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(XlsxTemplate.Write(FormKind.SelfEvaluation)), false);
        var wb = doc.WorkbookPart!;
        var sheets = wb.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["自评表", "填写说明"], sheets);

        var ws = ((WorksheetPart)wb.GetPartById(wb.Workbook.Sheets!.Elements<Sheet>().First().Id!)).Worksheet;
        var lists = ws.Descendants<DataValidation>().ToDictionary(v => v.SequenceOfReferences!.InnerText ?? "", v => v.Formula1!.Text ?? "");
        Assert.Equal("\"产出指标,效益指标,满意度指标,成本指标\"", lists["A13:A32"]);
        Assert.Contains("服务对象满意度指标", lists["B13:B32"]);
        Assert.Contains("可持续影响指标", lists["B13:B32"]);
        Assert.Equal("\"≥,>,=,≤,<\"", lists["D13:D32"]);
        Assert.Equal("\"优,良,中,差\"", lists["C34:C34"]);

        var strings = wb.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        Assert.Contains("指标性质", strings);
        Assert.Contains(strings, s => s.StartsWith("7. 定量指标：在“指标性质”中选择"));
    }

    /// <summary>Types values into existing cells of the first sheet: strings inline, numbers as General numbers.</summary>
    private static byte[] Fill(byte[] xlsx, Dictionary<string, object> values)
    {
        var ms = new MemoryStream();
        ms.Write(xlsx);
        using (var doc = SpreadsheetDocument.Open(ms, true))
        {
            var wb = doc.WorkbookPart!;
            var ws = ((WorksheetPart)wb.GetPartById(wb.Workbook.Sheets!.Elements<Sheet>().First().Id!)).Worksheet;
            var cells = ws.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
            foreach (var (reference, value) in values)
            {
                var cell = cells[reference];
                if (value is string s)
                {
                    cell.CellValue = null;
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(s));
                }
                else
                {
                    cell.DataType = null;
                    cell.CellValue = new CellValue(((decimal)value).ToString(CultureInfo.InvariantCulture));
                }
            }
            ws.Save();
        }
        return ms.ToArray();
    }
}
