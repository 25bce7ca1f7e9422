using System.Globalization;
using System.IO.Compression;
using System.Text;
using Jixiao.Formats.Import;
using Jixiao.Formats.Xlsx;

namespace Jixiao.Tests.Export;

/// <summary>
/// Hostile workbooks, built here byte by byte: a small upload that inflates to tens of megabytes, or keeps more rows,
/// cells, shared strings or text than a form ever has. Each is refused with a message that names what was exceeded, or
/// read, and either way within memory that does not grow with what the file inflates to. The memory bound is the
/// bytes allocated while reading (on this thread), set well below the inflated size: the document-tree reader that
/// came before accepted every one of these files but the one of too many rows (with a message that did not name the
/// sheet), and allocated 230 MB (the long tag) to 1.5 GB (the styles) on each of the large ones, 890 MB on the 45 MB
/// of empty cells.
/// </summary>
public class XlsxBoundsTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const long MB = 1024 * 1024;

    [Fact]
    public void A_sheet_with_more_rows_than_the_cap_is_refused_by_name()
    {
        var atCap = Workbook([("项目表", w => Rows(w, XlsxReader.MaxRows))]);
        var overCap = Workbook([("项目表", w => Rows(w, XlsxReader.MaxRows + 1))]);

        Assert.Equal(XlsxReader.MaxRows, XlsxReader.ReadGrid(atCap).Count);
        var r = FormImporter.Import(overCap, "很长.xlsx");

        Assert.Empty(r.Forms);
        Assert.Contains(r.Problems, p => p.IsError && p.Message == "工作表“项目表”超过 20000 行，不是绩效表");
    }

    [Fact]
    public void A_shared_string_table_of_millions_of_entries_is_refused_without_being_loaded()
    {
        const int entries = 2_500_000;
        var book = Workbook([("Sheet1", w => w.Write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"))],
            sharedStrings: w => { for (int i = 0; i < entries; i++) w.Write("<si><t>a</t></si>"); });
        Assert.InRange(Inflated(book), 40 * MB, XlsxReader.MaxUncompressedBytes);

        var (error, allocated) = Refusal(book);

        Assert.Equal($"共享字符串表超过 {XlsxReader.MaxSharedStrings} 条，不是绩效表", error);
        Assert.InRange(allocated, 0, 16 * MB);
    }

    [Fact]
    public void Shared_strings_count_against_the_cap_on_text()
    {
        // 100 strings of 30,000 characters: few entries, but 3 million characters.
        var book = Workbook([("Sheet1", w => w.Write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"))],
            sharedStrings: w => { for (int i = 0; i < 100; i++) w.Write($"<si><t>{new string('字', 30_000)}</t></si>"); });

        var (error, _) = Refusal(book);

        Assert.Equal("文字超过 200 万字（读到共享字符串表时；共享字符串也计在内），不是绩效表", error);
    }

    [Fact]
    public void A_cell_of_forty_million_characters_is_refused_without_being_held()
    {
        var book = Workbook([("Sheet1", w =>
        {
            w.Write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>");
            for (int i = 0; i < 40; i++) w.Write(new string('x', 1_000_000));
            w.Write("</t></is></c></row>");
        })]);
        Assert.InRange(Inflated(book), 38 * MB, XlsxReader.MaxUncompressedBytes);

        var (error, allocated) = Refusal(book);

        Assert.StartsWith("文字超过 200 万字", error);
        Assert.InRange(allocated, 0, 16 * MB);
    }

    [Fact]
    public void A_sheet_of_45_MB_of_empty_cells_reads_the_form_in_it_within_bounded_memory()
    {
        // The form of a person's hand-made sheet in its first rows, then empty styled cells on every row up to the last
        // allowed.
        var plain = Workbook([("申报表", w => FormRows(w, padded: false))]);
        var padded = Workbook([("申报表", w => FormRows(w, padded: true))]);
        Assert.InRange(Inflated(padded), 40 * MB, XlsxReader.MaxUncompressedBytes);
        Assert.True(padded.Length < 512 * 1024, $"{padded.Length} bytes");

        var expected = XlsxReader.ReadGrid(plain);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var grid = XlsxReader.ReadGrid(padded);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(expected, grid);
        Assert.InRange(allocated, 0, 4 * MB);
        var form = Assert.Single(FormImporter.Import(padded, "手工表.xlsx").Forms);
        Assert.Equal("社区食堂补贴", form.ProjectName);
        Assert.Equal(["助餐服务人次", "老年人满意度"], form.Indicators.Select(i => i.Name));
    }

    [Fact]
    public void A_sheet_of_45_MB_of_one_repeated_cell_is_refused_at_the_cell_cap()
    {
        // Every cell the same shared string: no text to speak of, but 1.28 million cells for the form reader.
        var book = Workbook([("Sheet1", w =>
        {
            for (int r = 1; r <= XlsxReader.MaxRows; r++)
            {
                w.Write($"<row r=\"{r}\">");
                for (int c = 0; c < XlsxReader.MaxColumns; c++) w.Write($"<c r=\"{Ref(r, c)}\" s=\"0\" t=\"s\"><v>0</v></c>");
                w.Write("</row>");
            }
        })], sharedStrings: w => w.Write("<si><t>重复</t></si>"));
        Assert.InRange(Inflated(book), 40 * MB, XlsxReader.MaxUncompressedBytes);

        var (error, allocated) = Refusal(book);

        Assert.Equal($"单元格超过 {XlsxReader.MaxCells} 个（读到工作表“Sheet1”时），不是绩效表", error);
        Assert.InRange(allocated, 0, 8 * MB);
    }

    [Fact]
    public void The_cell_cap_counts_the_grid_handed_on_over_all_sheets()
    {
        // Two sheets of 20,000 rows × 6 columns: 240,000 cells, each sheet alone under the cap.
        void Sheet(TextWriter w)
        {
            for (int r = 1; r <= XlsxReader.MaxRows; r++)
                w.Write($"<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c><c r=\"F{r}\"><v>1</v></c></row>");
        }
        var one = Workbook([("一", Sheet)]);
        var two = Workbook([("一", Sheet), ("二", Sheet)]);

        Assert.Equal(XlsxReader.MaxRows, XlsxReader.ReadGrid(one).Count);
        Assert.Equal($"单元格超过 {XlsxReader.MaxCells} 个（读到工作表“二”时），不是绩效表", Refusal(two).Error);
    }

    [Fact]
    public void A_styles_part_of_millions_of_cell_formats_is_refused_without_being_loaded()
    {
        var book = Workbook([("Sheet1", w => w.Write("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))],
            styles: w =>
            {
                w.Write("<cellXfs>");
                for (int i = 0; i < 4_000_000; i++) w.Write("<xf/>");
                w.Write("</cellXfs>");
            });

        var (error, allocated) = Refusal(book);

        Assert.Equal($"样式表超过 {XlsxReader.MaxCellFormats} 种单元格格式，不是绩效表", error);
        Assert.InRange(allocated, 0, 4 * MB);
    }

    [Fact]
    public void A_tag_of_many_megabytes_is_refused_before_the_xml_reader_holds_it()
    {
        // XmlReader holds a start tag with all its attributes at once: one 40 MB attribute would cost it 200 MB.
        var book = Workbook([("Sheet1", w =>
        {
            w.Write("<row r=\"1\"><c r=\"A1\" x=\"");
            for (int i = 0; i < 40; i++) w.Write(new string('x', 1_000_000));
            w.Write("\"><v>1</v></c></row>");
        })]);

        var (error, allocated) = Refusal(book);

        Assert.Equal($"文件中有超过 {XlsxReader.MaxMarkupBytes / 1024} KB 的 XML 标记，不是绩效表（可能是恶意文件），已拒绝读取", error);
        Assert.InRange(allocated, 0, 4 * MB);
    }

    [Fact]
    public void One_sheet_named_many_times_counts_each_reading_against_the_zip_cap()
    {
        // 600 sheets that all point at the same 100 KB part: 60 MB to read, from a part inflated once by the zip check.
        var book = Workbook([("Sheet1", w => { for (int r = 1; r <= 3000; r++) w.Write($"<row r=\"{r}\"><c r=\"A{r}\" s=\"0\"/></row>"); })],
            sheetEntries: 600);
        Assert.InRange(Inflated(book), 0, 1 * MB);

        Assert.Equal("解压后超过 50 MB，不是绩效表（可能是恶意的压缩文件），已拒绝读取", Refusal(book).Error);
    }

    [Fact]
    public void Relationships_parsed_whole_when_the_package_opens_have_a_cap_of_their_own()
    {
        var book = Workbook([("Sheet1", w => w.Write("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))], relationshipPadding: 2 * (int)MB);

        Assert.Equal("压缩包中的“xl/_rels/workbook.xml.rels”解压后超过 1 MB，不是绩效表（可能是恶意的压缩文件），已拒绝读取", Refusal(book).Error);
    }

    [Fact]
    public void Long_texts_and_sheets_saved_as_UTF_16_are_not_taken_for_long_markup()
    {
        // The markup limit watches `<`, `>` and quotes: in UTF-16 it must read 16-bit units, or the bytes of 丼 (U+4E3C)
        // and 㰀 (U+3C00) would look like `<`. A text of 300,000 characters is content, not markup.
        var text = new string('丼', 150_000) + new string('㰀', 150_000);
        var xml = $"<?xml version=\"1.0\" encoding=\"UTF-16\"?><worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\">"
                  + $"<c r=\"A1\" t=\"inlineStr\"><is><t>{text}</t></is></c><c r=\"B1\" t=\"str\"><v>十六位</v></c></row></sheetData></worksheet>";
        var book = Workbook([("Sheet1", _ => { })]);
        using (var ms = new MemoryStream())
        {
            using (var source = new ZipArchive(new MemoryStream(book), ZipArchiveMode.Read))
            using (var copy = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
                foreach (var e in source.Entries)
                {
                    using var to = copy.CreateEntry(e.FullName).Open();
                    if (e.FullName == "xl/worksheets/sheet1.xml") to.Write([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml)]);
                    else { using var from = e.Open(); from.CopyTo(to); }
                }
            book = ms.ToArray();
        }

        var grid = XlsxReader.ReadGrid(book);

        Assert.Equal([text, "十六位"], Assert.Single(grid));
    }

    [Fact]
    public void Checking_the_zip_inflates_through_a_buffer_and_keeps_nothing()
    {
        var book = Workbook([("申报表", w => FormRows(w, padded: true))]);

        long before = GC.GetAllocatedBytesForCurrentThread();
        XlsxReader.CheckZip(book);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(allocated, 0, 1 * MB);
    }

    // ------------------------------------------------------------ helpers

    /// <summary>The message of the refusal and the bytes allocated on this thread while reading up to it.</summary>
    private static (string Error, long Allocated) Refusal(byte[] book)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<UnreadableFileException>(() => XlsxReader.ReadGrid(book));
        return (ex.Message, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>`A1` for row 1, column 0.</summary>
    private static string Ref(int row, int col)
    {
        var name = "";
        for (int c = col + 1; c > 0; c = (c - 1) / 26) name = (char)('A' + (c - 1) % 26) + name;
        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    private static long Inflated(byte[] book)
    {
        using var zip = new ZipArchive(new MemoryStream(book), ZipArchiveMode.Read);
        return zip.Entries.Sum(e => e.Length);
    }

    private static void Rows(TextWriter w, int count)
    {
        for (int r = 1; r <= count; r++) w.Write($"<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c></row>");
    }

    private static void FormRows(TextWriter w, bool padded)
    {
        string?[][] form =
        [
            ["财政项目支出绩效目标申报表"],
            ["（2025年度）"],
            ["项目名称", "社区食堂补贴", "项目性质", "其他经常性项目", "项目类别", "特定目标类"],
            ["主管部门", "某街道办事处", null, "实施单位", "某社区事务受理服务中心"],
            ["计划开始日期", "2025-01-01", null, "计划完成日期", "2025-12-31"],
            ["项目资金（元）", "项目资金总额", "300000", "年度资金申请总额", null, "300000"],
            [null, "其中：财政资金", "300000", "其中：当年财政拨款", null, "300000"],
            ["项目绩效目标", "项目总目标", null, "年度总体目标"],
            [null, null, null, "为辖区老年人提供助餐服务。"],
            ["一级指标", "二级指标", "三级指标", null, "年度(/项目)指标值"],
            ["产出指标", "数量指标", "助餐服务人次", null, "≥20000(人次)"],
            ["满意度指标", "服务对象满意度指标", "老年人满意度", null, "≥90(%)"],
        ];
        int last = padded ? XlsxReader.MaxRows : form.Length;
        for (int r = 1; r <= last; r++)
        {
            w.Write($"<row r=\"{r}\">");
            var texts = r <= form.Length ? form[r - 1] : [];
            // Past the form's cells, empty cells without a reference (each the column after the one before), on past
            // the last column read: a sheet formatted far beyond its content, and what makes the file compress 200:1.
            int columns = padded ? 86 : texts.Length;
            for (int c = 0; c < columns; c++)
            {
                var reference = Ref(r, c);
                if (c < texts.Length && texts[c] is { } text)
                    w.Write(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                        ? $"<c r=\"{reference}\"><v>{text}</v></c>"
                        : $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{text}</t></is></c>");
                else if (padded)
                    w.Write("<c s=\"0\" t=\"n\"><v></v></c>");
            }
            w.Write("</row>");
        }
    }

    /// <summary>
    /// A minimal xlsx written entry by entry, each part streamed into the zip so that the test holds no inflated part
    /// itself. sheetEntries lists the first sheet that many times in the workbook; relationshipPadding adds that many
    /// bytes of external links to the workbook's relationships.
    /// </summary>
    private static byte[] Workbook((string Name, Action<TextWriter> Rows)[] sheets, Action<TextWriter>? sharedStrings = null,
        Action<TextWriter>? styles = null, int sheetEntries = 0, int relationshipPadding = 0)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Put(string name, Action<TextWriter> write)
            {
                using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false), 1 << 16);
                w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
                write(w);
            }
            const string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
            Put("[Content_Types].xml", w =>
            {
                w.Write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
                w.Write("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>");
                w.Write("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
                w.Write("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
                for (int i = 1; i <= sheets.Length; i++)
                    w.Write($"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                if (sharedStrings is not null)
                    w.Write("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
                if (styles is not null)
                    w.Write("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
                w.Write("</Types>");
            });
            Put("_rels/.rels", w => w.Write(
                $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            Put("xl/_rels/workbook.xml.rels", w =>
            {
                w.Write("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
                for (int i = 1; i <= sheets.Length; i++)
                    w.Write($"<Relationship Id=\"rId{i}\" Type=\"{rel}/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>");
                if (sharedStrings is not null) w.Write($"<Relationship Id=\"rIdS\" Type=\"{rel}/sharedStrings\" Target=\"sharedStrings.xml\"/>");
                if (styles is not null) w.Write($"<Relationship Id=\"rIdT\" Type=\"{rel}/styles\" Target=\"styles.xml\"/>");
                for (int i = 0; i < relationshipPadding / 128; i++)
                    w.Write($"<Relationship Id=\"rIdX{i}\" Type=\"{rel}/hyperlink\" Target=\"http://example.com/{i:D12}\" TargetMode=\"External\"/>");
                w.Write("</Relationships>");
            });
            Put("xl/workbook.xml", w =>
            {
                w.Write($"<workbook xmlns=\"{Main}\" xmlns:r=\"{rel}\"><sheets>");
                for (int i = 1; i <= sheets.Length; i++)
                    w.Write($"<sheet name=\"{sheets[i - 1].Name}\" sheetId=\"{i}\" r:id=\"rId{i}\"/>");
                for (int i = 1; i < sheetEntries; i++)
                    w.Write($"<sheet name=\"{sheets[0].Name} ({i})\" sheetId=\"{sheets.Length + i}\" r:id=\"rId1\"/>");
                w.Write("</sheets></workbook>");
            });
            for (int i = 1; i <= sheets.Length; i++)
            {
                var rows = sheets[i - 1].Rows;
                Put($"xl/worksheets/sheet{i}.xml", w =>
                {
                    w.Write($"<worksheet xmlns=\"{Main}\"><sheetData>");
                    rows(w);
                    w.Write("</sheetData></worksheet>");
                });
            }
            if (sharedStrings is not null)
                Put("xl/sharedStrings.xml", w => { w.Write($"<sst xmlns=\"{Main}\">"); sharedStrings(w); w.Write("</sst>"); });
            if (styles is not null)
                Put("xl/styles.xml", w => { w.Write($"<styleSheet xmlns=\"{Main}\">"); styles(w); w.Write("</styleSheet>"); });
        }
        return ms.ToArray();
    }
}
