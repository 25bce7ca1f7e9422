using System.Globalization;

namespace Jixiao.Formats.Export;

/// <summary>What a cell of the official layout is; the HTML and xlsx writers style each kind the same way.</summary>
public enum CellKind
{
    Label,   // a printed label: 项目名称, 一级指标, 年初预算数 … (bold, centred)
    Text,    // free text: names, goals, reasons (left, wrapped)
    Value,   // short centred text: 一级/二级 names, target and actual values, dates, 评分等级
    Number,  // a decimal printed with its own number of places (分值, 得分, 执行率, 万元 amounts)
    Money,   // an amount in 元, printed with thousands separators
}

/// <summary>
/// One cell of the official table layout, placed at a row and column (0-based) and spanning rows/columns like a
/// merged cell. <see cref="Number"/> is set for numeric cells; <see cref="Text"/> is always what is printed.
/// </summary>
public sealed record GridCell(int Row, int Column, string Text, CellKind Kind, int RowSpan = 1, int ColSpan = 1, decimal? Number = null)
{
    /// <summary>Decimal places of a numeric cell: the places the number was printed with (100.00 → 2, 100 → 0); a blank
    /// one (a template to fill in) gets the forms' usual two.</summary>
    public int Places => Number is { } n ? n.Scale : 2;
}

/// <summary>
/// A form in the official layout (rules.md §2–3) as a grid of placed cells, independent of the output format: the HTML
/// renderer and the xlsx writer both draw it, so the two outputs cannot drift apart.
/// </summary>
public sealed class FormGrid
{
    public required string Title { get; init; }
    public required string Subtitle { get; init; }   // （2024年度）

    /// <summary>A line above the table, on the right (单位：万元); null where the form prints none.</summary>
    public string? UnitLine { get; init; }

    /// <summary>Printed across an A4 landscape page (the 监控表's fifteen columns); portrait otherwise.</summary>
    public bool Landscape { get; init; }

    /// <summary>Column widths in spreadsheet character units; the HTML uses them as proportions.</summary>
    public required double[] ColumnWidths { get; init; }

    /// <summary>The header block: project, funds, goals. Rows are 0-based within the block.</summary>
    public List<GridCell> Head { get; } = new();
    public int HeadRows { get; set; }

    /// <summary>The indicator table's own header rows (一级指标 …): repeated on every printed page.</summary>
    public List<GridCell> TableHeader { get; } = new();

    /// <summary>How many rows <see cref="TableHeader"/> has: one, or two where a head spans sub-columns (监控表).</summary>
    public int TableHeaderRows { get; set; } = 1;

    /// <summary>The indicator rows and the footer (总分, 评分等级). Rows are 0-based within the block.</summary>
    public List<GridCell> Body { get; } = new();
    public int BodyRows { get; set; }

    public int Columns => ColumnWidths.Length;

    /// <summary>A number as the form prints it: its own decimal places; 元 amounts with thousands separators.</summary>
    public static string Format(decimal value, bool grouped)
    {
        int places = value.Scale;
        var pattern = (grouped ? "#,##0" : "0") + (places > 0 ? "." + new string('0', places) : "");
        return value.ToString(pattern, CultureInfo.InvariantCulture);
    }
}
