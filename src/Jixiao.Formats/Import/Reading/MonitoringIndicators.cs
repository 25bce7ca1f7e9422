using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;
using Jixiao.Formats.Export;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>The 监控表's indicators, each with its line, and what could not be read.</summary>
internal sealed record MonitoringIndicatorTable(List<Indicator> Indicators, List<MonitoringIssue> Issues);

/// <summary>
/// The indicator table's heads: each column's head and its printed text, the cause and likelihood sub-columns of the
/// national head (ticked with √), whether 完成目标可能性 is one column that takes the word itself (黄石), and the
/// first row under the heads.
/// </summary>
internal sealed record MonitoringHeads(
    Dictionary<MonitoringColumn, (int Column, string Text)> Columns,
    Dictionary<int, DeviationCause> Causes,
    Dictionary<int, Likelihood> Likelihoods,
    bool LikelihoodAsText,
    int BodyStart)
{
    public string HeadOf(int column) =>
        Causes.TryGetValue(column, out var c) ? c.ToChinese()
        : Likelihoods.TryGetValue(column, out var l) ? $"{Columns.GetValueOrDefault(MonitoringColumn.Likelihood).Text}·{l.ToChinese()}"
        : Columns.Values.Where(v => v.Column <= column).OrderByDescending(v => v.Column).Select(v => v.Text).FirstOrDefault() ?? "";
}

/// <summary>One indicator row's cells by column, and the ticks it carries.</summary>
internal sealed record MonitoringRowCells(Dictionary<MonitoringColumn, string> Values, List<DeviationCause> Causes, List<(int Column, Likelihood Value)> Likely);

/// <summary>The 监控表's indicator table: its column heads, its rows, and the choice columns (偏差原因, 完成目标可能性).</summary>
internal static class MonitoringIndicators
{
    /// <summary>The table from its head row <paramref name="head"/> to <paramref name="end"/>.</summary>
    public static MonitoringIndicatorTable Read(MonitoringText text, int head, int end)
    {
        var indicators = new List<Indicator>();
        var issues = new List<MonitoringIssue>();
        if (text.Loose && TickHeadsNear(text, head, end))
        {
            // Which column a √ stands in is all a tick says; text without columns (pdftotext -layout, a paste)
            // has lost it, and its wrapped cells leave no row boundary either.
            issues.Add(new MonitoringIssue(head, null, null, "绩效指标表是打勾的版式（偏差原因分析、完成目标可能性分列打 √），这份文本没有保留各栏的位置，指标行无法可靠读取，未导入；请导入 PDF 或 xlsx 原件", false));
            return new MonitoringIndicatorTable(indicators, issues);
        }
        var rows = text.Rows;
        // Cells are trusted in their columns unless the text lost them (loose) or the head shows it did (wrapped).
        bool loose = text.Loose || HeadContinues(rows, head, end);
        var h = ReadHeads(rows, head, end, loose);
        string? level1 = null, level2 = null;
        for (int r = h.BodyStart; r < end; r++)
        {
            var cells = rows[r].NonEmptyCells;
            if (cells.Length == 0) continue;
            // A head repeated on a later page: text extractions keep both rows, the PDF table reader the second.
            if (cells.Any(c => Key(c.Text) == Level1Head) || cells.All(c => IsChoiceName(c.Text))) continue;
            if (EndsMonitoringTable(cells[0].Text)) break;
            void Issue(int? column, string? headText, string message, bool error) => issues.Add(new MonitoringIssue(r, column, headText, message, error));
            MonitoringRowCells row;
            if (loose)
            {
                // 一级 printed on a line of its own above its group (`产 出 指 标 |`).
                if (cells.Length == 1 && Level1Name(cells[0].Text) is { } group) { level1 = group; level2 = null; continue; }
                row = LooseCells(h, cells, Issue);
            }
            else row = PlacedCells(h, cells, Issue);
            var (values, causes, likely) = row;
            if (values.TryGetValue(MonitoringColumn.Level1, out var l1)) { level1 = RowText.Clean(l1); level2 = null; }
            if (values.TryGetValue(MonitoringColumn.Level2, out var l2)) level2 = RowText.Clean(l2);
            if (!values.TryGetValue(MonitoringColumn.Level3, out var name) || RowText.Clean(name) is not { } cleanName)
            {
                // An 二级 row with no 三级 indicator (the vendor export prints them) carries nothing to read.
                if (values.Keys.Any(k => k is not (MonitoringColumn.Level1 or MonitoringColumn.Level2)) || causes.Count > 0 || likely.Count > 0)
                    Issue(null, null, "这一行没有三级指标名称，未读取", false);
                continue;
            }
            var x = new Indicator { Level1 = level1, Level2 = level2, Name = cleanName, Line = rows[r].Line };
            if (values.TryGetValue(MonitoringColumn.Target, out var target) && RowText.Clean(target) is { } tt) x.Target = ValueParser.ParseTarget(tt);
            if (values.TryGetValue(MonitoringColumn.Progress, out var progress) && RowText.Clean(progress) is { } pt) x.Progress = ValueParser.ParseActual(pt);
            if (values.TryGetValue(MonitoringColumn.Forecast, out var forecast) && RowText.Clean(forecast) is { } ft) x.Forecast = ValueParser.ParseActual(ft);
            if (likely.Count > 1)
                Issue(likely[1].Column, h.HeadOf(likely[1].Column),
                    $"完成目标可能性只能选一项，{string.Join("、", likely.Select(l => l.Value.ToChinese()))}都打了 √", true);
            else if (likely.Count == 1) x.Likelihood = likely[0].Value;
            if (h.LikelihoodAsText && values.TryGetValue(MonitoringColumn.Likelihood, out var said) && RowText.Clean(said) is { } st)
            {
                x.Likelihood = LikelihoodWord(st);
                if (x.Likelihood is null)
                    Issue(h.Columns[MonitoringColumn.Likelihood].Column, h.Columns[MonitoringColumn.Likelihood].Text, $"“{st}”不是完成目标可能性（确定能、有可能、完全不可能）", true);
            }
            var (remark, deviation, _) = MonitoringRemark.Parse(values.TryGetValue(MonitoringColumn.Remark, out var rm) ? RowText.Clean(rm) : null, causes);
            x.Remark = remark;
            x.Deviation = deviation;
            indicators.Add(x);
        }
        return new MonitoringIndicatorTable(indicators, issues);
    }

    /// <summary>The row after the head holds only heads: a head wrapped over lines, as web tables come out as text.</summary>
    private static bool HeadContinues(IReadOnlyList<Row> rows, int head, int end) =>
        head + 1 < end && !rows[head + 1].IsBlank && rows[head + 1].NonEmptyCells.All(c => MonitoringIndicatorHeadOf(c.Text) is not null);

    private static MonitoringHeads ReadHeads(IReadOnlyList<Row> rows, int head, int end, bool loose)
    {
        var columns = new Dictionary<MonitoringColumn, (int Column, string Text)>();
        var causes = new Dictionary<int, DeviationCause>();
        var likelihoods = new Dictionary<int, Likelihood>();
        foreach (var c in rows[head].NonEmptyCells)
            if (MonitoringIndicatorHeadOf(c.Text) is { } col && !columns.ContainsKey(col)) columns[col] = (c.Column, RowText.Clean(c.Text) ?? "");
        int bodyStart = head + 1;
        // A head written over several lines (a web table as text): the lines after it that hold only heads.
        while (loose && bodyStart < end && !rows[bodyStart].IsBlank && rows[bodyStart].NonEmptyCells.All(c => MonitoringIndicatorHeadOf(c.Text) is not null))
        {
            int next = columns.Values.Select(v => v.Column).DefaultIfEmpty(-1).Max() + 1;
            foreach (var c in rows[bodyStart].NonEmptyCells)
                if (MonitoringIndicatorHeadOf(c.Text) is { } col && !columns.ContainsKey(col)) columns[col] = (next++, RowText.Clean(c.Text) ?? "");
            bodyStart++;
        }
        head = bodyStart - 1;
        // The second head row names the five causes and the three likelihoods under their spanning heads.
        if (head + 1 < end)
        {
            bool sub = false;
            foreach (var c in rows[head + 1].NonEmptyCells)
            {
                var name = ChineseText.RemoveSpaces(c.Text);
                if (MonitoringChoices.CauseFromChinese(name) is { } cause) { causes[c.Column] = cause; sub = true; }
                else if (MonitoringChoices.LikelihoodFromChinese(name) is { } l) { likelihoods[c.Column] = l; sub = true; }
            }
            if (sub) bodyStart = head + 2;
        }
        // 黄石: one column `完成目标可能性(确定能、有可能、不可能)` that takes the word itself.
        bool asText = columns.ContainsKey(MonitoringColumn.Likelihood) && likelihoods.Count == 0;
        return new MonitoringHeads(columns, causes, likelihoods, asText, bodyStart);
    }

    private static bool IsChoiceName(string text)
    {
        var name = ChineseText.RemoveSpaces(text);
        return MonitoringChoices.CauseFromChinese(name) is not null || MonitoringChoices.LikelihoodFromChinese(name) is not null;
    }

    /// <summary>A likelihood written as its word (确定能, 有可能√): the choice, or null.</summary>
    private static Likelihood? LikelihoodWord(string text) => MonitoringChoices.LikelihoodFromChinese(ChineseText.RemoveSpaces(text).TrimEnd(Tick));

    /// <summary>The national head: the cause sub-columns (经费保障 …), maybe wrapped over two lines around the head row.</summary>
    private static bool TickHeadsNear(MonitoringText text, int head, int end)
    {
        int from = Math.Max(0, head - 2);
        return NamesTickColumns(string.Concat(Enumerable.Range(from, Math.Min(end, head + 4) - from).Select(i => text.Rows[i].JoinedText)));
    }

    private static string? Level1Name(string text)
    {
        var t = ChineseText.RemoveSpaces(text);
        return Framework.Level1Names.Contains(t) ? t : null;
    }

    private delegate void IssueAt(int? column, string? head, string message, bool error);

    /// <summary>Cells in their columns: each belongs to the head at or left of it; ticks to their sub-column.</summary>
    private static MonitoringRowCells PlacedCells(MonitoringHeads h, Cell[] cells, IssueAt issue)
    {
        var row = new MonitoringRowCells(new(), new(), new());
        foreach (var c in cells)
        {
            if (h.Causes.TryGetValue(c.Column, out var cause) || h.Likelihoods.ContainsKey(c.Column))
            {
                if (!IsTick(c.Text)) { issue(c.Column, h.HeadOf(c.Column), $"“{c.Text.Trim()}”不是勾选标记，请填 √ 或留空", true); continue; }
                if (h.Likelihoods.TryGetValue(c.Column, out var l)) row.Likely.Add((c.Column, l));
                else row.Causes.Add(cause);
                continue;
            }
            var owner = h.Columns.Where(kv => kv.Value.Column <= c.Column).OrderByDescending(kv => kv.Value.Column).Select(kv => (MonitoringColumn?)kv.Key).FirstOrDefault();
            if (owner is { } o && !row.Values.ContainsKey(o)) row.Values[o] = c.Text;
        }
        return row;
    }

    /// <summary>
    /// Cells that may have lost their columns (the 黄石 layout as web text): the first is the indicator, a likelihood
    /// word (确定能 …) is 完成目标可能性 and what follows it 备注; the cells between are the value columns in order, but
    /// only when there are as many as the head has (a missing cell cannot be told from a merged one).
    /// </summary>
    private static MonitoringRowCells LooseCells(MonitoringHeads h, Cell[] cells, IssueAt issue)
    {
        var row = new MonitoringRowCells(new(), new(), new());
        var values = row.Values;
        int at = 0;
        if (cells.Length > 1 && Level1Name(cells[0].Text) is not null) values[MonitoringColumn.Level1] = cells[at++].Text;
        values[MonitoringColumn.Level3] = cells[at++].Text;
        int said = Array.FindIndex(cells, at, c => LikelihoodWord(c.Text) is not null);
        var middle = cells[at..(said < 0 ? cells.Length : said)];
        var columns = new[] { MonitoringColumn.Target, MonitoringColumn.Progress, MonitoringColumn.Forecast }.Where(h.Columns.ContainsKey).OrderBy(c => h.Columns[c].Column).ToList();
        if (middle.Length == columns.Count)
            for (int i = 0; i < middle.Length; i++) values[columns[i]] = middle[i].Text;
        else if (middle.Length > 0)
            issue(null, null, $"这一行有 {middle.Length} 格文字，表头有 {columns.Count} 栏（{string.Join("、", columns.Select(c => h.Columns[c].Text))}），无法确定各属哪一栏，未读取", false);
        if (said < 0) return row;
        values[MonitoringColumn.Likelihood] = cells[said].Text;
        if (said + 1 < cells.Length) values[MonitoringColumn.Remark] = string.Join("\n", cells[(said + 1)..].Select(c => c.Text));
        return row;
    }
}
