using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Core.Model;
using Jixiao.Formats.Import;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using Row = DocumentFormat.OpenXml.Spreadsheet.Row;
using Jixiao.Formats.Xlsx;

namespace Jixiao.Tests.Export;

/// <summary>Reading spreadsheets that other programs wrote, and refusing files that are not forms, with a clear message.</summary>
public class SpreadsheetReadingTests
{
    private static string ExportData(string name) => Path.Combine(TestData.Root, "export", name);

    [Fact]
    public void A_legacy_xls_written_by_LibreOffice_reads_as_the_form_it_was_made_from()
    {
        // tests/data/export/seed-004-distance-education.xls: our xlsx of seed 004's 电教远教工作经费, saved as .xls by LibreOffice.
        var original = SeedForms().Single(f => f.ProjectName == "电教远教工作经费");

        var r = FormImporter.ImportFile(ExportData("seed-004-distance-education.xls"));

        Assert.Equal("xls", r.Encoding);
        Assert.Equal(ExportSupport.Model(original), ExportSupport.Model(Assert.Single(r.Forms)));
    }

    [Fact]
    public void An_xlsx_resaved_by_LibreOffice_reads_as_the_form_it_was_made_from()
    {
        // tests/data/export/seed-003-party-building-libreoffice.xlsx: our xlsx of 党建经费, converted by LibreOffice
        // (its own shared strings, styles and number formats).
        var original = SeedForms().Single(f => f.ProjectName == "党建经费");

        var r = FormImporter.ImportFile(ExportData("seed-003-party-building-libreoffice.xlsx"));

        Assert.Equal(ExportSupport.Model(original), ExportSupport.Model(Assert.Single(r.Forms)));
    }

    [Fact]
    public void A_hand_made_sheet_with_the_official_headings_plain_numbers_and_a_real_date_cell_is_read()
    {
        // No merged cells, numbers typed as General, 计划开始日期 as an Excel date: what a person makes by hand.
        var rows = new object?[][]
        {
            ["财政项目支出绩效目标申报表"],
            ["（2025年度）"],
            ["项目名称", "社区食堂补贴", "项目性质", "其他经常性项目", "项目类别", "特定目标类"],
            ["主管部门", "某街道办事处", null, "实施单位", "某社区事务受理服务中心"],
            ["计划开始日期", new DateTime(2025, 1, 1), null, "计划完成日期", "2025-12-31"],
            ["项目资金（元）", "项目资金总额", 300000, "年度资金申请总额", null, 300000],
            [null, "其中：财政资金", 300000, "其中：当年财政拨款", null, 300000],
            [null, null, null, "上年结转资金", null, 0],
            [null, "其他资金", 0, "其他资金", null, 0],
            ["项目绩效目标", "项目总目标", null, "年度总体目标"],
            [null, null, null, "为辖区老年人提供助餐服务。"],
            ["一级指标", "二级指标", "三级指标", null, "年度(/项目)指标值"],
            ["产出指标", "数量指标", "助餐服务人次", null, "≥20000(人次)"],
            ["效益指标", "社会效益指标", "老年人就餐便利度", null, "提升"],
            ["满意度指标", "服务对象满意度指标", "老年人满意度", null, "≥90(%)"],
        };

        var r = FormImporter.Import(Sheet(rows), "手工表.xlsx");

        var d = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal(2025, d.Year);
        Assert.Equal("社区食堂补贴", d.ProjectName);
        Assert.Equal(new DateOnly(2025, 1, 1), d.StartDate);
        Assert.Equal(new DateOnly(2025, 12, 31), d.EndDate);
        Assert.Equal(300000m, d.Funds.AnnualTotal);
        Assert.Equal(0m, d.Funds.CarryOver);
        Assert.Equal("为辖区老年人提供助餐服务。", d.AnnualGoal);
        Assert.Equal(["助餐服务人次", "老年人就餐便利度", "老年人满意度"], d.Indicators.Select(i => i.Name));
        Assert.Equal(20000m, d.Indicators[0].Target!.Value);
        Assert.Equal("服务对象满意度指标", d.Indicators[2].Level2);
    }

    [Fact]
    public void The_file_content_decides_the_format_not_the_name()
    {
        var form = SeedForms().First();
        var xlsx = XlsxWriter.Write(form);
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, xlsx);
        try
        {
            var r = FormImporter.ImportFile(path);

            Assert.Equal("xlsx", r.Encoding);
            Assert.Equal(form.ProjectName, Assert.Single(r.Forms).ProjectName);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_workbook_that_holds_no_form_is_reported_by_name()
    {
        var r = FormImporter.Import(Sheet([["姓名", "部门", "电话"], ["张三", "办公室", "12345"]]), "通讯录.xlsx");

        Assert.Empty(r.Forms);
        var p = Assert.Single(r.Problems, p => p.IsError);
        Assert.StartsWith("通讯录.xlsx", p.ToString());
        Assert.Contains("无法识别为绩效表", p.Message);
    }

    [Fact]
    public void A_truncated_xlsx_is_reported_as_a_damaged_file()
    {
        var xlsx = XlsxWriter.Write(SeedForms().First());

        var r = FormImporter.Import(xlsx[..(xlsx.Length / 2)], "半截.xlsx");

        Assert.Empty(r.Forms);
        Assert.Contains(r.Problems, p => p.IsError && p.Message.Contains("损坏") && p.ToString().StartsWith("半截.xlsx"));
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused()
    {
        var zip = Zip(("readme.txt", Encoding.UTF8.GetBytes("hello")));

        var r = FormImporter.Import(zip, "资料.zip");

        Assert.Contains(r.Problems, p => p.IsError && p.Message.Contains("不是 Excel 工作簿"));
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_inflated_beyond_the_cap()
    {
        // 60 MB of zeros compress to about 60 KB: more than the 50 MB the reader will inflate.
        var bomb = Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types/>")), ("xl/worksheets/sheet1.xml", new byte[60 * 1024 * 1024]));
        Assert.True(bomb.Length < 1024 * 1024);

        var r = FormImporter.Import(bomb, "炸弹.xlsx");

        Assert.Empty(r.Forms);
        Assert.Contains(r.Problems, p => p.IsError && p.Message.Contains("50 MB"));
    }

    [Fact]
    public void A_zip_with_thousands_of_entries_is_refused()
    {
        var entries = Enumerable.Range(0, XlsxReader.MaxEntries + 1).Select(i => ($"f{i}.xml", new byte[] { 1 })).Append(("[Content_Types].xml", "<Types/>"u8.ToArray()));

        var r = FormImporter.Import(Zip(entries.ToArray()), "很多.xlsx");

        Assert.Contains(r.Problems, p => p.IsError && p.Message.Contains("文件过多"));
    }

    [Fact]
    public void A_password_protected_office_file_is_named_as_such()
    {
        // An xlsx with an opening password is an OLE compound file holding EncryptionInfo and EncryptedPackage streams;
        // the reader recognises it from those stream names (UTF-16 in the OLE directory) before trying to parse it.
        var bytes = new byte[4096];
        XlsReader.OleMagic.CopyTo(bytes);
        Encoding.Unicode.GetBytes("EncryptionInfo").CopyTo(bytes, 1024);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(bytes, 1152);

        var r = FormImporter.Import(bytes, "加密.xlsx");

        Assert.Empty(r.Forms);
        Assert.Contains(r.Problems, p => p.IsError && p.Message.Contains("密码"));
    }

    [Fact]
    public void A_damaged_xls_asks_for_an_xlsx_without_a_stack_trace()
    {
        var bytes = new byte[4096];
        XlsReader.OleMagic.CopyTo(bytes);
        new Random(3).NextBytes(bytes.AsSpan(8));

        var r = FormImporter.Import(bytes, "旧表.xls");

        var p = Assert.Single(r.Problems);
        Assert.Contains("另存为 .xlsx", p.Message);
        Assert.DoesNotContain("   at ", p.Message);
    }

    [Fact]
    public void Sheet_names_are_unique_short_and_free_of_forbidden_characters()
    {
        var names = new SheetNaming();
        var long1 = names.Unique("上海市党员干部现代远程教育网络体系运维（非信息化项目）：第一期/第二期[合并]");
        var long2 = names.Unique("上海市党员干部现代远程教育网络体系运维（非信息化项目）：第一期/第二期[合并]");

        Assert.True(long1.Length <= 31 && long2.Length <= 31);
        Assert.NotEqual(long1, long2);
        Assert.EndsWith("(2)", long2);
        Assert.DoesNotContain(long1, c => "[]:*?/\\".Contains(c));
    }

    [Fact]
    public void Numbers_read_back_as_the_cell_displays_them()
    {
        Assert.Equal("100.00", XlsxReader.FormatNumber("100", "0.00"));
        Assert.Equal("1,217,200.00", XlsxReader.FormatNumber("1217200", "#,##0.00"));
        Assert.Equal("97.5", XlsxReader.FormatNumber("97.5", ""));
        Assert.Equal("0.3", XlsxReader.FormatNumber("0.30000000000000004", "General"));
        Assert.Equal("95.44%", XlsxReader.FormatNumber("0.9544", "0.00%"));
        Assert.Equal("2024-01-01", XlsxReader.FormatNumber("45292", "yyyy/m/d"));
    }

    // ------------------------------------------------------------ helpers

    private static List<PerformanceForm> SeedForms() =>
        ExportSupport.SeedCases.SelectMany(c => FormImporter.ImportFile(TestData.CaseInput(c)).Forms).ToList();

    internal static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                s.Write(bytes);
            }
        return ms.ToArray();
    }

    /// <summary>A plain workbook as a person types it: strings as shared strings, numbers as General, dates as dates.</summary>
    private static byte[] Sheet(object?[][] rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()), new CellStyleFormats(new CellFormat()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (int r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)r + 1 };
                for (int c = 0; c < rows[r].Length; c++)
                {
                    var reference = (char)('A' + c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                    switch (rows[r][c])
                    {
                        case string s: row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) }); break;
                        case int n: row.Append(new Cell { CellReference = reference, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)) }); break;
                        case DateTime d: row.Append(new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(d.ToOADate().ToString(CultureInfo.InvariantCulture)) }); break;
                    }
                }
                data.Append(row);
            }
            ws.Worksheet = new Worksheet(data);
            wb.Workbook.Append(new Sheets(new Sheet { Name = "Sheet1", SheetId = 1, Id = wb.GetIdOfPart(ws) }));
        }
        return ms.ToArray();
    }
}
