using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jixiao.Tests.Import;

/// <summary>
/// Word documents built here with OpenXML, as Word itself writes them: tables on a grid with cells merged across
/// (gridSpan) and down (vMerge), text split over runs, line breaks, revisions, hidden text, content controls.
/// </summary>
internal static class WordFiles
{
    public static string Fixture(string name) => Path.Combine(TestData.Root, "word", name);

    public static byte[] Docx(params OpenXmlElement[] body)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(body));
        }
        return ms.ToArray();
    }

    /// <summary>A paragraph of runs, each a piece of text (Word splits text into runs wherever formatting changes).</summary>
    public static Paragraph P(params string[] runs) => new(runs.Select(t => (OpenXmlElement)Run(t)));

    public static Run Run(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    public static Table Table(params TableRow[] rows)
    {
        int columns = rows.Max(r => r.Elements<TableCell>().Sum(c => c.TableCellProperties?.GridSpan?.Val?.Value ?? 1));
        var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single })),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = "1000" })));
        table.Append(rows);
        return table;
    }

    /// <summary>A row of cells, its properties (w:trPr) first when it has any.</summary>
    public static TableRow Row(params OpenXmlElement[] cells) => new(cells);

    /// <summary>A cell of one or more paragraphs (one per text), across <paramref name="span"/> grid columns.</summary>
    public static TableCell C(string text, int span = 1) => Cell(span, null, P(text));

    /// <summary>The top cell of a vertical merge.</summary>
    public static TableCell Top(string text, int span = 1) => Cell(span, new VerticalMerge { Val = MergedCellValues.Restart }, P(text));

    /// <summary>A cell that continues the vertical merge above it: Word writes an empty paragraph into it.</summary>
    public static TableCell Under(int span = 1) => Cell(span, new VerticalMerge(), new Paragraph());

    public static TableCell Cell(int span, VerticalMerge? merge, params OpenXmlElement[] content)
    {
        var props = new TableCellProperties();
        if (span > 1) props.Append(new GridSpan { Val = span });
        if (merge is not null) props.Append(merge);
        var cell = new TableCell(props);
        cell.Append(content);
        return cell;
    }

    /// <summary>
    /// A 2023 自评表 as a unit types it into Word: the title and the 单位（盖章） line as paragraphs, then one table of
    /// 8 grid columns. 项目资金, 年度总体目标 and the 一级指标 are merged down, labels and values merged across. The
    /// project name is split over two runs with a deleted revision between, a goal has two paragraphs, a deviation
    /// reason a line break, an empty cell holds hidden text, and a score sits in a content control.
    /// </summary>
    public static byte[] SelfEvaluation2023() => Docx(
        P("2023年度项目支出绩效自评表"),
        new Paragraph(Run("单位（盖章）：青山县农业农村局"), new Run(new TabChar()), Run("填报日期：2024年3月1日")),
        Table(
            Row(C("项目名称", 2),
                Cell(6, null, new Paragraph(Run("高标准农田"), new DeletedRun(new Run(new DeletedText("旧项目名称"))), Run("建设补助")))),
            Row(C("主管部门", 2), C("青山县农业农村局", 2), C("实施单位", 2), C("青山县农田建设服务中心", 2)),
            Row(Top("项目资金（万元）"), C(""), C("年初预算数"), C("全年预算数"), C("全年执行数"), C("分值"), C("执行率(%)"), C("得分")),
            Row(Under(), C("年度资金总额"), C("500.00"), C("520.00"), C("494.00"), C("10.00"), C("95.00"), C("9.50")),
            Row(Under(), C("其中：当年财政拨款"), C("500.00"), C("520.00"), C("494.00"), C("-"), C("95.00"), C("-")),
            Row(Under(), C("上年结转资金"), C("0.00"), C("0.00"), C("0.00"), C("-"), C("0.00"), C("-")),
            Row(Under(), C("其他资金"), C("0.00"), C("0.00"), C("0.00"), C("-"), C("0.00"), C("-")),
            Row(Top("年度总体目标"), C("预期目标", 3), C("实际完成情况", 4)),
            Row(Under(), Cell(3, null, P("新建高标准农田2000亩，"), P("改善灌溉条件。")), C("新建高标准农田2050亩，全部通过县级验收。", 4)),
            Row(C("一级指标"), C("二级指标"), C("三级指标"), C("年度指标值"), C("实际完成值"), C("分值"), C("得分"), C("偏差原因分析及改进措施")),
            Row(Top("产出指标"), C("数量指标"), C("新建高标准农田面积"), C("≥2000(亩)"), C("2050(亩)"), C("20.00"), C("20.00"), C("")),
            Row(Under(), C("质量指标"), C("工程验收合格率"), C("=100(%)"), C("100(%)"), C("20.00"), C("20.00"),
                Cell(1, null, new Paragraph(new Run(new RunProperties(new Vanish()), new Text("内部备注"))))),
            Row(Under(), C("时效指标"), C("项目完工及时率"), C("≥95(%)"), C("90(%)"), C("10.00"), C("9.00"),
                Cell(1, null, new Paragraph(Run("受雨季影响，"), new Run(new Break()), Run("2处工程延期完工")))),
            Row(Top("效益指标"), C("经济效益指标"), C("亩均粮食增产"), C("≥50(公斤)"), C("55(公斤)"), C("15.00"), C("15.00"), C("")),
            Row(Under(), C("社会效益指标"), C("受益农户数"), C("≥800(户)"), C("820(户)"), C("15.00"), C("15.00"), C("")),
            Row(C("满意度指标"), C("服务对象满意度指标"), C("受益农户满意度"), C("≥90(%)"), C("96(%)"), C("10.00"),
                Cell(1, null, new SdtBlock(new SdtProperties(new SdtAlias { Val = "得分" }), new SdtContentBlock(P("10.00")))), C("")),
            Row(C("总分", 5), C("100.00"), C("98.50"), C("")),
            Row(C("评分等级", 2), C("优", 6))));
}
