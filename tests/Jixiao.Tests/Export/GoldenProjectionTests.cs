using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Formats.Export;
using Jixiao.Formats.Html;
using Jixiao.Formats.Pdf;
using Jixiao.Formats.Xlsx;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;

namespace Jixiao.Tests.Export;

/// <summary>
/// Text projections of the outputs, compared with golden files in tests/data/export/golden: the HTML markup, the xlsx
/// as a dump of cells, merges, styles and print setup, the PDF as its page count and the table our reader rebuilds
/// from it. No binary is compared byte for byte. To rewrite the files after an intended change, run the tests with
/// JIXIAO_UPDATE_GOLDEN=1 and read the diff against the seed text before committing it.
/// </summary>
[Collection(PrinterCollection.Name)]
public class GoldenProjectionTests(PrinterFixture fixture)
{
    [Theory]
    [MemberData(nameof(ExportSupport.SeedFormCases), MemberType = typeof(ExportSupport))]
    public void Html_markup_of_each_seed_form(string seedCase, int index) =>
        Golden($"{seedCase}-{index}.html", HtmlRenderer.RenderFragment(ExportSupport.Seed(seedCase, index)));

    [Theory]
    [MemberData(nameof(ExportSupport.SeedFormCases), MemberType = typeof(ExportSupport))]
    public void Xlsx_cells_merges_styles_and_print_setup_of_each_seed_form(string seedCase, int index) =>
        Golden($"{seedCase}-{index}.xlsx.txt", XlsxDump(XlsxWriter.Write(ExportSupport.Seed(seedCase, index))));

    [Theory]
    [MemberData(nameof(ExportSupport.SeedFormCases), MemberType = typeof(ExportSupport))]
    public async Task Pdf_pages_and_text_of_each_seed_form(string seedCase, int index)
    {
        var pdf = await fixture.Printer.PrintAsync(ExportSupport.Seed(seedCase, index));
        Golden($"{seedCase}-{index}.pdf.txt", PdfDump(pdf));
    }

    /// <summary>The 监控表 case (tests/data/monitoring/shenghuoyizhan-1-7) in each output, with its 执行率 as saving gives it.</summary>
    private static Jixiao.Core.Model.MonitoringForm MonitoringCase()
    {
        var f = MonitoringSupport.Case();
        f.Funds.Rows[0].ExecutionRate = 34.46m; // 10.20 ÷ 29.60 × 100
        f.Funds.Rows[1].ExecutionRate = 34.46m;
        return f;
    }

    [Fact]
    public void Html_markup_of_the_monitoring_case() =>
        Golden("monitoring-shenghuoyizhan.html", HtmlRenderer.RenderFragment(MonitoringCase()));

    [Fact]
    public void Xlsx_cells_merges_styles_and_print_setup_of_the_monitoring_case() =>
        Golden("monitoring-shenghuoyizhan.xlsx.txt", XlsxDump(XlsxWriter.Write(MonitoringCase())));

    [Fact]
    public async Task Pdf_pages_and_text_of_the_monitoring_case() =>
        Golden("monitoring-shenghuoyizhan.pdf.txt", PdfDump(await fixture.Printer.PrintAsync(MonitoringCase())));

    /// <summary>
    /// The 汇总表 document, built from its parts instead of pinned whole: the frame every printed document shares
    /// (its own golden: doctype, title, print CSS), the summary's heading, then each declaration's own golden fragment
    /// in the order of the seed file. A part that changes, goes missing or moves fails the test, as the whole file did.
    /// </summary>
    [Fact]
    public void Html_document_of_the_seed_003_summary()
    {
        var summary = Jixiao.Formats.Import.FormImporter.ImportFile(TestData.CaseInput("seed-003")).Summaries.Single();
        // The unit and year's 汇总表 title: the document's title and the heading above the first declaration.
        const string title = "上海市奉贤区西渡街道社区党群服务中心2024年度项目绩效目标汇总表";
        Assert.Equal(title, OfficialLayout.SummaryTitle(summary));

        var frame = Golden("document-frame.html", HtmlRenderer.RenderDocument([], FrameTitle));
        if (Updating) return; // nothing is compared then; Html_markup_of_each_seed_form rewrites the fragments
        var declarations = new List<string>();
        for (int i = 0; File.Exists(GoldenPath($"seed-003-{i}.html")); i++) declarations.Add(ReadGolden($"seed-003-{i}.html"));
        Assert.Equal(3, declarations.Count); // 党建经费, 专户项目经费, 生活驿站运行经费

        var body = "<div class=\"jx-summary\">\n<h1 class=\"jx-summary-title\">" + title + "</h1>\n" + string.Concat(declarations) + "</div>\n";
        Assert.Single(Occurrences(frame, $"<title>{FrameTitle}</title>"));
        Assert.Single(Occurrences(frame, EmptyBody));
        var expected = frame.Replace($"<title>{FrameTitle}</title>", $"<title>{title}</title>").Replace(EmptyBody, "<body>\n" + body + "</body>\n");
        Assert.Equal(expected, HtmlRenderer.RenderSummaryDocument(summary).Replace("\r\n", "\n"));
    }

    /// <summary>The frame's golden is a document with no forms and this title, so it shows where each part goes.</summary>
    private const string FrameTitle = "{title}";

    private const string EmptyBody = "<body>\n</body>\n";

    private static IEnumerable<int> Occurrences(string text, string part)
    {
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
            yield return at;
    }

    // ------------------------------------------------------------ projections

    public static string PdfDump(byte[] pdf)
    {
        var sb = new StringBuilder();
        sb.Append("pages: ").Append(PageCount(pdf)).Append('\n');
        foreach (var row in PdfTableReader.ReadGrid(pdf))
            sb.Append(string.Join(" | ", row.Select(c => c.Replace("\n", "⏎")))).Append('\n');
        return sb.ToString();
    }

    private static int PageCount(byte[] pdf)
    {
        // Each page object is `/Type /Page` (the tree root is `/Type /Pages`).
        var text = Encoding.Latin1.GetString(pdf);
        int n = 0, at = 0;
        while ((at = text.IndexOf("/Type /Page", at, StringComparison.Ordinal)) >= 0)
        {
            at += 11;
            if (at >= text.Length || text[at] != 's') n++;
        }
        return n;
    }

    public static string XlsxDump(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var wb = doc.WorkbookPart!;
        var strings = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var ss = wb.WorkbookStylesPart!.Stylesheet;
        var xfs = ss.CellFormats!.Elements<CellFormat>().ToList();
        var fmts = ss.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode!.Value!) ?? new();
        var sb = new StringBuilder();
        foreach (var dn in wb.Workbook.DefinedNames?.Elements<DefinedName>() ?? [])
            sb.Append("name ").Append(dn.Name).Append(" (sheet ").Append(dn.LocalSheetId?.Value).Append("): ").Append(dn.Text).Append('\n');
        foreach (var sheet in wb.Workbook.Sheets!.Elements<Sheet>())
        {
            var ws = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet;
            sb.Append("sheet ").Append(sheet.Name).Append('\n');
            sb.Append("  columns: ").Append(string.Join(", ", ws.Descendants<Column>().Select(c => c.Width!.Value.ToString(CultureInfo.InvariantCulture)))).Append('\n');
            var ps = ws.Descendants<PageSetup>().SingleOrDefault();
            if (ps is not null)
                sb.Append($"  print: paper {ps.PaperSize?.Value}, {ps.Orientation?.Value}, fit {ps.FitToWidth?.Value} wide × {ps.FitToHeight?.Value} tall; footer {ws.Descendants<OddFooter>().SingleOrDefault()?.Text}\n");
            sb.Append("  merges: ").Append(string.Join(" ", ws.Descendants<MergeCell>().Select(m => m.Reference!.Value))).Append('\n');
            foreach (var row in ws.Descendants<Row>())
            {
                var cells = row.Elements<Cell>().Where(c => c.CellValue is not null).ToList();
                sb.Append("  row ").Append(row.RowIndex!.Value).Append(" h").Append(row.Height?.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
                foreach (var c in cells)
                {
                    var xf = xfs[(int)(c.StyleIndex?.Value ?? 0)];
                    var text = c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)] : c.CellValue!.Text;
                    uint nf = xf.NumberFormatId?.Value ?? 0;
                    var format = nf switch { 0 => "", 1 => "0", 2 => "0.00", 3 => "#,##0", 4 => "#,##0.00", _ => fmts.GetValueOrDefault(nf, nf.ToString(CultureInfo.InvariantCulture)) };
                    var a = xf.Alignment;
                    sb.Append("    ").Append(c.CellReference).Append(" [")
                      .Append(xf.FontId?.Value == 1 || xf.FontId?.Value == 2 ? "bold " : "")
                      .Append(xf.BorderId?.Value == 1 ? "border " : "")
                      .Append(xf.FillId?.Value == 2 ? "shaded " : "")
                      .Append(a?.Horizontal?.Value.ToString().ToLowerInvariant() ?? "").Append(a?.WrapText?.Value == true ? " wrap" : "")
                      .Append(format.Length > 0 ? " " + format : "").Append("] ").Append(text).Append('\n');
                }
            }
        }
        return sb.ToString();
    }

    // ------------------------------------------------------------ golden files

    private static bool Updating => Environment.GetEnvironmentVariable("JIXIAO_UPDATE_GOLDEN") == "1";

    private static string GoldenPath(string name) => Path.Combine(TestData.Root, "export", "golden", name);

    private static string ReadGolden(string name) => File.ReadAllText(GoldenPath(name)).Replace("\r\n", "\n");

    /// <summary>Compares with the golden file (or rewrites it); returns the golden text, for a test that builds on it.</summary>
    private static string Golden(string name, string actual)
    {
        actual = actual.Replace("\r\n", "\n");
        if (Updating)
        {
            var source = Path.Combine(SourceDataDir(), "export", "golden", name);
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, actual, new UTF8Encoding(false));
            return actual;
        }
        Assert.True(File.Exists(GoldenPath(name)), $"golden file missing: tests/data/export/golden/{name} (run with JIXIAO_UPDATE_GOLDEN=1)");
        var golden = ReadGolden(name);
        Assert.Equal(golden, actual);
        return golden;
    }

    private static string SourceDataDir()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !Directory.Exists(Path.Combine(dir, "tests", "data"))) dir = Path.GetDirectoryName(dir);
        return Path.Combine(dir ?? throw new DirectoryNotFoundException("tests/data"), "tests", "data");
    }
}
