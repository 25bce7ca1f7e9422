using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;
using Jixiao.Formats.Export;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>The 监控表's indicator table: its column heads, its rows, and the choice columns (偏差原因, 完成目标可能性).</summary>
public sealed partial class MonitoringReader
{
    // ---------------------------------------------------------------- indicators

    private sealed class Heads
    {
        public readonly Dictionary<Col, (int Column, string Text)> Columns = new();
        public readonly Dictionary<int, DeviationCause> Causes = new();
        public readonly Dictionary<int, Likelihood> Likelihoods = new();
        public bool LikelihoodAsText;

        public string HeadOf(int column) =>
            Causes.TryGetValue(column, out var c) ? c.ToChinese()
            : Likelihoods.TryGetValue(column, out var l) ? $"{Columns.GetValueOrDefault(Col.Likelihood).Text}·{l.ToChinese()}"
            : Columns.Values.Where(v => v.Column <= column).OrderByDescending(v => v.Column).Select(v => v.Text).FirstOrDefault() ?? "";
    }

    private static Col? IndicatorHead(string text)
    {
        var k = Key(text);
        if (k == "一级指标") return Col.Level1;
        if (k == "二级指标") return Col.Level2;
        if (k is "三级指标" or "指标名称") return Col.Level3;
        if (k.Contains("指标值")) return Col.Target;
        if (k.Contains("预计")) return Col.Forecast;
        if (k.Contains("执行情况") || k.Contains("完成值") || k.Contains("完成情况")) return Col.Progress;
        if (k.StartsWith("偏差原因", StringComparison.Ordinal)) return Col.Deviation;
        if (k.StartsWith("完成目标可能性", StringComparison.Ordinal)) return Col.Likelihood;
        if (k == "备注") return Col.Remark;
        return null;
    }

    /// <summary>The row after the head holds only heads: a head wrapped over lines, as web tables come out as text.</summary>
    private bool HeadContinues(int head, int end) =>
        head + 1 < end && !_rows[head + 1].IsBlank && _rows[head + 1].NonEmptyCells.All(c => IndicatorHead(c.Text) is not null);

    private Heads ReadHeads(int head, int end, bool loose, out int bodyStart)
    {
        var h = new Heads();
        foreach (var c in _rows[head].NonEmptyCells)
            if (IndicatorHead(c.Text) is { } col && !h.Columns.ContainsKey(col)) h.Columns[col] = (c.Column, Clean(c.Text) ?? "");
        bodyStart = head + 1;
        // A head written over several lines (a web table as text): the lines after it that hold only heads.
        while (loose && bodyStart < end && !_rows[bodyStart].IsBlank && _rows[bodyStart].NonEmptyCells.All(c => IndicatorHead(c.Text) is not null))
        {
            int next = h.Columns.Values.Select(v => v.Column).DefaultIfEmpty(-1).Max() + 1;
            foreach (var c in _rows[bodyStart].NonEmptyCells)
                if (IndicatorHead(c.Text) is { } col && !h.Columns.ContainsKey(col)) h.Columns[col] = (next++, Clean(c.Text) ?? "");
            bodyStart++;
        }
        head = bodyStart - 1;
        // The second head row names the five causes and the three likelihoods under their spanning heads.
        if (head + 1 < end)
        {
            bool sub = false;
            foreach (var c in _rows[head + 1].NonEmptyCells)
            {
                var name = ChineseText.RemoveSpaces(c.Text);
                if (MonitoringChoices.CauseFromChinese(name) is { } cause) { h.Causes[c.Column] = cause; sub = true; }
                else if (MonitoringChoices.LikelihoodFromChinese(name) is { } l) { h.Likelihoods[c.Column] = l; sub = true; }
            }
            if (sub) bodyStart = head + 2;
        }
        // 黄石: one column `完成目标可能性(确定能、有可能、不可能)` that takes the word itself.
        h.LikelihoodAsText = h.Columns.ContainsKey(Col.Likelihood) && h.Likelihoods.Count == 0;
        return h;
    }

    private static readonly string[] Ticks = ["√", "✓", "✔", "☑", "■", "v", "V"];

    private static bool IsChoiceName(string text)
    {
        var name = ChineseText.RemoveSpaces(text);
        return MonitoringChoices.CauseFromChinese(name) is not null || MonitoringChoices.LikelihoodFromChinese(name) is not null;
    }

    private static bool IsTick(string text) => Ticks.Contains(ChineseText.RemoveSpaces(text));

    private void ReadIndicators(MonitoringForm form, int head, int end)
    {
        if (_loose && TickHeadsNear(head, end))
        {
            // Which column a √ stands in is all a tick says; text without columns (pdftotext -layout, a paste)
            // has lost it, and its wrapped cells leave no row boundary either.
            Issue(head, null, null, "绩效指标表是打勾的版式（偏差原因分析、完成目标可能性分列打 √），这份文本没有保留各栏的位置，指标行无法可靠读取，未导入；请导入 PDF 或 xlsx 原件", false);
            return;
        }
        // Cells are trusted in their columns unless the text lost them (loose) or the head shows it did (wrapped).
        bool loose = _loose || HeadContinues(head, end);
        var h = ReadHeads(head, end, loose, out int r);
        string? level1 = null, level2 = null;
        for (; r < end; r++)
        {
            var cells = _rows[r].NonEmptyCells;
            if (cells.Length == 0) continue;
            // A head repeated on a later page: text extractions keep both rows, the PDF table reader the second.
            if (cells.Any(c => Key(c.Text) == "一级指标") || cells.All(c => IsChoiceName(c.Text))) continue;
            if (EndsTable(cells)) break;
            var values = new Dictionary<Col, string>();
            var causes = new List<DeviationCause>();
            var likely = new List<(int Column, Likelihood Value)>();
            if (loose)
            {
                // 一级 printed on a line of its own above its group (`产 出 指 标 |`).
                if (cells.Length == 1 && Level1Name(cells[0].Text) is { } group) { level1 = group; level2 = null; continue; }
                LooseCells(h, cells, r, values);
            }
            else PlacedCells(h, cells, r, values, causes, likely);
            if (values.TryGetValue(Col.Level1, out var l1)) { level1 = Clean(l1); level2 = null; }
            if (values.TryGetValue(Col.Level2, out var l2)) level2 = Clean(l2);
            if (!values.TryGetValue(Col.Level3, out var name) || Clean(name) is not { } cleanName)
            {
                // An 二级 row with no 三级 indicator (the vendor export prints them) carries nothing to read.
                if (values.Keys.Any(k => k is not (Col.Level1 or Col.Level2)) || causes.Count > 0 || likely.Count > 0)
                    Issue(r, null, null, "这一行没有三级指标名称，未读取", false);
                continue;
            }
            var x = new Indicator { Level1 = level1, Level2 = level2, Name = cleanName, Line = _rows[r].Line };
            if (values.TryGetValue(Col.Target, out var target) && Clean(target) is { } tt) x.Target = ValueParser.ParseTarget(tt);
            if (values.TryGetValue(Col.Progress, out var progress) && Clean(progress) is { } pt) x.Progress = ValueParser.ParseActual(pt);
            if (values.TryGetValue(Col.Forecast, out var forecast) && Clean(forecast) is { } ft) x.Forecast = ValueParser.ParseActual(ft);
            if (likely.Count > 1)
                Issue(r, likely[1].Column, h.HeadOf(likely[1].Column),
                    $"完成目标可能性只能选一项，{string.Join("、", likely.Select(l => l.Value.ToChinese()))}都打了 √", true);
            else if (likely.Count == 1) x.Likelihood = likely[0].Value;
            if (h.LikelihoodAsText && values.TryGetValue(Col.Likelihood, out var said) && Clean(said) is { } st)
            {
                x.Likelihood = MonitoringChoices.LikelihoodFromChinese(ChineseText.RemoveSpaces(st).TrimEnd('√'));
                if (x.Likelihood is null)
                    Issue(r, h.Columns[Col.Likelihood].Column, h.Columns[Col.Likelihood].Text, $"“{st}”不是完成目标可能性（确定能、有可能、完全不可能）", true);
            }
            var (remark, deviation, _) = MonitoringRemark.Parse(values.TryGetValue(Col.Remark, out var rm) ? Clean(rm) : null, causes);
            x.Remark = remark;
            x.Deviation = deviation;
            form.Indicators.Add(x);
        }
    }

    /// <summary>The national head: the cause sub-columns (经费保障 …), maybe wrapped over two lines around the head row.</summary>
    private bool TickHeadsNear(int head, int end)
    {
        var near = string.Concat(Enumerable.Range(Math.Max(0, head - 2), Math.Min(end, head + 4) - Math.Max(0, head - 2)).Select(i => _rows[i].JoinedText));
        return near.Contains("保障", StringComparison.Ordinal) && (near.Contains("经费", StringComparison.Ordinal) || near.Contains("确定", StringComparison.Ordinal));
    }

    /// <summary>The rows under the table that end it: notes, and 黄石's two text rows for reasons and measures.</summary>
    private static bool EndsTable(Cell[] cells)
    {
        var k = Key(cells[0].Text);
        return k == "注" || k.StartsWith("注:", StringComparison.Ordinal) || k.StartsWith("注：", StringComparison.Ordinal)
            || k.StartsWith("偏差或不能完成目标原因", StringComparison.Ordinal) || k.StartsWith("相关建议", StringComparison.Ordinal);
    }

    private static string? Level1Name(string text)
    {
        var t = ChineseText.RemoveSpaces(text);
        return Framework.Level1Names.Contains(t) ? t : null;
    }

    /// <summary>Cells in their columns: each belongs to the head at or left of it; ticks to their sub-column.</summary>
    private void PlacedCells(Heads h, Cell[] cells, int r, Dictionary<Col, string> values, List<DeviationCause> causes, List<(int Column, Likelihood Value)> likely)
    {
        foreach (var c in cells)
        {
            if (h.Causes.TryGetValue(c.Column, out var cause) || h.Likelihoods.ContainsKey(c.Column))
            {
                if (!IsTick(c.Text)) { Issue(r, c.Column, h.HeadOf(c.Column), $"“{c.Text.Trim()}”不是勾选标记，请填 √ 或留空", true); continue; }
                if (h.Likelihoods.TryGetValue(c.Column, out var l)) likely.Add((c.Column, l));
                else causes.Add(cause);
                continue;
            }
            var owner = h.Columns.Where(kv => kv.Value.Column <= c.Column).OrderByDescending(kv => kv.Value.Column).Select(kv => (Col?)kv.Key).FirstOrDefault();
            if (owner is { } o && !values.ContainsKey(o)) values[o] = c.Text;
        }
    }

    /// <summary>
    /// Cells that may have lost their columns (the 黄石 layout as web text): the first is the indicator, a likelihood
    /// word (确定能 …) is 完成目标可能性 and what follows it 备注; the cells between are the value columns in order, but
    /// only when there are as many as the head has (a missing cell cannot be told from a merged one).
    /// </summary>
    private void LooseCells(Heads h, Cell[] cells, int r, Dictionary<Col, string> values)
    {
        int at = 0;
        if (cells.Length > 1 && Level1Name(cells[0].Text) is not null) values[Col.Level1] = cells[at++].Text;
        values[Col.Level3] = cells[at++].Text;
        int said = Array.FindIndex(cells, at, c => MonitoringChoices.LikelihoodFromChinese(ChineseText.RemoveSpaces(c.Text).TrimEnd('√')) is not null);
        var middle = cells[at..(said < 0 ? cells.Length : said)];
        var columns = new[] { Col.Target, Col.Progress, Col.Forecast }.Where(h.Columns.ContainsKey).OrderBy(c => h.Columns[c].Column).ToList();
        if (middle.Length == columns.Count)
            for (int i = 0; i < middle.Length; i++) values[columns[i]] = middle[i].Text;
        else if (middle.Length > 0)
            Issue(r, null, null, $"这一行有 {middle.Length} 格文字，表头有 {columns.Count} 栏（{string.Join("、", columns.Select(c => h.Columns[c].Text))}），无法确定各属哪一栏，未读取", false);
        if (said < 0) return;
        values[Col.Likelihood] = cells[said].Text;
        if (said + 1 < cells.Length) values[Col.Remark] = string.Join("\n", cells[(said + 1)..].Select(c => c.Text));
    }

    private void Issue(int row, int? column, string? head, string message, bool error) =>
        _issues.Add(new MonitoringIssue(row, column, head, message, error));
}
