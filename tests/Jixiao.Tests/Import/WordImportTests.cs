using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Core.Interchange;
using Jixiao.Formats.Cases;
using Jixiao.Formats.Import;
using Jixiao.Formats.Word;
using Jixiao.Formats.Xlsx;
using Jixiao.Tests.Export;
using static Jixiao.Tests.Import.WordFiles;

namespace Jixiao.Tests.Import;

/// <summary>
/// Word documents: the cells read from a .docx (merged cells where Word shows them), the seed forms as .docx and .doc
/// (LibreOffice's Word filters, tests/data/word/make-fixtures.sh) importing as their hand-written expectations, and
/// broken or hostile files refused with a Chinese message that says what is wrong.
/// </summary>
public class WordImportTests
{
    [Fact]
    public void A_hand_made_self_evaluation_reads_as_the_cells_Word_shows()
    {
        var grid = DocxReader.ReadGrid(SelfEvaluation2023());

        // Written from the table WordFiles builds: merged cells keep their text in the first (top-left) cell only.
        string[][] expected =
        [
            ["2023年度项目支出绩效自评表"],
            ["单位（盖章）：青山县农业农村局 填报日期：2024年3月1日"],
            ["项目名称", "", "高标准农田建设补助", "", "", "", "", ""],
            ["主管部门", "", "青山县农业农村局", "", "实施单位", "", "青山县农田建设服务中心", ""],
            ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率(%)", "得分"],
            ["", "年度资金总额", "500.00", "520.00", "494.00", "10.00", "95.00", "9.50"],
            ["", "其中：当年财政拨款", "500.00", "520.00", "494.00", "-", "95.00", "-"],
            ["", "上年结转资金", "0.00", "0.00", "0.00", "-", "0.00", "-"],
            ["", "其他资金", "0.00", "0.00", "0.00", "-", "0.00", "-"],
            ["年度总体目标", "预期目标", "", "", "实际完成情况", "", "", ""],
            ["", "新建高标准农田2000亩，\n改善灌溉条件。", "", "", "新建高标准农田2050亩，全部通过县级验收。", "", "", ""],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
            ["产出指标", "数量指标", "新建高标准农田面积", "≥2000(亩)", "2050(亩)", "20.00", "20.00", ""],
            ["", "质量指标", "工程验收合格率", "=100(%)", "100(%)", "20.00", "20.00", ""],
            ["", "时效指标", "项目完工及时率", "≥95(%)", "90(%)", "10.00", "9.00", "受雨季影响，\n2处工程延期完工"],
            ["效益指标", "经济效益指标", "亩均粮食增产", "≥50(公斤)", "55(公斤)", "15.00", "15.00", ""],
            ["", "社会效益指标", "受益农户数", "≥800(户)", "820(户)", "15.00", "15.00", ""],
            ["满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90(%)", "96(%)", "10.00", "10.00", ""],
            ["总分", "", "", "", "", "100.00", "98.50", ""],
            ["评分等级", "", "优", "", "", "", "", ""],
        ];
        Assert.Equal(expected, grid);
    }

    [Fact]
    public void A_hand_made_self_evaluation_imports_as_the_form_it_shows()
    {
        // The expectation is written from the table; a cell's lines join as every wrapped cell does (ChineseText.JoinWrapped).
        var result = FormImporter.Import(SelfEvaluation2023(), "青山县高标准农田自评表.docx");

        Assert.Equal("docx", result.Encoding);
        Assert.DoesNotContain(result.Problems, p => p.IsError);
        AssertMatches(File.ReadAllText(Fixture("self-evaluation-2023.expected.json")), result);
    }

    [Fact]
    public void A_table_inside_a_cell_becomes_rows_when_it_is_all_the_row_holds_and_lines_of_text_otherwise()
    {
        var inner = Table(Row(C("一级指标"), C("二级指标")), Row(C("产出指标"), C("数量指标")));
        var docx = Docx(
            Table(
                Row(C(""), Cell(1, null, new Paragraph(), inner)),
                Row(C("说明"), Cell(1, null, P("见下表："), Table(Row(C("甲"), C(""), C("乙")), Row(C("丙")))))),
            new Paragraph(),
            Table(Row(new TableRowProperties(new GridBefore { Val = 2 }), C("右"))));

        var grid = DocxReader.ReadGrid(docx);

        string[][] expected =
        [
            ["", "一级指标", "二级指标"],  // the frame row: the inner table's rows in its place, from the cell's column
            ["", "产出指标", "数量指标"],
            ["说明", "见下表：\n甲 乙\n丙"],
            [],                          // the empty paragraph between the tables
            ["", "", "右"],              // w:gridBefore leaves the first two grid columns empty
        ];
        Assert.Equal(expected, grid);
    }

    public static TheoryData<string, string> SeedFixtures() => new()
    {
        { "seed-000.docx", "seed-000" }, { "seed-001.docx", "seed-001" }, { "seed-003.docx", "seed-003" },
        { "seed-004.docx", "seed-004" }, { "seed-000.doc", "seed-000" }, { "seed-003.doc", "seed-003" },
    };

    [Theory]
    [MemberData(nameof(SeedFixtures))]
    public void A_seed_written_as_a_Word_file_imports_as_the_seeds_hand_written_expectation(string fixture, string seed)
    {
        var result = FormImporter.ImportFile(Fixture(fixture), fixture);

        Assert.Equal(Path.GetExtension(fixture)[1..], result.Encoding);
        Assert.DoesNotContain(result.Problems, p => p.IsError);
        AssertMatches(File.ReadAllText(Path.Combine(TestData.Case(seed), "expected.json")), result);
    }

    [Fact]
    public void A_docx_is_told_from_an_xlsx_by_its_parts_even_when_cut_short()
    {
        var docx = File.ReadAllBytes(Fixture("seed-000.docx"));
        var xlsx = XlsxWriter.Write(ExportSupport.Seed("seed-000", 0));

        Assert.True(OfficeZip.IsWordDocument(docx));
        Assert.True(OfficeZip.IsWordDocument(docx.AsSpan(0, docx.Length / 2)));
        Assert.False(OfficeZip.IsWordDocument(xlsx));
        Assert.True(DocReader.IsWordDocument(File.ReadAllBytes(Fixture("seed-000.doc"))));
        Assert.False(DocReader.IsWordDocument(File.ReadAllBytes(Path.Combine(TestData.Root, "export", "seed-004-distance-education.xls"))));
    }

    // ------------------------------------------------------------ broken and hostile files

    [Fact]
    public void A_truncated_docx_is_reported_as_a_damaged_Word_file()
    {
        var docx = File.ReadAllBytes(Fixture("seed-004.docx"));

        var r = FormImporter.Import(docx[..(docx.Length / 2)], "半截.docx");

        Assert.Empty(r.Forms);
        var p = Assert.Single(r.Problems);
        Assert.Equal("半截.docx: 文件损坏：不是完整的 docx 压缩包", p.ToString());
    }

    [Fact]
    public void A_docx_zip_bomb_is_refused_before_it_is_inflated_beyond_the_cap()
    {
        // 60 MB of spaces inside the body compress to about 60 KB: more than the 50 MB the reader inflates.
        var body = Encoding.UTF8.GetBytes("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>");
        var bomb = SpreadsheetReadingTests.Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types/>")),
            ("word/document.xml", [.. body, .. new byte[60 * 1024 * 1024].Select(_ => (byte)' ')]));
        Assert.True(bomb.Length < 1024 * 1024);

        var r = FormImporter.Import(bomb, "炸弹.docx");

        Assert.Empty(r.Forms);
        Assert.Equal("解压后超过 50 MB，不是绩效表（可能是恶意的压缩文件），已拒绝读取", Assert.Single(r.Problems).Message);
    }

    [Fact]
    public void Content_nested_past_the_cap_is_refused_by_name_not_followed_into_a_stack_overflow()
    {
        // Content controls inside content controls, 100,000 deep: a few hundred KB, each level one more recursion.
        var docx = Docx(P("标题"));
        var deep = new StringBuilder("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
        for (int i = 0; i < 100_000; i++) deep.Append("<w:sdt><w:sdtContent>");
        var hostile = ReplacePart(docx, "word/document.xml", Encoding.UTF8.GetBytes(deep.ToString()));

        var r = FormImporter.Import(hostile, "套娃.docx");

        Assert.Empty(r.Forms);
        Assert.Equal($"文档的 XML 嵌套超过 {DocxReader.MaxDepth} 层（表格或内容控件套得过深），不是绩效表（可能是恶意文件），已拒绝读取",
            Assert.Single(r.Problems).Message);
    }

    [Fact]
    public void A_zip_of_Word_parts_without_a_document_body_is_not_a_Word_document()
    {
        var zip = SpreadsheetReadingTests.Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")),
            ("word/styles.xml", Encoding.UTF8.GetBytes("<styles/>")));

        var r = FormImporter.Import(zip, "样式.docx");

        Assert.Empty(r.Forms);
        Assert.Contains(r.Problems, p => p.IsError && p.Message.Contains("Word 文档"));
    }

    [Fact]
    public void A_doc_that_LibreOffice_cannot_load_is_refused_with_what_to_do()
    {
        var doc = File.ReadAllBytes(Fixture("seed-000.doc"));
        ZeroWordDocumentStreamStart(doc);  // the File Information Block: without it no program can read the text

        var r = FormImporter.Import(doc, "损坏.doc");

        Assert.Empty(r.Forms);
        Assert.Equal("损坏.doc: Word 97-2003 (.doc) 文件无法转换（文件损坏、格式不符或设有打开密码）；请在 Word 中打开后另存为 .docx 再导入",
            Assert.Single(r.Problems).ToString());
    }

    [Fact]
    public void Without_LibreOffice_the_message_says_what_to_install()
    {
        var doc = File.ReadAllBytes(Fixture("seed-000.doc"));

        var ex = Assert.Throws<UnreadableFileException>(() => DocReader.ConvertToDocx(doc, "/nonexistent/soffice", TimeSpan.FromSeconds(5)));

        Assert.Equal("读取 Word 97-2003 (.doc) 文件需要 LibreOffice（未找到 /nonexistent/soffice）：apt-get install -y --no-install-recommends "
                     + "libreoffice-writer-nogui；或在 Word 中另存为 .docx 再导入", ex.Message);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]  // the converter is Debian's LibreOffice
    public void A_converter_that_does_not_finish_is_stopped_at_the_time_limit()
    {
        // A stand-in that hangs as a converter caught in a hostile file would; the real LibreOffice needs about 1 s.
        var dir = Directory.CreateTempSubdirectory("jixiao-hang-");
        try
        {
            var hang = Path.Combine(dir.FullName, "soffice");
            File.WriteAllText(hang, "#!/bin/sh\nsleep 60\n");
            File.SetUnixFileMode(hang, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var clock = Stopwatch.StartNew();

            var ex = Assert.Throws<UnreadableFileException>(() =>
                DocReader.ConvertToDocx(File.ReadAllBytes(Fixture("seed-000.doc")), hang, TimeSpan.FromSeconds(2)));

            Assert.InRange(clock.Elapsed.TotalSeconds, 1.5, 20);
            Assert.Equal("Word 97-2003 (.doc) 文件转换超时（超过 2 秒），可能是损坏或恶意的文件；请在 Word 中另存为 .docx 再导入", ex.Message);
        }
        finally { dir.Delete(true); }
    }

    // ------------------------------------------------------------ helpers

    /// <summary>The expectation ⊆ the forms read, without `line`, `source` and `warnings`: positions in a text file, not in a Word one.</summary>
    private static void AssertMatches(string expectedJson, ImportResult result)
    {
        var expected = WithoutPositions(JsonNode.Parse(expectedJson));
        var diffs = JsonSubset.Differences(expected, JsonNode.Parse(FormJson.Serialize(result.Forms)));
        Assert.True(diffs.Count == 0, $"{result.File}: {diffs.Count} differences\n" + string.Join("\n", diffs.Take(40)));
    }

    private static JsonNode? WithoutPositions(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            foreach (var key in new[] { "line", "source", "warnings" }) o.Remove(key);
            foreach (var (_, v) in o) WithoutPositions(v);
        }
        else if (node is JsonArray a)
            foreach (var v in a) WithoutPositions(v);
        return node;
    }

    private static byte[] ReplacePart(byte[] package, string name, byte[] content)
    {
        using var source = new System.IO.Compression.ZipArchive(new MemoryStream(package));
        return SpreadsheetReadingTests.Zip([.. source.Entries.Select(e =>
        {
            if (e.FullName == name) return (e.FullName, content);
            using var s = e.Open();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return (e.FullName, ms.ToArray());
        })]);
    }

    /// <summary>Zeroes the first KB of the `WordDocument` stream, found through its OLE directory entry (start sector at 116).</summary>
    private static void ZeroWordDocumentStreamStart(byte[] doc)
    {
        var name = Encoding.Unicode.GetBytes("WordDocument\0");
        int entry = Enumerable.Range(0, doc.Length / 128).Select(i => i * 128).First(at => at >= 512 && doc.AsSpan(at, name.Length).SequenceEqual(name));
        int sectorSize = 1 << BinaryPrimitives.ReadUInt16LittleEndian(doc.AsSpan(30));
        int start = (int)BinaryPrimitives.ReadUInt32LittleEndian(doc.AsSpan(entry + 116));
        Array.Clear(doc, (start + 1) * sectorSize, 1024);
    }
}
