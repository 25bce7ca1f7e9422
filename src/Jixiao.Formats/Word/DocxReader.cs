using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Jixiao.Formats.Xlsx;
using static Jixiao.Formats.Xlsx.XmlWalk;
using UnreadableFileException = Jixiao.Formats.Import.UnreadableFileException;

namespace Jixiao.Formats.Word;

/// <summary>
/// Turns a Word document (.docx) into rows of cells for the form reader, in the order of the document's body: a
/// paragraph outside any table is a row of one cell (the title, `（2024年度）`, `单位（盖章）：` lines; an empty paragraph
/// an empty row), each table row a row of cells on the table's grid. A cell merged across columns (gridSpan) has its
/// text in its first column and empty cells for the others, so the columns of the rows below stay aligned; a cell
/// merged down (vMerge) has its text in its top row only. Within a cell, paragraphs and line breaks become `\n`.
/// </summary>
/// <remarks>
/// A table inside a cell is flattened: when it is all the row holds (a frame table around the real one), its rows
/// take the outer row's place; otherwise its rows become lines of the cell's text. Text boxes follow the paragraph
/// they are anchored in. Deleted revisions, field codes and hidden text are left out, as Word shows the document.
/// The body is read with XmlReader as it inflates, under the xlsx reader's caps (<see cref="OfficeZip"/>,
/// <see cref="MarkupLimitStream"/>): rows, cells, characters and the nesting of elements.
/// </remarks>
public static class DocxReader
{
    /// <summary>Rows of the grid: paragraphs outside tables and table rows together.</summary>
    public const int MaxRows = XlsxReader.MaxRows;
    /// <summary>Element nesting in the body (a cell's table in a cell's table…), which the reader follows by recursion.</summary>
    public const int MaxDepth = 128;
    /// <summary>Paragraphs, in the body and in cells: each costs a little memory before the rows are counted.</summary>
    public const int MaxParagraphs = XlsxReader.MaxCells;

    public static List<string[]> ReadGrid(byte[] bytes)
    {
        OfficeZip.Check(bytes, "docx");
        try
        {
            using var ms = new MemoryStream(bytes, writable: false);
            using var doc = WordprocessingDocument.Open(ms, false);
            var part = doc.MainDocumentPart ?? throw new UnreadableFileException("压缩包里没有 Word 文档正文（不是 docx 文件）");
            return new BodyReader(doc.StrictRelationshipFound).Read(part);
        }
        catch (UnreadableFileException) { throw; }
        catch (Exception ex) when (OfficeZip.IsDamaged(ex))
        {
            throw new UnreadableFileException("不是有效的 Word 文档（docx 内容损坏或格式不符）");
        }
    }

    /// <summary>A paragraph's text, or a table's rows, in the order they come.</summary>
    private readonly record struct Block(string? Text, List<string[]>? Rows);

    /// <summary>A table cell as read: where it starts on the grid, the columns it spans, whether it continues a merge from above.</summary>
    private sealed record CellContent(int Column, int Span, bool ContinuesMerge, List<Block> Blocks);

    private sealed class BodyReader(bool strict)
    {
        private const string Main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        private const string StrictMain = "http://purl.oclc.org/ooxml/wordprocessingml/main";
        private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

        /// <summary>Properties, revisions taken out, field codes: nothing of what Word shows as the document's text.</summary>
        private static readonly HashSet<string> Skipped =
        [
            "pPr", "rPr", "sectPr", "tblPr", "tblPrEx", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr",
            "del", "moveFrom", "delText", "instrText", "delInstrText", "fldData", "customXmlPr",
        ];

        private long _bytes, _chars;
        private int _cells, _rows, _paragraphs;
        private readonly char[] _chunk = new char[4096];

        public List<string[]> Read(MainDocumentPart part)
        {
            var stream = new MarkupLimitStream(part.GetStream(FileMode.Open, FileAccess.Read), n =>
            {
                if ((_bytes += n) > OfficeZip.MaxUncompressedBytes) throw OfficeZip.Bomb();
            });
            using var r = XmlReader.Create(stream, PartSettings);
            r.MoveToContent();
            if (!IsW(r, "document")) throw new InvalidDataException("document root");
            var blocks = new List<Block>();
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
            {
                if (IsW(r, "body")) Blocks(r, blocks);
                else Pass(r);
            }
            var grid = new List<string[]>();
            foreach (var b in blocks)
            {
                if (b.Rows is { } rows) grid.AddRange(rows);
                else grid.Add(b.Text is { Length: > 0 } t ? [t] : []);
            }
            if (grid.Count > MaxRows) throw TooManyRows();
            return grid;
        }

        private bool IsW(XmlReader r, string localName) =>
            r.NodeType == XmlNodeType.Element && r.LocalName == localName && (r.NamespaceURI == Main || (strict && r.NamespaceURI == StrictMain));

        private bool IsWordElement(XmlReader r) => r.NamespaceURI == Main || (strict && r.NamespaceURI == StrictMain);

        private static bool IsMc(XmlReader r, string localName) =>
            r.NodeType == XmlNodeType.Element && r.LocalName == localName && r.NamespaceURI == MarkupCompatibility;

        private bool IsSkipped(XmlReader r) => (IsWordElement(r) && Skipped.Contains(r.LocalName)) || IsMc(r, "Fallback");

        /// <summary>Every element the reader recurses into passes here: a body nested deeper than the cap is refused.</summary>
        private static void Deeper(XmlReader r)
        {
            if (r.Depth > MaxDepth)
                throw new UnreadableFileException($"文档的 XML 嵌套超过 {MaxDepth} 层（表格或内容控件套得过深），不是绩效表（可能是恶意文件），已拒绝读取");
        }

        private void CountText(int length)
        {
            if ((_chars += length) > XlsxReader.MaxTextChars)
                throw new UnreadableFileException($"文字超过 {XlsxReader.MaxTextChars / 10000} 万字，不是绩效表");
        }

        private static UnreadableFileException TooManyRows() =>
            new($"文档超过 {MaxRows} 行（段落和表格行合计），不是绩效表");

        // ------------------------------------------------------------ blocks: paragraphs and tables

        /// <summary>The paragraphs and tables inside the element the reader is on (the body, a cell, a content control…).</summary>
        private void Blocks(XmlReader r, List<Block> into)
        {
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
                Block(r, into);
        }

        /// <summary>One child of a block container, read to past its end.</summary>
        private void Block(XmlReader r, List<Block> into)
        {
            if (r.NodeType != XmlNodeType.Element || IsSkipped(r)) { Pass(r); return; }
            Deeper(r);
            if (IsW(r, "p"))
            {
                if (++_paragraphs > MaxParagraphs) throw new UnreadableFileException($"文档超过 {MaxParagraphs} 个段落，不是绩效表");
                var boxes = new List<Block>();
                into.Add(new Block(Paragraph(r, boxes), null));
                into.AddRange(boxes);
            }
            else if (IsW(r, "tbl")) into.Add(new Block(null, Table(r)));
            else if (IsMc(r, "AlternateContent")) FirstChoice(r, c => Blocks(c, into));
            // Content controls, custom XML, inserted revisions: their content is the document's.
            else if (IsWordElement(r) || r.NamespaceURI == MarkupCompatibility) Blocks(r, into);
            else r.Skip();
        }

        /// <summary>Of an mc:AlternateContent, the first Choice only (its Fallback repeats the same content in older markup).</summary>
        private static void FirstChoice(XmlReader r, Action<XmlReader> read)
        {
            bool done = false;
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
            {
                if (!done && IsMc(r, "Choice")) { done = true; read(r); }
                else Pass(r);
            }
        }

        // ------------------------------------------------------------ paragraphs

        /// <summary>The text of a paragraph, trimmed; the content of its text boxes goes to <paramref name="boxes"/>.</summary>
        private string Paragraph(XmlReader r, List<Block> boxes)
        {
            var text = new StringBuilder();
            Inline(r, text, boxes, hidden: false, run: false);
            return text.ToString().Trim();
        }

        /// <summary>
        /// The children of an element inside a paragraph: runs and what wraps them (hyperlinks, inserted revisions, content
        /// controls, fields, smart tags), drawings searched for text boxes. <paramref name="run"/>: the element is a run,
        /// whose properties come first and may hide its text.
        /// </summary>
        private void Inline(XmlReader r, StringBuilder text, List<Block> boxes, bool hidden, bool run)
        {
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
            {
                if (r.NodeType != XmlNodeType.Element) { Pass(r); continue; }
                Deeper(r);
                if (run && IsW(r, "rPr")) { hidden |= Vanishes(r); continue; }
                if (IsSkipped(r)) { r.Skip(); continue; }
                if (IsW(r, "t"))
                {
                    if (hidden) r.Skip();
                    else ReadText(r, text);
                    continue;
                }
                char? mark = IsW(r, "tab") || IsW(r, "ptab") ? ' ' : IsW(r, "br") || IsW(r, "cr") ? '\n' : IsW(r, "noBreakHyphen") ? '-' : null;
                if (mark is { } m)
                {
                    if (!hidden) { text.Append(m); CountText(1); }
                    r.Skip();
                }
                else if (IsW(r, "txbxContent")) Blocks(r, boxes);
                else if (IsMc(r, "AlternateContent")) FirstChoice(r, c => Inline(c, text, boxes, hidden, false));
                else Inline(r, text, boxes, hidden, IsW(r, "r"));
            }
        }

        /// <summary>A run's properties (read to past their end): true when they hide the run (`w:vanish`, not set off).</summary>
        private bool Vanishes(XmlReader r)
        {
            bool vanish = false;
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
            {
                if (IsW(r, "vanish")) vanish = IsOn(r);
                Pass(r);
            }
            return vanish;
        }

        /// <summary>An on/off property: on unless its `w:val` says false.</summary>
        private bool IsOn(XmlReader r) => Val(r) is not ("false" or "0" or "off");

        private string? Val(XmlReader r)
        {
            string? value = null;
            for (bool a = r.MoveToFirstAttribute(); a; a = r.MoveToNextAttribute())
                if (r.LocalName == "val" && IsWordElement(r)) value = r.Value;
            r.MoveToElement();
            return value;
        }

        /// <summary>The text of a `w:t`, appended in chunks, so that one long text is refused before it is held.</summary>
        private void ReadText(XmlReader r, StringBuilder into)
        {
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
            {
                if (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    int n;
                    while ((n = r.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
                    {
                        CountText(n);
                        into.Append(_chunk, 0, n);
                    }
                    r.Read();
                }
                else Pass(r);
            }
        }

        // ------------------------------------------------------------ tables

        private List<string[]> Table(XmlReader r)
        {
            var rows = new List<string[]>();
            TableRows(r, rows);
            return rows;
        }

        /// <summary>The rows of a table, also those wrapped in a content control or custom XML.</summary>
        private void TableRows(XmlReader r, List<string[]> rows)
        {
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
            {
                if (r.NodeType != XmlNodeType.Element || IsSkipped(r)) { Pass(r); continue; }
                Deeper(r);
                if (IsW(r, "tr")) Row(r, rows);
                else if (IsMc(r, "AlternateContent")) FirstChoice(r, c => TableRows(c, rows));
                else if (IsWordElement(r)) TableRows(r, rows);
                else r.Skip();
            }
        }

        private void Row(XmlReader r, List<string[]> rows)
        {
            var cells = new List<CellContent>();
            int column = 0;
            RowCells(r, cells, ref column);
            AddRow(cells, rows);
        }

        /// <summary>The cells of a row in order, each placed after the one before it (`w:gridBefore` empty columns first).</summary>
        private void RowCells(XmlReader r, List<CellContent> cells, ref int column)
        {
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
            {
                if (r.NodeType != XmlNodeType.Element) { Pass(r); continue; }
                Deeper(r);
                if (IsW(r, "trPr")) column += RowProperties(r);
                else if (IsSkipped(r)) r.Skip();
                else if (IsW(r, "tc"))
                {
                    var cell = Cell(r, column);
                    cells.Add(cell);
                    column = Math.Min(column + cell.Span, XlsxReader.MaxColumns);
                }
                else if (IsWordElement(r)) RowCells(r, cells, ref column);
                else r.Skip();
            }
        }

        /// <summary>The row's `w:gridBefore`: grid columns left empty before its first cell.</summary>
        private int RowProperties(XmlReader r)
        {
            int before = 0;
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
            {
                if (IsW(r, "gridBefore")) before = GridCount(r);
                Pass(r);
            }
            return before;
        }

        private CellContent Cell(XmlReader r, int column)
        {
            int span = 1;
            bool continues = false;
            var blocks = new List<Block>();
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
            {
                if (!IsW(r, "tcPr")) { Block(r, blocks); continue; }
                for (bool inProps = Enter(r, out int d2); inProps; inProps = Next(r, d2))
                {
                    if (IsW(r, "gridSpan")) span = Math.Max(1, GridCount(r));
                    // `w:vMerge` without a value continues the merge above; `restart` begins one. `w:hMerge` is Word 97's gridSpan.
                    else if (IsW(r, "vMerge") || IsW(r, "hMerge")) continues = Val(r) is null or "continue";
                    Pass(r);
                }
            }
            return new CellContent(column, span, continues, blocks);
        }

        /// <summary>A count of grid columns (`w:val` of gridSpan, gridBefore), no more than the columns read.</summary>
        private int GridCount(XmlReader r) =>
            int.TryParse(Val(r), out var n) ? Math.Clamp(n, 0, XlsxReader.MaxColumns) : throw new FormatException("grid count");

        /// <summary>
        /// A row of cells on the grid. When one cell holds all the row's content and that content is tables only (a
        /// frame around the real table), those tables' rows come instead, moved to the cell's column.
        /// </summary>
        private void AddRow(List<CellContent> cells, List<string[]> rows)
        {
            var filled = cells.Where(c => !c.ContinuesMerge && c.Blocks.Any(b => b.Rows is { Count: > 0 } || b.Text is { Length: > 0 })).ToList();
            if (filled is [var frame] && frame.Blocks.All(b => b.Rows is not null || b.Text is not { Length: > 0 }))
            {
                foreach (var inner in frame.Blocks.Where(b => b.Rows is not null).SelectMany(b => b.Rows!))
                    Add(rows, [.. Enumerable.Repeat("", frame.Column), .. inner]);
                return;
            }
            int width = cells.Count == 0 ? 0 : cells.Max(c => Math.Min(c.Column + c.Span, XlsxReader.MaxColumns));
            var row = new string[width];
            Array.Fill(row, "");
            foreach (var c in cells)
                if (!c.ContinuesMerge && c.Column < width) row[c.Column] = CellText(c.Blocks);
            Add(rows, row);
        }

        private void Add(List<string[]> rows, string[] row)
        {
            if (row.Length > XlsxReader.MaxColumns) row = row[..XlsxReader.MaxColumns];
            if ((_cells += Math.Max(row.Length, 1)) > XlsxReader.MaxCells)
                throw new UnreadableFileException($"表格超过 {XlsxReader.MaxCells} 个单元格，不是绩效表");
            if (++_rows > MaxRows) throw TooManyRows();
            rows.Add(row);
        }

        /// <summary>A cell's paragraphs, one a line (empty ones left out); a table inside, one line a row, its cells spaced.</summary>
        private static string CellText(List<Block> blocks)
        {
            var lines = new List<string>();
            foreach (var b in blocks)
            {
                if (b.Rows is { } rows)
                    lines.AddRange(rows.Select(row => string.Join(' ', row.Where(t => t.Length > 0))));
                else lines.Add(b.Text!);
            }
            return string.Join('\n', lines.Where(l => l.Length > 0));
        }
    }
}
