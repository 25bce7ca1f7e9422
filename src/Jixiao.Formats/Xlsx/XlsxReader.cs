using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using static Jixiao.Formats.Xlsx.XmlWalk;
using UnreadableFileException = Jixiao.Formats.Import.UnreadableFileException;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// Turns the sheets of an xlsx into rows of cell texts (a merged cell's text in its top-left cell, the others empty),
/// which the existing reader then reads like any tabular layout. Numbers come back as the sheet displays them
/// (`0.00` → `100.00`), because the number of places printed is part of the form.
/// </summary>
/// <remarks>
/// An upload's memory must not grow with what its parts inflate to: a 160 KB file can hold 45 MB of sheet XML. So the
/// parts are read with XmlReader as they inflate (no document tree, no string for a cell without text), and what is
/// kept is capped: rows, cells, characters of text (the shared-string table included), cell formats, sheets.
/// XmlReader is used directly rather than OpenXmlReader, which builds an element object and a string per attribute
/// for every node: 580 MB of allocations for 38 MB of empty cells, against none here.
/// </remarks>
public static class XlsxReader
{
    /// <summary>Caps against zip bombs: the uncompressed bytes read in all, and the number of entries.</summary>
    public const long MaxUncompressedBytes = OfficeZip.MaxUncompressedBytes;
    public const int MaxEntries = OfficeZip.MaxEntries;
    /// <summary>Rows per sheet (the last row's number) and columns read; cells right of the last column are ignored.</summary>
    public const int MaxRows = 20000, MaxColumns = 64;
    /// <summary>Cells handed to the form reader, over all sheets: each sheet's rows with text × its columns in use.</summary>
    public const int MaxCells = 200_000;
    /// <summary>Characters of text kept: the shared-string table, each cell's text, number formats, sheet names.</summary>
    public const int MaxTextChars = 2_000_000;
    public const int MaxSharedStrings = MaxCells;
    /// <summary>Cell formats and number formats in the styles part (Excel allows 64,000 cell formats).</summary>
    public const int MaxCellFormats = 65_536;
    public const int MaxSheets = 1000;
    /// <summary>The content types and relationships, which the package layer parses whole when the file is opened.</summary>
    public const long MaxPackagePartBytes = OfficeZip.MaxPackagePartBytes;
    /// <summary>One tag with its attributes, CDATA section or processing instruction, which XmlReader holds whole.</summary>
    public const int MaxMarkupBytes = 256 * 1024;

    /// <summary>The instructions sheet of the fill-in template: text for people, not a form.</summary>
    public const string InstructionsSheet = "填写说明";

    /// <summary>Every visible sheet but the instructions, one after another, a blank row between two sheets.</summary>
    public static List<string[]> ReadGrid(byte[] bytes)
    {
        var grid = new List<string[]>();
        ReadVisibleSheets(bytes, false, (book, part, name, strings, formats, _) =>
        {
            if (grid.Count > 0) grid.Add([]);  // sheets stay apart, as a blank line would keep two texts apart
            book.ReadSheet(part, name, strings, formats, grid);
        });
        return grid;
    }

    /// <summary>A sheet as <see cref="ReadSheets(byte[])"/> gives it: its name, the sheet's row number of its first row, the rows.</summary>
    public sealed record GridSheet(string Name, int FirstRow, IReadOnlyList<string[]> Rows, bool Hidden = false);

    /// <summary>
    /// The same sheets as <see cref="ReadGrid"/>, under the same caps, each by itself with its name, and the number of
    /// its first row (blank rows inside a sheet are kept as empty rows), so that a reader of a workbook of named sheets
    /// can say which sheet and row a value came from.
    /// </summary>
    public static List<GridSheet> ReadSheets(byte[] bytes) => ReadSheets(bytes, includeHidden: false);

    /// <summary>As <see cref="ReadSheets(byte[])"/>, with the hidden sheets too when asked (a template's own data).</summary>
    public static List<GridSheet> ReadSheets(byte[] bytes, bool includeHidden)
    {
        var sheets = new List<GridSheet>();
        ReadVisibleSheets(bytes, includeHidden, (book, part, name, strings, formats, hidden) =>
        {
            var rows = new List<string[]>();
            var first = book.ReadSheet(part, name, strings, formats, rows);
            sheets.Add(new GridSheet(name, first, rows, hidden));
        });
        return sheets;
    }

    private delegate void SheetVisitor(WorkbookReader book, WorksheetPart part, string name, string[] strings, string[] formats, bool hidden);

    private static void ReadVisibleSheets(byte[] bytes, bool includeHidden, SheetVisitor visit)
    {
        CheckZip(bytes);
        try
        {
            using var ms = new MemoryStream(bytes, writable: false);
            using var doc = SpreadsheetDocument.Open(ms, false);
            var wb = doc.WorkbookPart ?? throw new UnreadableFileException("压缩包里没有 Excel 工作簿（不是 xlsx 文件）");
            var book = new WorkbookReader(doc.StrictRelationshipFound);
            var strings = wb.SharedStringTablePart is { } sst ? book.SharedStrings(sst) : [];
            var formats = wb.WorkbookStylesPart is { } styles ? book.NumberFormats(styles) : [];
            foreach (var sheet in book.Sheets(wb))
            {
                if (sheet.State is { } st && st != "visible")
                {
                    if (st is not ("hidden" or "veryHidden")) throw new FormatException("sheet state");
                    if (!includeHidden) continue;
                }
                if (sheet.Name == InstructionsSheet) continue;
                if (sheet.Id is not { } rel || wb.GetPartById(rel) is not WorksheetPart wsp) continue;
                visit(book, wsp, sheet.Name ?? "", strings, formats, sheet.State is { } hs && hs != "visible");
            }
        }
        catch (UnreadableFileException) { throw; }
        catch (Exception ex) when (OfficeZip.IsDamaged(ex))
        {
            throw new UnreadableFileException("不是有效的 xlsx 文件（内容损坏或格式不符）");
        }
    }

    /// <summary>The zip checks made before the package is opened (<see cref="OfficeZip.Check"/>).</summary>
    public static void CheckZip(byte[] bytes) => OfficeZip.Check(bytes, "xlsx");

    private static int ColumnIndex(ReadOnlySpan<char> reference)
    {
        int c = 0;
        foreach (var ch in reference)
        {
            int letter;
            if (ch is >= 'A' and <= 'Z') letter = ch - 'A' + 1;
            else if (ch is >= 'a' and <= 'z') letter = ch - 'a' + 1;
            else break;
            // Far past the last column read: stop growing rather than overflow (`ZZZZZZZZ1` is as ignored as `BM1`).
            if (c <= 1 << 20) c = c * 26 + letter;
        }
        return c - 1;
    }

    private sealed record SheetEntry(string? Name, string? State, string? Id);

    /// <summary>
    /// Reads one workbook's parts with XmlReader, keeping count of what is kept against the caps. Each method reads
    /// what the document tree of the earlier reader saw: elements of the SpreadsheetML namespace (or of Strict, when the
    /// package is Strict), the first `sheets`, `numFmts`, `cellXfs`, `v` and `is` where the tree took the first one,
    /// and of a `t` or `v` the first text node, as OpenXmlLeafTextElement does.
    /// </summary>
    private sealed class WorkbookReader(bool strict)
    {
        private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        private const string StrictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";
        private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        private const string StrictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships";
        private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

        private long _bytes, _chars;
        private int _cells;                       // cells of the sheets finished
        private readonly char[] _chunk = new char[4096];
        private readonly char[] _attribute = new char[64], _type = new char[16], _style = new char[64];
        private readonly CharBuffer _text = new(), _raw = new();
        private readonly string?[] _row = new string?[MaxColumns];

        /// <summary>
        /// A reader on the part's root element; null for a part of fewer than 4 bytes, which the SDK's tree also read
        /// as no root at all (an empty shared-string or styles part was as good as none).
        /// </summary>
        private XmlReader? Open(OpenXmlPart part)
        {
            var inner = part.GetStream(FileMode.Open, FileAccess.Read);
            if (inner.Length < 4)
            {
                inner.Dispose();
                return null;
            }
            var stream = new MarkupLimitStream(inner, n =>
            {
                if ((_bytes += n) > MaxUncompressedBytes) throw OfficeZip.Bomb();
            });
            var r = XmlReader.Create(stream, PartSettings);
            r.MoveToContent();
            return r;
        }

        private bool IsMain(XmlReader r, string localName) =>
            r.NodeType == XmlNodeType.Element && r.LocalName == localName && (r.NamespaceURI == Main || (strict && r.NamespaceURI == StrictMain));

        private bool IsRelationships(string ns) => ns == Relationships || (strict && ns == StrictRelationships);

        private void CountText(int length, string where)
        {
            if ((_chars += length) > MaxTextChars) throw TooMuchText(where);
        }

        private static UnreadableFileException TooMuchText(string where) =>
            new($"文字超过 {MaxTextChars / 10000} 万字（读到{where}时；共享字符串也计在内），不是绩效表");

        public List<SheetEntry> Sheets(WorkbookPart part)
        {
            var sheets = new List<SheetEntry>();
            using var r = Open(part) ?? throw new InvalidDataException("empty workbook part");
            if (!IsMain(r, "workbook")) throw new InvalidDataException("workbook root");
            bool seen = false;
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
            {
                if (seen || !IsMain(r, "sheets")) { Pass(r); continue; }
                seen = true;  // the tree's Workbook.Sheets is the first `sheets`
                for (bool inSheets = Enter(r, out int d2); inSheets; inSheets = Next(r, d2))
                {
                    if (!IsMain(r, "sheet")) { Pass(r); continue; }
                    if (sheets.Count >= MaxSheets) throw new UnreadableFileException($"工作簿超过 {MaxSheets} 个工作表，不是绩效表");
                    string? name = null, state = null, id = null;
                    for (bool a = r.MoveToFirstAttribute(); a; a = r.MoveToNextAttribute())
                    {
                        if (r.NamespaceURI.Length == 0 && r.LocalName == "name") name = r.Value;
                        else if (r.NamespaceURI.Length == 0 && r.LocalName == "state") state = r.Value;
                        else if (r.LocalName == "id" && IsRelationships(r.NamespaceURI)) id = r.Value;
                    }
                    r.MoveToElement();
                    CountText(name?.Length ?? 0, "工作表名称");
                    sheets.Add(new SheetEntry(name, state, id));
                    r.Skip();
                }
            }
            return sheets;
        }

        public string[] SharedStrings(SharedStringTablePart part)
        {
            var strings = new List<string>();
            using var r = Open(part);
            if (r is null) return [];
            if (!IsMain(r, "sst")) throw new InvalidDataException("sst root");
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
            {
                if (!IsMain(r, "si")) { Pass(r); continue; }
                if (strings.Count >= MaxSharedStrings)
                    throw new UnreadableFileException($"共享字符串表超过 {MaxSharedStrings} 条，不是绩效表");
                ReadItem(r, _text, "共享字符串表");
                CountText(_text.Length, "共享字符串表");
                strings.Add(_text.ToString());
            }
            return strings.ToArray();
        }

        /// <summary>Style index → number format code (built-in codes filled in), for the formats that matter here.</summary>
        public string[] NumberFormats(WorkbookStylesPart part)
        {
            var custom = new Dictionary<uint, string>();
            var ids = new List<uint>();
            bool numFmtsSeen = false, cellXfsSeen = false;
            using var r = Open(part);
            if (r is null) return [];
            if (!IsMain(r, "styleSheet")) throw new InvalidDataException("styleSheet root");
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
            {
                if (!numFmtsSeen && IsMain(r, "numFmts"))
                {
                    numFmtsSeen = true;
                    for (bool inList = Enter(r, out int d2); inList; inList = Next(r, d2))
                    {
                        if (!IsMain(r, "numFmt")) { Pass(r); continue; }
                        if (custom.Count >= MaxCellFormats) throw new UnreadableFileException($"样式表超过 {MaxCellFormats} 种数字格式，不是绩效表");
                        var id = r.GetAttribute("numFmtId");
                        var code = r.GetAttribute("formatCode") ?? "";
                        r.Skip();
                        if (id is null) continue;
                        CountText(code.Length, "样式表");
                        custom.Add(ParseUInt(id), code);  // a repeated id fails, as ToDictionary did
                    }
                }
                else if (!cellXfsSeen && IsMain(r, "cellXfs"))
                {
                    cellXfsSeen = true;
                    for (bool inList = Enter(r, out int d2); inList; inList = Next(r, d2))
                    {
                        if (!IsMain(r, "xf")) { Pass(r); continue; }
                        if (ids.Count >= MaxCellFormats) throw new UnreadableFileException($"样式表超过 {MaxCellFormats} 种单元格格式，不是绩效表");
                        ids.Add(r.GetAttribute("numFmtId") is { } id ? ParseUInt(id) : 0);
                        r.Skip();
                    }
                }
                else Pass(r);
            }
            return ids.Select(id => custom.TryGetValue(id, out var code) ? code : BuiltIn(id)).ToArray();
        }

        /// <summary>The sheet's rows appended to grid, from its first row with text; returns that row's number (0: none).</summary>
        public int ReadSheet(WorksheetPart part, string name, string[] strings, string[] formats, List<string[]> grid)
        {
            var sheet = new SheetRows(name, strings, formats);
            using (var r = Open(part) ?? throw new InvalidDataException("empty worksheet part"))
            {
                if (!IsMain(r, "worksheet")) throw new InvalidDataException("worksheet root");
                for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
                {
                    if (IsMain(r, "sheetData")) ReadRows(r, sheet);
                    else Pass(r);
                }
            }
            var rows = sheet.Rows;
            int maxCol = sheet.MaxCol, lastKey = sheet.LastKey;
            if (rows.Count == 0) return 0;
            _cells += rows.Count * maxCol;
            int first = rows.Keys.First();
            for (int r = first; r <= lastKey; r++)
            {
                if (!rows.TryGetValue(r, out var cells)) { grid.Add([]); continue; }
                if (cells.Length < maxCol)
                {
                    var padded = new string[maxCol];
                    cells.CopyTo(padded, 0);
                    for (int c = cells.Length; c < maxCol; c++) padded[c] = "";
                    cells = padded;
                }
                grid.Add(cells);
            }
            return first;
        }

        private sealed class SheetRows(string name, string[] strings, string[] formats)
        {
            public readonly string Name = name, Where = $"工作表“{name}”";  // for the message, made once
            public readonly string[] Strings = strings, Formats = formats;
            public readonly SortedDictionary<int, string[]> Rows = new();
            public int MaxCol, LastKey;
        }

        /// <summary>
        /// The rows of a `sheetData`, or of an `mc:Choice` or `mc:Fallback` in it: the tree kept both branches of an
        /// AlternateContent as typed rows, so both are read here too.
        /// </summary>
        private void ReadRows(XmlReader r, SheetRows sheet)
        {
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
            {
                if (r.NodeType == XmlNodeType.Element && r.NamespaceURI == MarkupCompatibility && r.LocalName == "AlternateContent")
                {
                    for (bool inAlternate = Enter(r, out int d2); inAlternate; inAlternate = Next(r, d2))
                    {
                        if (r.NodeType == XmlNodeType.Element && r.NamespaceURI == MarkupCompatibility && r.LocalName is "Choice" or "Fallback")
                            ReadRows(r, sheet);
                        else Pass(r);
                    }
                    continue;
                }
                if (!IsMain(r, "row")) { Pass(r); continue; }
                var rows = sheet.Rows;
                long index = rows.Count == 0 ? 1 : sheet.LastKey + 1;
                if (r.MoveToAttribute("r"))
                {
                    index = ParseUInt(_attribute.AsSpan(0, AttributeValue(r, _attribute, out bool whole)), whole);
                    r.MoveToElement();
                }
                // Checked on every row, with text or not, as before; an index past int (which the earlier reader
                // wrapped to a negative row) is refused with the rest.
                if (index > MaxRows) throw new UnreadableFileException($"工作表“{sheet.Name}”超过 {MaxRows} 行，不是绩效表");
                int width = ReadRow(r, sheet);
                if (width == 0) continue;
                var cells = new string[width];
                for (int c = 0; c < width; c++) { cells[c] = _row[c] ?? ""; _row[c] = null; }
                int key = (int)index;
                rows[key] = cells;
                sheet.LastKey = Math.Max(sheet.LastKey, key);
                sheet.MaxCol = Math.Max(sheet.MaxCol, width);
                if (_cells + (long)rows.Count * sheet.MaxCol > MaxCells)
                    throw new UnreadableFileException($"单元格超过 {MaxCells} 个（读到工作表“{sheet.Name}”时），不是绩效表");
            }
        }

        /// <summary>The cells of a row into <see cref="_row"/>; returns one past the last column with text, 0 if none.</summary>
        private int ReadRow(XmlReader r, SheetRows sheet)
        {
            int next = 0, width = 0;
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
            {
                if (!IsMain(r, "c")) { Pass(r); continue; }
                // `t` and `s` are kept as written and parsed only where the tree parsed them (an invalid `s` on a text
                // cell was never looked at); the column letters of `r` are all that is needed of it.
                int c = next, typeLength = -1, styleLength = -1;
                bool typeWhole = true, styleWhole = true;
                for (bool a = r.MoveToFirstAttribute(); a; a = r.MoveToNextAttribute())
                {
                    if (r.NamespaceURI.Length != 0) continue;
                    switch (r.LocalName)
                    {
                        case "r": c = ColumnIndex(_attribute.AsSpan(0, AttributeValue(r, _attribute, out _))); break;
                        case "t": typeLength = AttributeValue(r, _type, out typeWhole); break;
                        case "s": styleLength = AttributeValue(r, _style, out styleWhole); break;
                    }
                }
                r.MoveToElement();
                next = c + 1;
                if (c >= MaxColumns) { r.Skip(); continue; }
                var type = typeLength < 0 ? CellType.Number : TypeOf(typeWhole ? _type.AsSpan(0, typeLength) : "?");
                var text = CellText(r, type, styleLength, styleWhole, sheet);
                if (text.Length == 0) continue;
                // No column letters: the earlier reader failed on such a cell if it had text, so it is not a readable file.
                if (c < 0) throw new FormatException("cell reference without a column");
                CountText(text.Length, sheet.Where);
                _row[c] = text;
                width = Math.Max(width, c + 1);
            }
            return width;
        }

        private enum CellType { Number, SharedString, InlineString, Boolean, Text }

        private static CellType TypeOf(ReadOnlySpan<char> t) => t switch
        {
            "n" => CellType.Number,
            "s" => CellType.SharedString,
            "inlineStr" => CellType.InlineString,
            "b" => CellType.Boolean,
            "str" or "e" or "d" => CellType.Text,
            _ => throw new FormatException("cell type"),
        };

        /// <summary>Reads a `c` element to past its end; its text as the tree's Cell gave it.</summary>
        private string CellText(XmlReader r, CellType type, int styleLength, bool styleWhole, SheetRows sheet)
        {
            bool value = false, inline = false;
            _raw.Clear();
            _text.Clear();
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
            {
                if (!value && IsMain(r, "v"))
                {
                    value = true;
                    if (type == CellType.InlineString) r.Skip();
                    else ReadLeaf(r, _raw, sheet.Where);
                }
                else if (!inline && IsMain(r, "is"))
                {
                    inline = true;
                    if (type == CellType.InlineString) ReadItem(r, _text, sheet.Where);
                    else r.Skip();
                }
                else Pass(r);
            }
            if (type == CellType.InlineString) return _text.ToString();
            if (_raw.Length == 0) return "";
            var raw = _raw.Span;
            string[] strings = sheet.Strings, formats = sheet.Formats;
            switch (type)
            {
                case CellType.SharedString:
                    return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Length ? strings[i] : "";
                case CellType.Boolean:
                    return raw is "1" ? "TRUE" : "FALSE";
                case CellType.Text:
                    return raw.ToString();
                default:
                    uint s = styleLength < 0 ? 0 : ParseUInt(_style.AsSpan(0, styleLength), styleWhole);
                    return FormatNumber(raw.ToString(), s < formats.Length ? formats[s] : "");
            }
        }

        /// <summary>A shared-string item or an inline string: its `t`s and the first `t` of each run; phonetic runs left out.</summary>
        private void ReadItem(XmlReader r, CharBuffer into, string where)
        {
            into.Clear();
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
            {
                if (IsMain(r, "t")) ReadLeaf(r, into, where);
                else if (IsMain(r, "r"))
                {
                    bool text = false;
                    for (bool inRun = Enter(r, out int d2); inRun; inRun = Next(r, d2))
                    {
                        if (!text && IsMain(r, "t")) { text = true; ReadLeaf(r, into, where); }
                        else Pass(r);
                    }
                }
                else Pass(r);
            }
        }

        /// <summary>The text of a `t` or `v` appended in chunks: its first text node, as OpenXmlLeafTextElement reads it.</summary>
        private void ReadLeaf(XmlReader r, CharBuffer into, string where)
        {
            bool taken = false;
            for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))
            {
                if (!taken && r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    taken = true;
                    int n;
                    while ((n = r.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
                    {
                        // One text alone past the cap on all text (a number's digits included) is held no further.
                        if (into.Length + n > MaxTextChars) throw TooMuchText(where);
                        into.Append(_chunk.AsSpan(0, n));
                    }
                    r.Read();
                }
                else Pass(r);
            }
        }

        /// <summary>
        /// The value of the attribute the reader is on, read into buffer without making a string: its length, and
        /// whether it was whole (a longer value keeps its beginning, which is all a cell reference's letters need).
        /// </summary>
        private int AttributeValue(XmlReader r, char[] buffer, out bool whole)
        {
            int length = 0, n;
            while (length < buffer.Length && (n = r.ReadValueChunk(buffer, length, buffer.Length - length)) > 0) length += n;
            whole = true;
            while (r.ReadValueChunk(_chunk, 0, _chunk.Length) > 0) whole = false;
            return length;
        }

        /// <summary>An unsigned number as XmlConvert reads one (white space around it allowed).</summary>
        private static uint ParseUInt(ReadOnlySpan<char> s, bool whole = true) =>
            whole && uint.TryParse(s, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var v)
                ? v : throw new FormatException("not an unsigned number");
    }

    /// <summary>A growable character buffer reused for each cell, so reading a cell makes no string until its text is kept.</summary>
    private sealed class CharBuffer
    {
        private char[] _chars = new char[256];
        public int Length { get; private set; }
        public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);
        public void Clear() => Length = 0;
        public void Append(ReadOnlySpan<char> chunk)
        {
            if (Length + chunk.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + chunk.Length));
            chunk.CopyTo(_chars.AsSpan(Length));
            Length += chunk.Length;
        }
        public override string ToString() => Length == 0 ? "" : new string(Span);
    }

    private static string BuiltIn(uint id) => id switch
    {
        1 => "0", 2 => "0.00", 3 => "#,##0", 4 => "#,##0.00", 9 => "0%", 10 => "0.00%", 11 => "0.00E+00",
        >= 14 and <= 17 or 22 or >= 27 and <= 36 or >= 50 and <= 58 => "yyyy-mm-dd",
        39 => "#,##0.00", 40 => "#,##0.00", 49 => "@",
        _ => "",
    };

    /// <summary>A number as the cell displays it: the format's decimal places and grouping; dates as yyyy-MM-dd.</summary>
    public static string FormatNumber(string raw, string code)
    {
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return raw;
        var section = StripLiterals(code.Split(';')[0]);
        if (section.Length == 0 || section.Equals("General", StringComparison.OrdinalIgnoreCase) || section == "@")
            return Plain(value);
        if (IsDate(section))
        {
            try { return DateOnly.FromDateTime(DateTime.FromOADate((double)value)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); }
            catch (ArgumentException) { return Plain(value); }
        }
        bool percent = section.Contains('%');
        if (percent) value *= 100;
        int dot = section.IndexOf('.');
        int places = 0;
        if (dot >= 0) for (int k = dot + 1; k < section.Length && section[k] is '0' or '#'; k++) places++;
        bool grouped = section.Contains(',');
        var text = Math.Round(value, places, MidpointRounding.AwayFromZero)
            .ToString((grouped ? "#,##0" : "0") + (places > 0 ? "." + new string('0', places) : ""), CultureInfo.InvariantCulture);
        return percent ? text + "%" : text;
    }

    /// <summary>A General number: as stored, without the binary float noise of `0.1+0.2`.</summary>
    private static string Plain(decimal value)
    {
        var d = Math.Round(value, 10);
        return d.ToString("0.##########", CultureInfo.InvariantCulture);
    }

    private static string StripLiterals(string code)
    {
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < code.Length; i++)
        {
            char ch = code[i];
            if (ch == '"') { quoted = !quoted; continue; }
            if (quoted) continue;
            if (ch == '\\' || ch == '_' || ch == '*') { i++; continue; }
            if (ch == '[') { int end = code.IndexOf(']', i); if (end > 0) { i = end; continue; } }
            sb.Append(ch);
        }
        return sb.ToString().Trim();
    }

    private static bool IsDate(string section)
    {
        var s = section.ToLowerInvariant();
        return (s.Contains('y') || s.Contains('d') || s.Contains('m')) && !s.Contains('0') && !s.Contains('#');
    }
}
