using System.Globalization;
using Jixiao.Core.Scoring;
using Jixiao.Core.Text;

namespace Jixiao.Formats.Xlsx;

/// <summary>One cell of a table sheet: the text shown, the number stored (when it is one), the style.</summary>
public readonly record struct XlsxCell(string Shown, decimal? Number, uint Style)
{
    public static XlsxCell Text(string? text) => new(text ?? "", null, Styles.Text);

    /// <summary>A number that names a thing (编号): stored as a number, shown without grouping (1234, not 1,234).</summary>
    public static XlsxCell Id(long id) => new(id.ToString(CultureInfo.InvariantCulture), id, Styles.NumberBase);

    public static XlsxCell Count(int count) => new(count.ToString(CultureInfo.InvariantCulture), count, Styles.MoneyBase);

    /// <summary>A score, rate, average or amount: two decimals shown, the exact value stored; empty when there is none.</summary>
    public static XlsxCell Fixed2(decimal? value) => value is { } v ? new(Num.Fixed(v), v, Styles.NumberBase + 2) : new("", null, Styles.NumberBase + 2);

    internal static XlsxCell Heading(string text) => new(text, null, Styles.Label);
}

/// <summary>A sheet holding one table: the header in row 1 (frozen), then a row per item; widths from the content.</summary>
internal sealed class XlsxTable
{
    private readonly SheetDraft _sheet;
    private readonly double[] _widths;
    private readonly string[] _headers;
    private int _row = 1;

    public XlsxTable(XlsxBook book, string name, params string[] headers)
    {
        _headers = headers;
        _sheet = book.AddSheet(name);
        _sheet.Print = false;
        _sheet.FrozenRows = 1;
        _widths = new double[headers.Length];
        Row(headers.Select(XlsxCell.Heading).ToArray());
    }

    public void Row(params XlsxCell[] cells)
    {
        for (int c = 0; c < cells.Length; c++)
        {
            _sheet.Set(_row, c, cells[c].Shown, cells[c].Number, cells[c].Style);
            _widths[c] = Math.Max(_widths[c], Width(cells[c].Shown));
        }
        _row++;
    }

    /// <summary>The widths from the content, and the drop-down lists given down to 1,000 rows below the last.</summary>
    public void Finish(IReadOnlyList<ColumnChoice>? choices = null)
    {
        _sheet.Widths = _widths;
        if (choices is { Count: > 0 }) XlsxTables.AddChoices(_sheet, _headers, choices, _row - 2 + 1000);
    }

    /// <summary>Excel width units: a CJK character is about two; at least 6, at most 60 (longer text wraps).</summary>
    private static double Width(string text)
    {
        double units = 0;
        foreach (var ch in text) units += ChineseText.IsCjk(ch) || ch > 0x2E80 ? 2.0 : 1.1;
        return Math.Clamp(Math.Ceiling(units + 2), 6, 60);
    }
}

/// <summary>
/// A workbook of one table (a list exported from the app): headers, then the rows as given; for a list that is also
/// imported back (the 指标库), drop-down lists on the columns people edit and an instructions sheet the readers skip.
/// </summary>
public static class TableWorkbook
{
    public static byte[] Render(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<XlsxCell>> rows,
        IReadOnlyList<ColumnChoice>? choices = null, string? instructionsTitle = null, IReadOnlyList<string>? instructions = null)
    {
        var book = new XlsxBook();
        var table = new XlsxTable(book, sheetName, headers.ToArray());
        foreach (var row in rows) table.Row(row.ToArray());
        table.Finish(choices);
        XlsxTables.AddInstructions(book, instructionsTitle, instructions);
        return book.Save();
    }
}
