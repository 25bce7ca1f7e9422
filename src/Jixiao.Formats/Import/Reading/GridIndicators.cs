using System.Text;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>
/// Indicator rows of a one-cell-per-line extraction. Two kinds of exporter write it: one prints every cell of a row,
/// empty ones as a lone `|` (Sichuan's), so rows are cut by the header's width; the other (a web page's table as
/// text) leaves out merged and empty cells and ends each row with a lone `|` or with bars padding its last cell
/// (`3500 | |`), so rows are cut there and read like a table's rows. Which one wrote a file is not printed in it:
/// both readings are made and the one whose rows read as indicator rows is kept.
/// </summary>
internal static class GridIndicators
{
    public static IndicatorTable Read(SourceText source, FormKind kind, int headerRow, int end)
    {
        var byWidth = ReadByWidth(source, kind, headerRow, end);
        var byRowEnds = ReadByRowEnds(source, kind, headerRow, end);
        return Plausibility(byRowEnds, kind) > Plausibility(byWidth, kind) ? byRowEnds : byWidth;
    }

    /// <summary>
    /// How well a reading's rows read as indicator rows: a name that is not a label, a number or a unit, a group
    /// above it, a target that reads as one, a weight in 0–100 with a score within it. A reading cut at the wrong
    /// width puts labels in names and names in targets, and scores below the right one.
    /// </summary>
    private static int Plausibility(IndicatorTable table, FormKind kind)
    {
        int score = 0;
        foreach (var i in table.Indicators)
        {
            var name = i.Name ?? "";
            bool nameReads = name.Length > 1 && Level1Of(name) is null && Level2Of(name) is null && IndicatorColumnOf(name) is null
                             && !IsPrintedUnit(name) && !ValueParser.IsNumber(name) && !ValueParser.StartsWithComparator(name);
            score += nameReads ? 1 : -2;
            score += i.Level1 is not null ? 1 : -1;
            if (i.Target is { } t) score += t.Value is not null || Framework.QualitativeWords.Contains(Key(t.Text)) ? 1 : 0;
            if (kind == FormKind.SelfEvaluation && i.Weight is { } w)
                score += w is > 0 and <= 100 && (i.Score is null || i.Score <= w) ? 1 : -1;
        }
        return score;
    }

    // A unit read as a name (`%`, `个`): the cut was one cell off. A short name (成本控制, 完成时限) is not a unit.
    private static bool IsPrintedUnit(string name) => Key(name) is var k && (Array.IndexOf(ValueUnits, k) >= 0 || k is "%" or "％");

    /// <summary>
    /// Rows ended by the exporter's marks (a lone `|`, a line of bars, a cell padded with bars), read as a table's
    /// rows: labels open them, values fit the header's roles by type, a merged cell left out shifts nothing.
    /// </summary>
    private static IndicatorTable ReadByRowEnds(SourceText source, FormKind kind, int headerRow, int end)
    {
        var rows = new List<Row>();
        var origin = new List<int>();
        var cells = new List<Cell>();
        int start = -1, width = 0;
        bool marked = HasRowEndMarks(source, headerRow, end);
        bool? groupsLead = null; // the header's first row starts 一级 | 二级 (known once that row is closed)
        for (int r = headerRow; r < end; r++)
        {
            var row = source.Rows[r];
            var raw = row.Raw.AsSpan().Trim();
            if (row.IsBlank)
            {
                if (raw.Length > 0 && raw.Trim('|').Trim().Length == 0) Close(); // `|` or `||||`: a row ends
                continue;
            }
            var cell = row.NonEmptyCells[0];
            // Without marks, a group's label starts a row (a web table's text without its merged cells).
            if (!marked && cells.Count > 0 && OpensRowByLabel(cell.Text, cells)) Close();
            if (cells.Count == 0) start = r;
            cells.Add(cell with { Column = cells.Count });
            // `3500 | |`: the exporter padded the row to the table's width after its last cell; a row as wide as
            // the table ends unmarked.
            int padding = Padding(raw);
            if (padding > 0) width = Math.Max(width, cells.Count + padding);
            if (padding > 0 || (width > 0 && cells.Count >= width)) Close();
            // Without marks, a row that opened at its 二级 or its name is full one or two cells sooner.
            else if (!marked && rows.Count > 0 && width > 0 && cells.Count >= width - LabelsLeftOut(cells[0].Text, groupsLead ??= GroupsLead(rows[0]))) Close();
        }
        // A row the file stopped in (no mark after its last cell) may be missing cells.
        bool openAtEnd = cells.Count > 0;
        Close();
        if (rows.Count == 0) return new IndicatorTable([], [], false, end, false);
        var rowSource = new SourceText(new LayoutResult(LayoutKind.PipeRows, rows, source.Lines), source.File);
        var (roles, dataStart) = IndicatorColumns.ReadHeader(rowSource, kind, 0, rows.Count);
        var table = TabularIndicators.Read(rowSource, kind, roles, dataStart, rows.Count);
        int footerRow = table.FooterRow < origin.Count ? origin[table.FooterRow] : end;
        return table with { FooterRow = footerRow, Dangling = table.Dangling || (!table.ReachedFooter && openAtEnd) };

        void Close()
        {
            if (cells.Count == 0) return;
            width = Math.Max(width, cells.Count);
            rows.Add(new Row { Cells = cells.ToList(), Line = cells[0].Line, Raw = string.Join(" | ", cells.Select(c => c.Text)) });
            origin.Add(start);
            cells.Clear();
        }
    }

    /// <summary>The bars a line's last cell is padded with beyond its own (`3500 | |`: 1); 0 for none.</summary>
    private static int Padding(ReadOnlySpan<char> raw)
    {
        int bars = 0;
        for (int k = raw.Length - 1; k >= 0 && (raw[k] == '|' || raw[k] == ' '); k--) if (raw[k] == '|') bars++;
        return Math.Max(bars - 1, 0);
    }

    /// <summary>Whether the exporter marked its rows' ends: a line of bars alone, or a last cell padded with bars.</summary>
    private static bool HasRowEndMarks(SourceText source, int headerRow, int end)
    {
        for (int r = headerRow; r < end; r++)
        {
            var raw = source.Rows[r].Raw.AsSpan().Trim();
            if (raw.Length == 0) continue;
            if (source.Rows[r].IsBlank ? raw.Trim('|').Trim().Length == 0 : Padding(raw) > 0) return true;
        }
        return false;
    }

    /// <summary>Whether the header's first columns are 一级 | 二级, the group columns a row may leave out.</summary>
    private static bool GroupsLead(Row header)
    {
        var heads = header.Cells.Select(c => IndicatorColumnOf(c.Text)).ToList();
        return heads.IndexOf(IndicatorColumn.Level1) == 0 && heads.IndexOf(IndicatorColumn.Level2) == 1;
    }

    /// <summary>
    /// How many of the header's group columns (一级, 二级) stand before a row's first cell: the merged cells a web table's
    /// text leaves out of every row of a group but its first.
    /// </summary>
    private static int LabelsLeftOut(string first, bool groupsLead)
    {
        if (!groupsLead || Level1Of(first) is not null) return 0;
        return Level2Of(first) is not null ? 1 : 2;
    }

    /// <summary>
    /// A cell that can only stand at a row's start: the first cell after the header's, a 一级 label, or a 二级 label
    /// printed with 指标 after anything but its 一级 (a 三级 name is seldom printed so; `服务对象满意度` alone often is).
    /// </summary>
    private static bool OpensRowByLabel(string text, List<Cell> row)
    {
        bool isHead = IndicatorColumnOf(text) is not null;
        if (IndicatorColumnOf(row[^1].Text) is not null) return !isHead;
        if (isHead) return false;
        if (Level1Of(text) is not null) return true;
        return Level2Of(text) is { } l2 && l2.EndsWith("指标", StringComparison.Ordinal) && !(row.Count == 1 && Level1Of(row[0].Text) is not null);
    }

    /// <summary>
    /// What a head printed as 指标 alone stands for in a table without 一级/二级 heads: the indicator's name when no
    /// other column is (`指标 | 指标权重 | 计量单位 | 指标性质 | 指标值`), its group when a name column follows (`指标 | 指标内容 | 指标值`).
    /// </summary>
    private static IndicatorColumn BareHeadColumn(List<IndicatorColumn> columns, int at)
    {
        if (columns.Contains(IndicatorColumn.Level1)) return IndicatorColumn.Ignored;
        return columns.Contains(IndicatorColumn.Name) ? (columns.IndexOf(IndicatorColumn.Name) > at ? IndicatorColumn.Level1 : IndicatorColumn.Ignored) : IndicatorColumn.Name;
    }

    /// <summary>
    /// One cell per line with explicit empty cells (Sichuan exports): the header's cell count is the row width, so
    /// the cells are cut into rows of that width and read by position.
    /// </summary>
    private static IndicatorTable ReadByWidth(SourceText source, FormKind kind, int headerRow, int end)
    {
        var indicators = new List<Indicator>();
        var warnings = new List<ImportWarning>();
        bool dangling = false;
        var columns = new List<IndicatorColumn>();
        int r = headerRow;
        int bareColumn = -1; // a head printed as 指标 alone
        for (; r < end; r++)
        {
            var cell = source.Rows[r].Cells.FirstOrDefault();
            if (cell is null || cell.IsEmpty) { if (columns.Count > 0) break; continue; }
            if (IndicatorColumnOf(cell.Text) is { } col)
            {
                if (bareColumn < 0 && IsBareIndicatorHead(cell.Text)) bareColumn = columns.Count;
                columns.Add(col);
            }
            else if (columns.Count > 0) break;
        }
        if (columns.Count == 0) return new IndicatorTable(indicators, warnings, false, end, false);
        if (bareColumn >= 0) columns[bareColumn] = BareHeadColumn(columns, bareColumn);
        var cells = new List<Cell>();
        int footer = end;
        bool reachedFooter = false;
        for (; r < end; r++)
        {
            if (source.Rows[r].Cells.Count == 0) continue;
            var cell = source.Rows[r].Cells[0];
            if (!cell.IsEmpty && IsFooter(cell.Text)) { footer = r; reachedFooter = true; break; }
            cells.Add(cell);
        }
        string? level1 = null, level2 = null;
        for (int i = 0; i + columns.Count <= cells.Count || (i < cells.Count && !reachedFooter); i += columns.Count)
        {
            var row = cells.Skip(i).Take(columns.Count).ToList();
            string Get(IndicatorColumn c) { int k = columns.IndexOf(c); return k >= 0 && k < row.Count ? CellText.Of(row[k]) : ""; }
            var name = Get(IndicatorColumn.Name);
            var l2text = Get(IndicatorColumn.Level2);
            if (Level1Of(Get(IndicatorColumn.Level1)) is { } l1)
            {
                if (l2text.Length == 0 && IsCostUnderOutput(l1, level1, level2Follows: false)) l2text = l1;
                else { if (l1 != level1) level2 = null; level1 = l1; }
            }
            if (l2text.Length > 0) level2 = Level2Of(l2text) ?? Key(l2text);
            if (name.Length == 0) continue;
            // 定性/定量 in the 指标性质 column says what kind of value the target is, not how it compares.
            var comparator = Get(IndicatorColumn.Comparator);
            if (IsNatureWord(comparator)) comparator = "";
            var targetText = ChineseText.JoinInline(new[] { comparator, Get(IndicatorColumn.Target), Get(IndicatorColumn.Unit) }.Where(t => t.Length > 0))
                .Replace(" ", "");
            var ind = new Indicator
            {
                Level1 = level1,
                Level2 = level2,
                Name = name,
                Line = row[Math.Min(columns.IndexOf(IndicatorColumn.Name), row.Count - 1)].Line,
                Target = targetText.Length > 0 ? ValueParser.ParseTarget(targetText) : null,
            };
            if (kind == FormKind.SelfEvaluation)
            {
                var actual = Get(IndicatorColumn.Actual);
                ind.Actual = actual.Length > 0 ? ValueParser.ParseActual(actual) : null;
                ind.Weight = ValueParser.ParseNumber(Get(IndicatorColumn.Weight));
                ind.Score = ValueParser.ParseNumber(Get(IndicatorColumn.Score));
                var reason = Get(IndicatorColumn.Reason);
                ind.DeviationReason = reason.Length > 0 ? reason : null;
            }
            if (row.Count < columns.Count)
            {
                warnings.Add(new ImportWarning($"第{ind.Line}行：指标行只有{row.Count}格，少于表头的{columns.Count}列", ind.Line));
                dangling = true;
            }
            indicators.Add(ind);
        }
        return new IndicatorTable(indicators, warnings, reachedFooter, footer, dangling);
    }
}
