using System.Text.Json;
using Jixiao.Core.Text;

namespace Jixiao.Formats.Import;

/// <summary>One cell of a layout row: its text as printed and the 1-based line it starts on.</summary>
public sealed record Cell(string Text, int Line, int Column)
{
    public bool IsEmpty
    {
        get
        {
            // string.IsNullOrWhiteSpace without its Unicode table lookup for a Chinese character: nothing above U+3000
            // is white space, so such a character ends the test at once (every cell is tested, often several times).
            if (Text is null) return true;
            foreach (var ch in Text)
                if (ch > '\u3000' || !char.IsWhiteSpace(ch)) return false;
            return true;
        }
    }
}

/// <summary>
/// A row as a layout gives it. Tabular rows (tab, pipe, JSON) have reliable cell boundaries and positions;
/// text rows (PDF text, one cell per line, paragraphs) have a line split at white space, and cells may continue on
/// the next line.
/// </summary>
public sealed class Row
{
    public required IReadOnlyList<Cell> Cells { get; init; }
    public required int Line { get; init; }
    public required string Raw { get; init; }

    /// <summary>Cut out of a line whose cells ran together (<see cref="GluedText"/>): its cell boundaries are guesses.</summary>
    public bool Glued { get; init; }

    private Cell[]? _nonEmpty;
    private string? _joined;

    public bool IsBlank => NonEmptyCells.Length == 0;

    public IEnumerable<Cell> NonEmpty => NonEmptyCells;

    /// <summary>The non-empty cells, computed once: every pass of the reader walks them.</summary>
    public Cell[] NonEmptyCells => _nonEmpty ??= FindNonEmpty(Cells);

    private static Cell[] FindNonEmpty(IReadOnlyList<Cell> cells)
    {
        int n = 0;
        for (int i = 0; i < cells.Count; i++) if (!cells[i].IsEmpty) n++;
        if (n == 0) return [];
        var found = new Cell[n];
        n = 0;
        for (int i = 0; i < cells.Count; i++) if (!cells[i].IsEmpty) found[n++] = cells[i];
        return found;
    }

    public string JoinedText => _joined ??= ChineseText.RemoveSpaces(string.Concat(NonEmptyCells.Select(c => c.Text)));

    /// <summary>Leading empty cells and the cell count: how a tabular extractor placed the row.</summary>
    public (int Leading, int Count) Shape
    {
        get
        {
            int lead = 0;
            while (lead < Cells.Count && Cells[lead].IsEmpty) lead++;
            int count = Cells.Count;
            while (count > 0 && Cells[count - 1].IsEmpty) count--;
            return (lead, count);
        }
    }
}

public enum LayoutKind
{
    TabRows,      // tab-separated rows (PDF table extractors)
    PipeRows,     // `|`-separated rows, markdown tables
    JsonRows,     // a JSON array of table rows
    Text,         // PDF text: cells split over lines, several cells on a line separated by spaces
    CellPerLine,  // one cell per line, each ending in ` |`; an empty cell is a lone `|`, a row of bars ends a row
    CellGrid,     // rows of cells from a spreadsheet or a PDF's ruled table; a merged cell's text only in its top-left cell
}

public sealed record LayoutResult(LayoutKind Kind, IReadOnlyList<Row> Rows, IReadOnlyList<string> Lines);

/// <summary>Detects the layout of a decoded text and splits it into rows of cells.</summary>
public static class Layouts
{
    public static LayoutResult Split(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var trimmed = text.TrimStart('\uFEFF', ' ', '\n', '\r', '\t');
        if (trimmed.StartsWith('[') && TryJson(trimmed, out var jsonRows)) return new LayoutResult(LayoutKind.JsonRows, jsonRows, lines);

        int nonBlank = 0, tabbed = 0, piped = 0, pipeSingle = 0;
        foreach (var l in lines)
        {
            if (string.IsNullOrWhiteSpace(l)) continue;
            nonBlank++;
            if (l.Contains('\t')) tabbed++;
            if (l.Contains('|'))
            {
                piped++;
                if (FilledBarCells(l) <= 1) pipeSingle++;
            }
        }
        if (nonBlank > 0 && tabbed * 5 >= nonBlank) return new LayoutResult(LayoutKind.TabRows, Delimited(lines, '\t'), lines);
        int barEnded = lines.Count(l => l.AsSpan().TrimEnd().EndsWith("|") && FilledBarCells(l) <= 1);
        if (nonBlank > 0 && barEnded * 2 >= nonBlank) return new LayoutResult(LayoutKind.CellPerLine, CellLines(lines), lines);
        // Lines that each carry one cell and a trailing ` |` are a cell-per-line extraction, not a table.
        if (nonBlank > 0 && piped * 3 >= nonBlank && pipeSingle * 2 < piped) return new LayoutResult(LayoutKind.PipeRows, Delimited(lines, '|'), lines);
        return new LayoutResult(LayoutKind.Text, TextRows(lines), lines);
    }

    /// <summary>
    /// Rows of reliable cells (an xlsx sheet, a PDF table rebuilt from its ruling lines), in the JSON-rows shape: a merged
    /// cell has its text in the top-left cell and the others are empty. The "line" of a row is its 1-based number in the
    /// grid, which is what warnings then name.
    /// </summary>
    public static LayoutResult FromGrid(IReadOnlyList<IReadOnlyList<string>> grid)
    {
        var rows = new List<Row>(grid.Count);
        var lines = new string[grid.Count];
        for (int r = 0; r < grid.Count; r++)
        {
            var cells = new List<Cell>(grid[r].Count);
            for (int c = 0; c < grid[r].Count; c++) cells.Add(new Cell(grid[r][c] ?? "", r + 1, c));
            lines[r] = string.Join('\t', cells.Select(x => x.Text));
            rows.Add(new Row { Cells = cells, Line = r + 1, Raw = lines[r] });
        }
        return new LayoutResult(LayoutKind.CellGrid, rows, lines);
    }

    /// <summary>How many `|`-separated cells of a line hold text, counted without splitting.</summary>
    private static int FilledBarCells(string line)
    {
        int filled = 0;
        bool text = false;
        foreach (var c in line)
        {
            if (c == '|') { if (text) filled++; text = false; }
            else if (!ChineseText.IsWhiteSpace(c)) text = true;
        }
        return text ? filled + 1 : filled;
    }

    private static string StripHeading(string line)
    {
        var t = line.AsSpan().TrimStart();
        if (t.StartsWith('#')) return t.TrimStart('#').TrimStart().ToString();
        return line;
    }

    private static List<Row> Delimited(string[] lines, char sep)
    {
        var rows = new List<Row>(lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            var line = StripHeading(lines[i]);
            var parts = line.Split(sep);
            if (sep == '|')
            {
                // Markdown rows `| a | b |` have an empty cell before the first and after the last bar.
                int start = parts.Length > 1 && string.IsNullOrWhiteSpace(parts[0]) && line.TrimStart().StartsWith('|') ? 1 : 0;
                parts = parts[start..];
                if (parts.Length > 0 && parts.All(p => string.IsNullOrWhiteSpace(p))) parts = [];
                else if (parts.All(IsRuleCell)) parts = [];
            }
            if (parts.Length > 1 && GluedText.TrailingHead(parts[0]) is { } glued) parts = [glued.Before, glued.Head, .. parts[1..]];
            var cells = new List<Cell>(parts.Length);
            for (int c = 0; c < parts.Length; c++) cells.Add(new Cell(parts[c].Trim(), i + 1, c));
            rows.Add(new Row { Cells = cells, Line = i + 1, Raw = lines[i] });
        }
        return rows;
    }

    /// <summary>A cell of a markdown table's rule row (`---`, `:-:`), or an empty one.</summary>
    private static bool IsRuleCell(string cell) => cell.AsSpan().Trim() is "" or "-" or "---" or ":---" or "---:" or ":-:";

    private static List<Row> CellLines(string[] lines)
    {
        var rows = new List<Row>(lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            var t = lines[i].Trim();
            List<Cell> cells;
            if (t.Length > 1 && t.Trim('|', ' ').Length == 0) cells = []; // `||||`: a row ends
            else if (t == "|") cells = [new Cell("", i + 1, 0)];          // an empty cell
            else cells = t.Length == 0 ? [] : [new Cell(t.TrimEnd('|', ' ', '\t').Trim(), i + 1, 0)];
            rows.Add(new Row { Cells = cells, Line = i + 1, Raw = lines[i] });
        }
        return rows;
    }

    private static readonly char[] TokenSeparators = [' ', '\t', '\u3000', '\u00A0'];

    private static List<Row> TextRows(string[] lines)
    {
        var rows = new List<Row>(lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            var line = StripHeading(lines[i]);
            // One-cell-per-line extractions end each cell with ` |`; the bar carries no meaning.
            var t = line.TrimEnd();
            if (t.EndsWith('|')) t = t.TrimEnd('|').TrimEnd();
            var parts = GluedText.Parts(t);
            foreach (var part in parts)
            {
                if (GluedText.IsGlued(part))
                {
                    // Cells that ran together: one row per printed row, all on this line.
                    foreach (var glued in GluedText.Rows(part))
                    {
                        var gc = new List<Cell>(glued.Count);
                        for (int c = 0; c < glued.Count; c++) gc.Add(new Cell(glued[c], i + 1, c));
                        rows.Add(new Row { Cells = gc, Line = i + 1, Raw = string.Join(' ', glued), Glued = true });
                    }
                    continue;
                }
                var tokens = part.Split(TokenSeparators, StringSplitOptions.RemoveEmptyEntries);
                var cells = new List<Cell>(tokens.Length);
                for (int c = 0; c < tokens.Length; c++) cells.Add(new Cell(tokens[c], i + 1, c));
                rows.Add(new Row { Cells = cells, Line = i + 1, Raw = parts.Count == 1 ? lines[i] : part });
            }
        }
        SplitTrailingValues(rows);
        return rows;
    }

    /// <summary>
    /// In a text whose cells ran together, a line with a name and its value and no label (`…合格率100%`) was a row of
    /// the table too: its value is cut off into a cell of its own.
    /// </summary>
    private static void SplitTrailingValues(List<Row> rows)
    {
        if (!rows.Any(r => r.Glued)) return;
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.Glued || r.Cells.Count != 1 || GluedText.TrailingValue(r.Cells[0].Text) is not { } split) continue;
            rows[i] = new Row
            {
                Cells = [new Cell(split.Name, r.Line, 0), new Cell(split.Value, r.Line, 1)],
                Line = r.Line, Raw = r.Raw, Glued = true,
            };
        }
    }

    private static bool TryJson(string text, out List<Row> rows)
    {
        rows = new List<Row>();
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 16 });
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return false;
            int r = 0;
            foreach (var row in doc.RootElement.EnumerateArray())
            {
                r++;
                if (row.ValueKind != JsonValueKind.Array) return false;
                var cells = new List<Cell>();
                int c = 0;
                foreach (var cell in row.EnumerateArray())
                {
                    var s = cell.ValueKind switch
                    {
                        JsonValueKind.String => cell.GetString() ?? "",
                        JsonValueKind.Number => cell.GetRawText(),
                        JsonValueKind.Null => "",
                        _ => cell.GetRawText(),
                    };
                    cells.Add(new Cell(s, r, c++));
                }
                // In JSON rows the "line" is the row's number: the file may be a single physical line.
                rows.Add(new Row { Cells = cells, Line = r, Raw = string.Join('\t', cells.Select(x => x.Text)) });
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
