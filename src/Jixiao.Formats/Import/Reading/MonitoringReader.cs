using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;
using Jixiao.Formats.Export;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>
/// What the 监控表 reader could not take as it stood: the row (an index into the rows it was given), the column
/// (the cell's own column, when one cell is at fault) and the column's printed head.
/// </summary>
public sealed record MonitoringIssue(int Row, int? Column, string? Head, string Message, bool IsError);

/// <summary>
/// Reads a 项目支出绩效目标执行监控表 (docs/monitoring-form.md) from rows of reliable cells: an xlsx sheet, a PDF's
/// ruled table, tab rows. Columns are found by their printed heads (the national column set, the 黄石 variant with
/// 完成目标可能性 as one text column), so a sheet with a column more or less still reads; a value belongs to the head
/// whose column is the nearest at or left of its own (a merged cell's text stands in its first column).
/// </summary>
public sealed partial class MonitoringReader
{
    private readonly IReadOnlyList<Row> _rows;
    private readonly bool _loose;
    private readonly List<MonitoringIssue> _issues = new();

    /// <summary>
    /// <paramref name="loose"/>: the rows come from text whose cells are not in their columns (a web page's table as
    /// text, where a merged or empty cell leaves no trace); an indicator row is then read by what its cells say.
    /// </summary>
    public MonitoringReader(IReadOnlyList<Row> rows, bool loose = false)
    {
        _rows = rows;
        _loose = loose;
    }

    public IReadOnlyList<MonitoringIssue> Issues => _issues;

    /// <summary>A title that names a 监控表: 项目支出绩效目标执行监控表, 绩效监控表, 黄石市项目支出绩效监控表 ….</summary>
    public static bool IsTitle(string joined)
    {
        var t = ChineseText.RemoveSpaces(joined);
        return t.Length <= 90 && !t.Contains('。') && (t.Contains("监控表") || t.Contains("监控情况表")) && !t.StartsWith("关于", StringComparison.Ordinal);
    }

    private enum Col { Level1, Level2, Level3, Target, Progress, Forecast, Deviation, Likelihood, Remark }

    private enum FundCol { Label, Initial, Adjusted, Executed, Rate, Forecast, Remark }

    /// <summary>The form whose title is row <paramref name="start"/>; it runs to <paramref name="end"/> (exclusive).</summary>
    public MonitoringForm Read(int start, int end)
    {
        var form = new MonitoringForm { Source = new SourceRef(null, _rows[start].Line) };
        ReadTitle(form, start, end);
        int r = start + 1;
        int indicatorHead = -1;
        for (; r < end && indicatorHead < 0; r++)
        {
            var cells = _rows[r].NonEmptyCells;
            if (cells.Length == 0) continue;
            var first = Key(cells[0].Text);
            if (cells.Any(c => Key(c.Text) == "一级指标")) { indicatorHead = r; break; }
            if (cells.Any(c => FundHead(c.Text) is FundCol.Initial)) { r = ReadFunds(form, r, end) - 1; continue; }
            switch (HeaderOf(first))
            {
                case HeaderField.ProjectName: form.ProjectName ??= ValueAfter(cells, 0); break;
                case HeaderField.Department or HeaderField.ImplementingUnit: ReadHeaderPairs(form, cells); break;
            }
            if (first == "年度总体目标" || first == "年度绩效目标") form.AnnualGoal ??= ValueAfter(cells, 0);
            else if (first.EndsWith("执行情况", StringComparison.Ordinal) && first.Length <= 12) form.GoalProgress ??= ValueAfter(cells, 0);
        }
        if (indicatorHead >= 0) ReadIndicators(form, indicatorHead, end);
        form.Complete = indicatorHead >= 0 && !EndsMidNote(start, end);
        return form;
    }

    /// <summary>The form's last text is a note (注：…) that stops mid-sentence: a cut-off copy.</summary>
    private bool EndsMidNote(int start, int end)
    {
        for (int r = end - 1; r > start; r--)
        {
            if (_rows[r].IsBlank) continue;
            var all = string.Concat(Enumerable.Range(start, r - start + 1).Select(i => _rows[i].JoinedText));
            int note = Math.Max(all.LastIndexOf("注:", StringComparison.Ordinal), all.LastIndexOf("注：", StringComparison.Ordinal));
            if (note < 0 || all.Length - note > 2000) return false;
            var last = _rows[r].JoinedText.TrimEnd('|');
            return last.Length > 0 && last[^1] is not ('。' or '.' or '；' or ';' or '）' or ')');
        }
        return false;
    }

    // ---------------------------------------------------------------- title, period, header

    [GeneratedRegex(@"1\s*[-－—~～至到]\s*(\d{1,2})\s*月")]
    private static partial Regex PeriodPattern();

    private void ReadTitle(MonitoringForm form, int start, int end)
    {
        for (int r = start; r < Math.Min(end, start + 4); r++)
        {
            var text = ChineseText.ToHalfWidth(_rows[r].JoinedText);
            form.Year ??= ValueParser.ParseYear(text);
            var m = PeriodPattern().Match(text);
            if (m.Success && int.Parse(m.Groups[1].Value) is >= 1 and <= 12 and var month)
            {
                // The round's own name stands between 年度 and the months: （2024年度 第三季度 1-9月）.
                var y = text.IndexOf("年度", StringComparison.Ordinal);
                var name = y >= 0 && y + 2 <= m.Index ? text[(y + 2)..m.Index].Trim(' ', '（', '(', '）', ')') : "";
                form.Period = new MonitoringPeriod(month, name.Length > 0 ? name : null);
                return;
            }
            if (text.Contains("半年度", StringComparison.Ordinal)) { form.Period = new MonitoringPeriod(6, null); return; }
        }
        // No period in the title: the fund heads (1-7月执行数) carry it.
        for (int r = start; r < end; r++)
        {
            var m = PeriodPattern().Match(ChineseText.ToHalfWidth(_rows[r].JoinedText));
            if (m.Success && int.Parse(m.Groups[1].Value) is >= 1 and <= 12 and var month) { form.Period = new MonitoringPeriod(month, null); return; }
        }
    }

    private static HeaderField? HeaderOf(string key) => key switch
    {
        "主管部门及代码" or "主管部门及编码" or "主管部门" => HeaderField.Department,
        "实施单位" or "项目执行单位" or "项目实施单位" => HeaderField.ImplementingUnit,
        _ => HeaderLabels.TryGetValue(key, out var f) ? f : null,
    };

    private static void ReadHeaderPairs(MonitoringForm form, Cell[] cells)
    {
        for (int i = 0; i < cells.Length; i++)
            switch (HeaderOf(Key(cells[i].Text)))
            {
                case HeaderField.Department: form.Department ??= ValueAfter(cells, i); break;
                case HeaderField.ImplementingUnit: form.ImplementingUnit ??= ValueAfter(cells, i); break;
            }
    }

    /// <summary>The text of the cell after a label, unless that cell is itself a label.</summary>
    private static string? ValueAfter(Cell[] cells, int label)
    {
        if (label + 1 >= cells.Length) return null;
        var v = cells[label + 1].Text;
        return HeaderOf(Key(v)) is not null ? null : Clean(v);
    }

    private static string? Clean(string? text)
    {
        var t = ChineseText.Normalize(text);
        return t.Length == 0 ? null : t;
    }

    // ---------------------------------------------------------------- funds

    private static FundCol? FundHead(string text)
    {
        var k = ChineseText.ToHalfWidth(Key(text));
        if (k.Contains("年初预算")) return FundCol.Initial;
        if (k.Contains("调整后预算") || k == "全年预算数") return FundCol.Adjusted;
        if (k.Contains("预计执行")) return FundCol.Forecast;
        if (k.Contains("执行率")) return FundCol.Rate;
        if (k.Contains("执行数")) return FundCol.Executed;
        if (k is "备注" or "偏差原因" or "原因") return FundCol.Remark;
        return null;
    }

    /// <summary>The funds block from its head row; returns the row after its last line.</summary>
    private int ReadFunds(MonitoringForm form, int head, int end)
    {
        var heads = new List<(int Column, FundCol Col, string Text)>();
        foreach (var c in _rows[head].NonEmptyCells)
        {
            var k = Key(c.Text);
            if (k.StartsWith("项目资金", StringComparison.Ordinal))
            {
                form.Funds.Unit = k.Contains("(元)") ? MoneyUnit.Yuan : MoneyUnit.WanYuan;
                continue;
            }
            if (FundHead(c.Text) is { } f) heads.Add((c.Column, f, Clean(c.Text) ?? ""));
        }
        if (_loose) return ReadLooseFunds(form, head, end);
        int r = head + 1;
        for (; r < end; r++)
        {
            var cells = _rows[r].NonEmptyCells.Where(c => !Key(c.Text).StartsWith("项目资金", StringComparison.Ordinal)).ToArray();
            if (cells.Length == 0) continue;
            var label = Key(cells[0].Text);
            if (ValueParser.IsNumber(cells[0].Text) || !IsFundLabel(label)) break;
            var row = new MonitoringFundRow { Label = FundLabel(cells[0].Text), Line = _rows[r].Line };
            foreach (var c in cells.Skip(1))
            {
                var owner = heads.Where(h => h.Column <= c.Column).OrderByDescending(h => h.Column).Select(h => ((int, FundCol, string)?)h).FirstOrDefault();
                if (owner is not { } o) continue;
                var text = c.Text.Trim();
                switch (o.Item2)
                {
                    case FundCol.Remark:
                        var (_, deviation, unknown) = MonitoringRemark.Parse(Clean(text), []);
                        row.Deviation = deviation;
                        foreach (var u in unknown) Issue(r, c.Column, o.Item3, $"“{u}”不是偏差原因（经费保障、制度保障、人员保障、硬件条件保障、其他）", false);
                        break;
                    case FundCol.Rate:
                        if (ValueParser.IsDash(text)) break;
                        if (ValueParser.ParsePercent(text) is { } rate) row.ExecutionRate = rate;
                        else Issue(r, c.Column, o.Item3, $"“{text}”不是百分数", true);
                        break;
                    default:
                        if (ValueParser.IsDash(text)) break;
                        if (ValueParser.ParseNumber(text) is not { } n) { Issue(r, c.Column, o.Item3, $"“{text}”不是数字（金额以{form.Funds.Unit.ToChinese()}为单位，只填数字）", true); break; }
                        if (o.Item2 == FundCol.Initial) row.InitialBudget = n;
                        else if (o.Item2 == FundCol.Adjusted) row.AdjustedBudget = n;
                        else if (o.Item2 == FundCol.Executed) row.ExecutedToDate = n;
                        else if (o.Item2 == FundCol.Forecast) row.ForecastExecuted = n;
                        break;
                }
            }
            form.Funds.Rows.Add(row);
        }
        return r;
    }

    private static bool IsFundLabel(string key) =>
        key.Contains("资金") || key.Contains("拨款") || key.Contains("总额") || key.Contains("债券");

    /// <summary>
    /// The funds block of text whose cells lost their columns: the heads are read word by word, and a line's figures
    /// go to the amount heads in order (a figure with % to the rate), so a line that leaves its last cells empty
    /// (`年度资金总额 220 87.57`) fills the first heads. Lines between the fund lines (a wrapped 备注, the block's label
    /// `（万元）`) are passed over.
    /// </summary>
    private int ReadLooseFunds(MonitoringForm form, int head, int end)
    {
        var heads = _rows[head].NonEmptyCells
            .SelectMany(c => c.Text.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries))
            .Select(FundHead).OfType<FundCol>().Where(f => f is FundCol.Initial or FundCol.Adjusted or FundCol.Executed or FundCol.Forecast).ToList();
        int r = head + 1;
        for (; r < end; r++)
        {
            var cells = _rows[r].NonEmptyCells;
            if (cells.Length == 0) continue;
            var label = Key(cells[0].Text);
            if (label.StartsWith("年度总体目标", StringComparison.Ordinal) || label.StartsWith("年度绩效目标", StringComparison.Ordinal)
                || label.EndsWith("执行情况", StringComparison.Ordinal) || cells.Any(c => Key(c.Text) is "一级指标" or "绩效指标")) break;
            var words = cells.Skip(1).SelectMany(c => c.Text.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries)).ToList();
            if (!IsFundLabel(label) || label.StartsWith("项目资金", StringComparison.Ordinal) || !words.Any(w => ValueParser.ParsePercent(w) is not null)) continue;
            var row = new MonitoringFundRow { Label = FundLabel(cells[0].Text), Line = _rows[r].Line };
            int next = 0;
            foreach (var w in words)
            {
                if (w.EndsWith('%') && ValueParser.ParsePercent(w) is { } rate) { row.ExecutionRate = rate; continue; }
                if (ValueParser.ParseNumber(w) is not { } n || next >= heads.Count) continue;
                switch (heads[next++])
                {
                    case FundCol.Initial: row.InitialBudget = n; break;
                    case FundCol.Adjusted: row.AdjustedBudget = n; break;
                    case FundCol.Executed: row.ExecutedToDate = n; break;
                    default: row.ForecastExecuted = n; break;
                }
            }
            form.Funds.Rows.Add(row);
        }
        return r;
    }

    /// <summary>A fund line's label as the model keeps it: `其中：当年财政拨款`, `年度资金总额` (a trailing colon dropped).</summary>
    private static string FundLabel(string text)
    {
        var t = ChineseText.RemoveSpaces(ChineseText.Normalize(text)).TrimEnd(':', '：');
        return t.StartsWith("其中:", StringComparison.Ordinal) ? "其中：" + t[3..] : t;
    }
}
