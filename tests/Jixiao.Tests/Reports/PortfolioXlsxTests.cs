using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Core.Review;
using Jixiao.Generation;
using Jixiao.Formats.Reports;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Reports;

/// <summary>The portfolio report as a workbook, read back with the OpenXML SDK and compared with the report's model.</summary>
public class PortfolioXlsxTests
{
    static PortfolioReport Report(int forms, int seed) => PortfolioReport.Build(
        new FormGenerator(TestProfiles.Shanghai).Generate(new GeneratorOptions(forms, seed, DefectShare: 0.5))
            .SelectMany(f => f.Forms).Select(g => PortfolioEntry.Check(g.Form, TestProfiles.Shanghai)));

    /// <summary>A sheet as rows of (text, number, number format id) by column, read from the package.</summary>
    sealed class Book : IDisposable
    {
        private readonly SpreadsheetDocument _doc;
        private readonly List<string> _strings;
        private readonly Stylesheet _styles;

        public Book(byte[] xlsx)
        {
            _doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
            _strings = _doc.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            _styles = _doc.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        }

        public List<string> SheetNames => _doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

        public Worksheet Sheet(string name)
        {
            var sheet = _doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
            return ((WorksheetPart)_doc.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
        }

        public List<List<(string Text, decimal? Number, uint Format)>> Rows(string name) =>
            Sheet(name).GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>().Select(c =>
            {
                var xf = (CellFormat)_styles.CellFormats!.ElementAt((int)(c.StyleIndex?.Value ?? 0));
                var format = xf.NumberFormatId?.Value ?? 0;
                if (c.CellValue is null) return ("", (decimal?)null, format);
                if (c.DataType?.Value == CellValues.SharedString) return (_strings[int.Parse(c.CellValue.Text)], null, format);
                return (c.CellValue.Text, decimal.Parse(c.CellValue.Text, CultureInfo.InvariantCulture), format);
            }).ToList()).ToList();

        public void Dispose() => _doc.Dispose();
    }

    [Fact]
    public void Every_sheet_has_chinese_headers_a_frozen_header_row_and_column_widths()
    {
        using var book = new Book(PortfolioXlsx.Render(Report(200, 41)));

        Assert.Equal(["概况", "等级分布", "执行率", "常见问题", "主管部门", "实施单位", "抽查顺序", "审核发现"], book.SheetNames);
        foreach (var name in book.SheetNames)
        {
            var ws = book.Sheet(name);
            var pane = ws.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1d, pane.VerticalSplit!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
            var widths = ws.GetFirstChild<Columns>()!.Elements<Column>().Select(c => c.Width!.Value).ToList();
            var header = book.Rows(name)[0];
            Assert.Equal(header.Count, widths.Count);
            Assert.All(widths, w => Assert.InRange(w, 6, 60));
            Assert.All(header, h => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", h.Text));
        }
    }

    [Fact]
    public void The_figures_are_those_of_the_html_reports_model()
    {
        var r = Report(400, 42);
        using var book = new Book(PortfolioXlsx.Render(r));

        var overview = book.Rows("概况").Skip(1).ToDictionary(row => row[0].Text, row => row[1]);
        Assert.Equal(r.Forms, overview["绩效表"].Number);
        Assert.Equal(r.SelfEvaluations, overview["自评表"].Number);
        Assert.Equal(r.Errors, overview["错误"].Number);
        Assert.Equal(r.Warnings, overview["警告"].Number);
        Assert.Equal(r.FormsWithErrors, overview["有错误的表"].Number);
        Assert.Equal(Math.Round(100m * r.FormsWithErrors / r.Forms, 2), overview["有错误的表占比（%）"].Number);
        Assert.Equal(r.MedianExecutionRate, overview["预算执行率中位数（%）"].Number);
        Assert.Equal(2u, overview["预算执行率中位数（%）"].Format); // built-in 0.00
        Assert.Equal(r.LowExecutionForms, overview["执行率低于 90% 的自评表"].Number);

        var grades = book.Rows("等级分布").Skip(1).ToList();
        Assert.Equal(r.Grades.Select(g => (g.Grade, (decimal)g.Printed, (decimal)g.RuleBased)),
            grades.Select(row => (row[0].Text, row[1].Number!.Value, row[2].Number!.Value)));

        Assert.Equal(r.ExecutionRates.Select(t => (t.Label, (decimal)t.Count)),
            book.Rows("执行率").Skip(1).Select(row => (row[0].Text, row[1].Number!.Value)));

        Assert.Equal(r.TopFindings.Select(f => (f.Code, f.Severity.ToChinese(), (decimal)f.Count, (decimal)f.Forms)),
            book.Rows("常见问题").Skip(1).Select(row => (row[0].Text, row[1].Text, row[3].Number!.Value, row[4].Number!.Value)));

        var departments = book.Rows("主管部门").Skip(1).ToList();
        Assert.Equal(r.Departments.Count, departments.Count);
        for (int i = 0; i < departments.Count; i++)
        {
            var d = r.Departments[i];
            var row = departments[i];
            Assert.Equal((d.Name, d.Forms, d.Errors, d.Warnings), (row[0].Text, (int)row[1].Number!, (int)row[3].Number!, (int)row[4].Number!));
            Assert.Equal(d.AverageTotal, row[6].Number);
            Assert.Equal(d.AverageExecutionRate, row[7].Number);
            Assert.Equal(2u, row[7].Format);
        }

        // Every unit, not only the 300 the HTML page shows.
        var units = book.Rows("实施单位").Skip(1).ToList();
        Assert.Equal(r.Units.Select(u => (u.Name, u.Department ?? "", (decimal)u.Forms)), units.Select(row => (row[0].Text, row[1].Text, row[2].Number!.Value)));

        var spot = book.Rows("抽查顺序").Skip(1).ToList();
        Assert.NotEmpty(spot);
        Assert.Equal(r.SpotChecks.Select(e => (e.Form.ProjectName!, e.Sheet?.PrintedTotalScore, e.UnsupportedPoints, (decimal)e.Errors)),
            spot.Select(row => (row[1].Text, row[3].Number, row[5].Number, row[6].Number!.Value)));

        var listed = book.Rows("审核发现").Skip(1).ToList();
        Assert.Equal(r.ListedForms.Sum(e => e.Findings.Count(f => f.Severity != Severity.Info)), listed.Count);
        Assert.Equal(r.ListedForms.Count, listed.Select(row => row[0].Number).Distinct().Count());
        Assert.Equal(r.ListedForms[0].Findings.First(f => f.Severity != Severity.Info).Message, listed[0][5].Text);
    }

    [Fact]
    public void An_empty_portfolio_is_a_workbook_of_headers()
    {
        using var book = new Book(PortfolioXlsx.Render(PortfolioReport.Build([])));

        Assert.Equal(8, book.SheetNames.Count);
        Assert.Single(book.Rows("审核发现"));
        Assert.Equal(0m, book.Rows("概况")[1][1].Number);
    }
}
