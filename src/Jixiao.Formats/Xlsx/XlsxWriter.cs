using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Core.Model;
using Jixiao.Core.Text;
using Jixiao.Formats.Export;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// Writes forms to xlsx in the official layout: a sheet per form, merged cells, borders, widths and wrapping that print
/// on A4 portrait fit to width, the indicator header repeated on every page, `0.00` / `#,##0.00` number formats.
/// </summary>
public static class XlsxWriter
{
    public static byte[] Write(PerformanceForm form) => Write([form]);

    public static byte[] Write(IEnumerable<PerformanceForm> forms)
    {
        var book = new XlsxBook();
        foreach (var f in forms) book.AddForm(SheetNaming.ForForm(f), OfficialLayout.Build(f), null);
        return book.Save();
    }

    /// <summary>A unit's 汇总表: the heading on the first sheet above the first declaration, a sheet per declaration.</summary>
    public static byte[] Write(DeclarationSummary summary)
    {
        var book = new XlsxBook();
        bool first = true;
        foreach (var d in summary.Declarations)
        {
            book.AddForm(SheetNaming.ForForm(d), OfficialLayout.Build(d), first ? OfficialLayout.SummaryTitle(summary) : null);
            first = false;
        }
        return book.Save();
    }
}

/// <summary>Sheet names Excel accepts: unique, at most 31 characters, none of []:*?/\, not quoted at either end.</summary>
public sealed class SheetNaming
{
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public static string ForForm(PerformanceForm f) => Clean(f.ProjectName is { Length: > 0 } p ? p : f.Kind.ToChinese());

    public static string Clean(string name)
    {
        var chars = name.Select(c => "[]:*?/\\".Contains(c) || char.IsControl(c) ? '_' : c).ToArray();
        var s = new string(chars).Trim().Trim('\'');
        if (s.Length == 0) s = "表";
        return s.Length > 31 ? s[..31] : s;
    }

    /// <summary>The name itself if free, else `name(2)`, `name(3)` … cut so the whole stays within 31 characters.</summary>
    public string Unique(string wanted)
    {
        var name = Clean(wanted);
        for (int n = 2; !_used.Add(name); n++)
        {
            var suffix = $"({n})";
            var stem = Clean(wanted);
            name = (stem.Length + suffix.Length > 31 ? stem[..(31 - suffix.Length)] : stem) + suffix;
        }
        return name;
    }
}

/// <summary>Style indices of the hand-built stylesheet (cellXfs order).</summary>
internal static class Styles
{
    public const uint Default = 0, Title = 1, Subtitle = 2, Label = 3, Text = 4, Value = 5, NumberBase = 6, MoneyBase = 11, Note = 16, Heading = 17, UnitLine = 18;
    public const int MaxPlaces = 4;

    public static uint For(GridCell c) => c.Kind switch
    {
        CellKind.Label => Label,
        CellKind.Text => Text,
        CellKind.Value => Value,
        CellKind.Number => NumberBase + (uint)Math.Min(c.Places, MaxPlaces),
        CellKind.Money => MoneyBase + (uint)Math.Min(c.Places, MaxPlaces),
        _ => Text,
    };

    public static Stylesheet Build()
    {
        // Built-in formats 1 "0", 2 "0.00", 3 "#,##0", 4 "#,##0.00"; other places need custom formats (ids from 164).
        var numFmts = new NumberingFormats();
        uint nextId = 164;
        var plain = new uint[MaxPlaces + 1];
        var grouped = new uint[MaxPlaces + 1];
        for (int p = 0; p <= MaxPlaces; p++)
        {
            plain[p] = p switch { 0 => 1u, 2 => 2u, _ => nextId++ };
            if (p is not (0 or 2)) numFmts.Append(new NumberingFormat { NumberFormatId = plain[p], FormatCode = "0." + new string('0', p) });
            grouped[p] = p switch { 0 => 3u, 2 => 4u, _ => nextId++ };
            if (p is not (0 or 2)) numFmts.Append(new NumberingFormat { NumberFormatId = grouped[p], FormatCode = "#,##0." + new string('0', p) });
        }
        numFmts.Count = (uint)numFmts.ChildElements.Count;

        var fonts = new Fonts(
            Font(10.5, false), Font(10.5, true), Font(16, true), Font(10, false))
        { Count = 4 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF0F0F0" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Edge<LeftBorder>(), Edge<RightBorder>(), Edge<TopBorder>(), Edge<BottomBorder>(), new DiagonalBorder()))
        { Count = 2 };

        var xfs = new CellFormats();
        xfs.Append(Xf(0, 0, 0, 0, null, null, false));                                                        // 0 default
        xfs.Append(Xf(2, 0, 0, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, false));   // 1 title
        xfs.Append(Xf(0, 0, 0, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, false));   // 2 subtitle
        xfs.Append(Xf(1, 2, 1, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, true));    // 3 label
        xfs.Append(Xf(0, 0, 1, 0, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Center, true));      // 4 text
        xfs.Append(Xf(0, 0, 1, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, true));    // 5 value
        for (int p = 0; p <= MaxPlaces; p++)                                                                   // 6..10 numbers
            xfs.Append(Xf(0, 0, 1, plain[p], HorizontalAlignmentValues.Right, VerticalAlignmentValues.Center, false));
        for (int p = 0; p <= MaxPlaces; p++)                                                                   // 11..15 元 amounts
            xfs.Append(Xf(0, 0, 1, grouped[p], HorizontalAlignmentValues.Right, VerticalAlignmentValues.Center, false));
        xfs.Append(Xf(3, 0, 0, 0, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top, true));         // 16 note (instructions)
        xfs.Append(Xf(1, 0, 0, 0, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Center, false));     // 17 heading (instructions)
        xfs.Append(Xf(0, 0, 0, 0, HorizontalAlignmentValues.Right, VerticalAlignmentValues.Center, false));    // 18 unit line (单位：万元)
        xfs.Count = (uint)xfs.ChildElements.Count;

        // Other readers (LibreOffice, Excel's repair) reject a stylesheet without cellStyleXfs and cellStyles.
        return new Stylesheet(
            numFmts, fonts, fills, borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            xfs,
            new CellStyles(new CellStyle { Name = "常规", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(double size, bool bold)
    {
        var f = new Font();
        if (bold) f.Append(new Bold());
        f.Append(new FontSize { Val = size });
        f.Append(new FontName { Val = "宋体" });
        f.Append(new FontFamilyNumbering { Val = 3 });
        f.Append(new FontCharSet { Val = 134 }); // GB2312: tells Excel the font is Chinese
        return f;
    }

    private static T Edge<T>() where T : BorderPropertiesType, new() =>
        new() { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } };

    private static CellFormat Xf(uint font, uint fill, uint border, uint numFmt, HorizontalAlignmentValues? h, VerticalAlignmentValues? v, bool wrap)
    {
        var xf = new CellFormat { FontId = font, FillId = fill, BorderId = border, NumberFormatId = numFmt, FormatId = 0 };
        if (font != 0) xf.ApplyFont = true;
        if (fill != 0) xf.ApplyFill = true;
        if (border != 0) xf.ApplyBorder = true;
        if (numFmt != 0) xf.ApplyNumberFormat = true;
        if (h is not null || v is not null || wrap)
        {
            xf.ApplyAlignment = true;
            var a = new Alignment();
            if (h is { } hh) a.Horizontal = hh;
            if (v is { } vv) a.Vertical = vv;
            if (wrap) a.WrapText = true;
            xf.Append(a);
        }
        return xf;
    }
}

/// <summary>A sheet being written: cells by 1-based row, merges, row heights, data validations.</summary>
internal sealed class SheetDraft
{
    public readonly SortedDictionary<int, SortedDictionary<int, (string Text, decimal? Number, uint Style)>> Cells = new();
    public readonly List<string> Merges = new();
    public readonly Dictionary<int, double> Heights = new();
    public readonly List<DataValidation> Validations = new();
    public double[] Widths = [];
    public int? RepeatRow;
    public int RepeatRowCount = 1;
    public bool Print = true;
    public bool Landscape;
    /// <summary>A sheet of data for the program (a template's fixed values), not shown in Excel's tabs.</summary>
    public bool Hidden;

    /// <summary>Rows kept in view while scrolling (a table's header); 0 for none.</summary>
    public int FrozenRows;

    public void Set(int row, int col, string text, decimal? number, uint style)
    {
        if (!Cells.TryGetValue(row, out var r)) Cells[row] = r = new();
        r[col] = (text, number, style);
    }
}

/// <summary>Builds a workbook sheet by sheet; shared strings and the stylesheet are written once at the end.</summary>
internal sealed class XlsxBook
{
    private readonly List<(string Name, SheetDraft Sheet)> _sheets = new();
    private readonly SheetNaming _names = new();

    public SheetDraft AddSheet(string name)
    {
        var s = new SheetDraft();
        _sheets.Add((_names.Unique(name), s));
        return s;
    }

    /// <summary>A form's grid: title, year, header block, indicator header (repeated when printed), indicator rows.</summary>
    public SheetDraft AddForm(string name, FormGrid g, string? heading)
    {
        var s = AddSheet(name);
        s.Widths = g.ColumnWidths;
        int row = 1;
        int last = g.Columns - 1;
        if (heading is not null)
        {
            Put(s, new GridCell(0, 0, heading, CellKind.Label, ColSpan: g.Columns), row++, Styles.Title);
            s.Heights[row - 1] = 30;
        }
        Put(s, new GridCell(0, 0, g.Title, CellKind.Label, ColSpan: g.Columns), row, Styles.Title);
        s.Heights[row++] = 30;
        Put(s, new GridCell(0, 0, g.Subtitle, CellKind.Label, ColSpan: g.Columns), row, Styles.Subtitle);
        s.Heights[row++] = 20;
        if (g.UnitLine is { } unitLine)
        {
            Put(s, new GridCell(0, 0, unitLine, CellKind.Label, ColSpan: g.Columns), row, Styles.UnitLine);
            s.Heights[row++] = 18;
        }
        s.Landscape = g.Landscape;
        PutBlock(s, g.Head, row, g.HeadRows, g.ColumnWidths);
        row += g.HeadRows;
        PutBlock(s, g.TableHeader, row, g.TableHeaderRows, g.ColumnWidths);
        s.RepeatRow = row;
        s.RepeatRowCount = g.TableHeaderRows;
        row += g.TableHeaderRows;
        PutBlock(s, g.Body, row, g.BodyRows, g.ColumnWidths);
        _ = last;
        return s;
    }

    private static void Put(SheetDraft s, GridCell c, int row, uint style)
    {
        s.Set(row, c.Column, c.Text, c.Number, style);
        // Covered cells carry the border style too, or the merged area prints with gaps in its frame.
        for (int r = 0; r < c.RowSpan; r++)
            for (int k = 0; k < c.ColSpan; k++)
                if (r > 0 || k > 0) s.Set(row + r, c.Column + k, "", null, style);
        if (c.RowSpan > 1 || c.ColSpan > 1)
            s.Merges.Add($"{Ref(row, c.Column)}:{Ref(row + c.RowSpan - 1, c.Column + c.ColSpan - 1)}");
    }

    public void PutBlock(SheetDraft s, List<GridCell> cells, int firstRow, int rows, double[] widths)
    {
        foreach (var c in cells) Put(s, c, firstRow + c.Row, Styles.For(c));
        // Row heights: Excel and LibreOffice do not grow a row for wrapped text in a merged cell, so the height is set
        // from an estimate of the wrapped lines (a CJK character is about two width units).
        var need = new double[rows];
        for (int r = 0; r < rows; r++) need[r] = MinRowHeight;
        foreach (var c in cells.Where(c => c.RowSpan == 1)) need[c.Row] = Math.Max(need[c.Row], Height(c, widths));
        foreach (var c in cells.Where(c => c.RowSpan > 1))
        {
            double have = 0;
            for (int r = c.Row; r < c.Row + c.RowSpan; r++) have += need[r];
            double want = Height(c, widths);
            if (want > have) need[c.Row + c.RowSpan - 1] += want - have;
        }
        for (int r = 0; r < rows; r++) s.Heights[firstRow + r] = Math.Round(need[r], 1);
    }

    public const double MinRowHeight = 20, LineHeight = 14;

    private static double Height(GridCell c, double[] widths)
    {
        if (c.Text.Length == 0) return MinRowHeight;
        double avail = -1.2;
        for (int k = c.Column; k < c.Column + c.ColSpan && k < widths.Length; k++) avail += widths[k];
        // A cell of several parts (a 监控表's 备注) breaks its lines itself; each part wraps on its own.
        int lines = 0;
        foreach (var part in c.Text.Split('\n'))
        {
            double units = 0;
            foreach (var ch in part) units += ChineseText.IsCjk(ch) || ch > 0x2E80 ? 1.85 : 1.0;
            lines += Math.Max(1, (int)Math.Ceiling(units / Math.Max(2, avail)));
        }
        return Math.Max(MinRowHeight, lines * LineHeight + 6);
    }

    public static string Ref(int row, int col) => ColumnName(col) + row.ToString(CultureInfo.InvariantCulture);

    public static string ColumnName(int col)
    {
        var s = "";
        for (int c = col + 1; c > 0; c = (c - 1) / 26) s = (char)('A' + (c - 1) % 26) + s;
        return s;
    }

    public byte[] Save()
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles.Build();
            var sst = new Dictionary<string, int>(StringComparer.Ordinal);
            var sstList = new List<string>();
            var sheets = new Sheets();
            var names = new DefinedNames();
            uint id = 1;
            foreach (var (name, s) in _sheets)
            {
                var wsp = wb.AddNewPart<WorksheetPart>();
                wsp.Worksheet = BuildSheet(s, sst, sstList);
                var sheet = new Sheet { Name = name, SheetId = id, Id = wb.GetIdOfPart(wsp) };
                if (s.Hidden) sheet.State = SheetStateValues.Hidden;
                sheets.Append(sheet);
                if (s.RepeatRow is { } rr)
                    names.Append(new DefinedName($"'{name.Replace("'", "''")}'!${rr}:${rr + s.RepeatRowCount - 1}") { Name = "_xlnm.Print_Titles", LocalSheetId = id - 1 });
                id++;
            }
            var sstPart = wb.AddNewPart<SharedStringTablePart>();
            sstPart.SharedStringTable = new SharedStringTable(sstList.Select(t =>
                new SharedStringItem(new Text(t) { Space = SpaceProcessingModeValues.Preserve })))
            { Count = (uint)sstList.Count, UniqueCount = (uint)sstList.Count };
            wb.Workbook.Append(new BookViews(new WorkbookView()));
            wb.Workbook.Append(sheets);
            if (names.HasChildren) wb.Workbook.Append(names);
        }
        return ms.ToArray();
    }

    private static Worksheet BuildSheet(SheetDraft s, Dictionary<string, int> sst, List<string> sstList)
    {
        var ws = new Worksheet();
        if (s.Print) ws.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        var view = new SheetView { WorkbookViewId = 0, ShowGridLines = !s.Print };
        if (s.FrozenRows > 0)
        {
            var topLeft = Ref(s.FrozenRows + 1, 0);
            view.Append(new Pane { VerticalSplit = s.FrozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
        }
        ws.Append(new SheetViews(view));
        ws.Append(new SheetFormatProperties { DefaultRowHeight = MinRowHeight });
        if (s.Widths.Length > 0)
        {
            var cols = new Columns();
            for (int c = 0; c < s.Widths.Length; c++)
                cols.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = s.Widths[c], CustomWidth = true });
            ws.Append(cols);
        }
        var data = new SheetData();
        foreach (var (r, cells) in s.Cells)
        {
            var row = new Row { RowIndex = (uint)r };
            if (s.Heights.TryGetValue(r, out var h)) { row.Height = h; row.CustomHeight = true; }
            foreach (var (c, v) in cells)
            {
                var cell = new Cell { CellReference = Ref(r, c), StyleIndex = v.Style };
                if (v.Number is { } n)
                    cell.CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture));
                else if (v.Text.Length > 0)
                {
                    if (!sst.TryGetValue(v.Text, out var idx)) { idx = sstList.Count; sst[v.Text] = idx; sstList.Add(v.Text); }
                    cell.DataType = CellValues.SharedString;
                    cell.CellValue = new CellValue(idx.ToString(CultureInfo.InvariantCulture));
                }
                row.Append(cell);
            }
            data.Append(row);
        }
        ws.Append(data);
        if (s.Merges.Count > 0) ws.Append(new MergeCells(s.Merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)s.Merges.Count });
        if (s.Validations.Count > 0) ws.Append(new DataValidations(s.Validations) { Count = (uint)s.Validations.Count });
        if (s.Print)
        {
            ws.Append(new PrintOptions { HorizontalCentered = true });
            ws.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.7, Header = 0.3, Footer = 0.3 });
            // A4 (paper size 9), portrait (landscape for a wide form), one page wide and as many pages tall as needed.
            ws.Append(new PageSetup { PaperSize = 9, Orientation = s.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait, FitToWidth = 1, FitToHeight = 0 });
            ws.Append(new HeaderFooter(new OddFooter("&C第 &P 页 / 共 &N 页")));
        }
        return ws;
    }
}
