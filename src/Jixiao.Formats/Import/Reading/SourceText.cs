using System.Text;
using Jixiao.Core.Text;

namespace Jixiao.Formats.Import;

/// <summary>
/// What every stage of the form reader reads: one file's rows as its layout gave them. Immutable; a stage takes a
/// range of rows and returns what it found, it never keeps state between forms.
/// </summary>
internal sealed class SourceText
{
    public SourceText(LayoutResult layout, string file)
    {
        Layout = layout;
        File = file;
        Tabular = layout.Kind is LayoutKind.TabRows or LayoutKind.PipeRows or LayoutKind.JsonRows or LayoutKind.CellGrid;
        CellPerLine = layout.Kind == LayoutKind.CellPerLine;
    }

    public LayoutResult Layout { get; }
    public string File { get; }
    public IReadOnlyList<Row> Rows => Layout.Rows;
    public IReadOnlyList<string> Lines => Layout.Lines;

    /// <summary>Cells with reliable boundaries and positions (tab, pipe, JSON rows, a sheet's grid).</summary>
    public bool Tabular { get; }

    /// <summary>One cell per line with explicit empty cells: cells are reliable, their row is found by counting.</summary>
    public bool CellPerLine { get; }

    private HashSet<int>? _gluedLines;

    /// <summary>A line whose cells ran together: only there may numbers that ran together be split.</summary>
    public bool IsGluedLine(int line) => (_gluedLines ??= Rows.Where(r => r.Glued).Select(r => r.Line).ToHashSet()).Contains(line);

    /// <summary>The non-empty cells of rows [from, end), in reading order.</summary>
    public IEnumerable<Cell> CellsOf(int from, int end)
    {
        for (int r = from; r < end; r++)
            foreach (var c in Rows[r].NonEmptyCells) yield return c;
    }

    /// <summary>The 1-based line of the last non-blank row before <paramref name="end"/>.</summary>
    public int LastLineBefore(int end)
    {
        for (int r = Math.Min(end, Rows.Count) - 1; r >= 0; r--)
            if (!Rows[r].IsBlank) return Rows[r].Line;
        return Rows[^1].Line;
    }
}

/// <summary>How the reader turns printed cells into values: normalised text, and cells joined by the wrap rules.</summary>
internal static class CellText
{
    /// <summary>A cell's text, normalised, with the quotes a spreadsheet export put around it removed.</summary>
    public static string Of(Cell cell)
    {
        var t = cell.Text;
        // Most cells are clean: no surrounding space, no quotes, nothing to normalise. Keep the same string.
        if (t.Length > 0 && t[0] != '"' && !ChineseText.IsSpace(t[0]) && !ChineseText.IsSpace(t[^1])) return ChineseText.Normalize(t);
        t = t.Trim();
        if (t.Length >= 2 && t[0] == '"' && t[^1] == '"') t = t[1..^1];
        return ChineseText.Normalize(t);
    }

    /// <summary>Joins the cells of one value: tokens on one line with the in-line rule, lines with the wrap rule.</summary>
    public static string Join(IReadOnlyList<Cell> cells)
    {
        // The cells of one line are joined once, by the in-line rule; the lines one after another by the wrap rule.
        // (Joining cell by cell re-made the whole text for every cell: a line of 30,000 words took seconds.)
        // One cell, the most common value, is its normalised text.
        if (cells.Count == 1) return ChineseText.Normalize(cells[0].Text);
        var sb = new StringBuilder();
        var sameLine = new List<string>();
        int line = -1;
        foreach (var c in cells)
        {
            var t = ChineseText.Normalize(c.Text);
            if (t.Length == 0) continue;
            if (c.Line != line) Flush();
            sameLine.Add(t);
            line = c.Line;
        }
        Flush();
        return sb.ToString();

        void Flush()
        {
            if (sameLine.Count == 0) return;
            ChineseText.AppendWrapped(sb, sameLine.Count == 1 ? sameLine[0] : ChineseText.JoinInline(sameLine));
            sameLine.Clear();
        }
    }

    /// <summary>A wrapped continuation appended to a value.</summary>
    public static string JoinTwo(string a, string b)
    {
        var sb = new StringBuilder(a);
        ChineseText.AppendWrapped(sb, ChineseText.Normalize(b));
        return sb.ToString();
    }

    public static string Append(string? a, string b) => a is null ? b : a + b;
}
