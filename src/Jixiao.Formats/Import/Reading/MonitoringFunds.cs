using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;
using Jixiao.Formats.Export;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>One funds block of a 监控表: the unit in force after its head, its fund lines, and what could not be read.</summary>
internal sealed record MonitoringFundBlock(MoneyUnit Unit, List<MonitoringFundRow> Rows, List<MonitoringIssue> Issues);

/// <summary>
/// The 监控表's funds block (项目资金 | 年初预算数 | 1-7月执行数 | 1-7月执行率 | 全年预计执行数 | 备注), from its head row:
/// where it ends, and its fund lines with the line each came from.
/// </summary>
internal static class MonitoringFunds
{
    /// <summary>The row after the block's last line. Tabular rows end at the first row that is not a fund line; text
    /// lines at the goals or the indicator table (what lies between fund lines there is passed over).</summary>
    public static int End(MonitoringText text, int head, int end)
    {
        int r = head + 1;
        for (; r < end; r++)
        {
            if (text.Loose)
            {
                var cells = text.Rows[r].NonEmptyCells;
                if (cells.Length == 0) continue;
                if (StartsMonitoringGoals(Key(cells[0].Text)) || cells.Any(c => Key(c.Text) is Level1Head or IndicatorsSideLabel)) break;
            }
            else
            {
                var cells = ValueCells(text.Rows[r]);
                if (cells.Length == 0) continue;
                if (ValueParser.IsNumber(cells[0].Text) || !IsMonitoringFundLabel(Key(cells[0].Text))) break;
            }
        }
        return r;
    }

    /// <summary>The block's lines in [<paramref name="head"/>, <paramref name="end"/>): the head row, then fund lines.</summary>
    public static MonitoringFundBlock Read(MonitoringText text, int head, int end, MoneyUnit unitBefore)
    {
        var unit = unitBefore;
        var heads = new List<(int Column, MonitoringFundColumn Col, string Text)>();
        foreach (var c in text.Rows[head].NonEmptyCells)
        {
            var k = Key(c.Text);
            if (k.StartsWith(MonitoringFundsLabel, StringComparison.Ordinal))
            {
                unit = k.Contains(YuanNote) ? MoneyUnit.Yuan : MoneyUnit.WanYuan;
                continue;
            }
            if (MonitoringFundHeadOf(c.Text) is { } f) heads.Add((c.Column, f, RowText.Clean(c.Text) ?? ""));
        }
        var issues = new List<MonitoringIssue>();
        var rows = text.Loose ? LooseLines(text, head, end) : PlacedLines(text, head, end, heads, unit, issues);
        return new MonitoringFundBlock(unit, rows, issues);
    }

    /// <summary>A row's cells without the block's side label (项目资金（万元）, a merged cell beside the lines).</summary>
    private static Cell[] ValueCells(Row row) =>
        row.NonEmptyCells.Where(c => !Key(c.Text).StartsWith(MonitoringFundsLabel, StringComparison.Ordinal)).ToArray();

    /// <summary>Cells in their columns: each figure belongs to the head whose column is the nearest at or left of its own.</summary>
    private static List<MonitoringFundRow> PlacedLines(MonitoringText text, int head, int end, List<(int Column, MonitoringFundColumn Col, string Text)> heads, MoneyUnit unit, List<MonitoringIssue> issues)
    {
        var lines = new List<MonitoringFundRow>();
        for (int r = head + 1; r < end; r++)
        {
            var cells = ValueCells(text.Rows[r]);
            if (cells.Length == 0) continue;
            var row = new MonitoringFundRow { Label = FundLineLabel(cells[0].Text), Line = text.Rows[r].Line };
            foreach (var c in cells.Skip(1))
            {
                var owner = heads.Where(h => h.Column <= c.Column).OrderByDescending(h => h.Column).Select(h => ((int, MonitoringFundColumn, string)?)h).FirstOrDefault();
                if (owner is not { } o) continue;
                var value = c.Text.Trim();
                void Issue(string message, bool error) => issues.Add(new MonitoringIssue(r, c.Column, o.Item3, message, error));
                switch (o.Item2)
                {
                    case MonitoringFundColumn.Remark:
                        var (_, deviation, unknown) = MonitoringRemark.Parse(RowText.Clean(value), []);
                        row.Deviation = deviation;
                        foreach (var u in unknown) Issue($"“{u}”不是偏差原因（经费保障、制度保障、人员保障、硬件条件保障、其他）", false);
                        break;
                    case MonitoringFundColumn.Rate:
                        if (ValueParser.IsDash(value)) break;
                        if (ValueParser.ParsePercent(value) is { } rate) row.ExecutionRate = rate;
                        else Issue($"“{value}”不是百分数", true);
                        break;
                    default:
                        if (ValueParser.IsDash(value)) break;
                        if (ValueParser.ParseNumber(value) is not { } n) { Issue($"“{value}”不是数字（金额以{unit.ToChinese()}为单位，只填数字）", true); break; }
                        if (o.Item2 == MonitoringFundColumn.Initial) row.InitialBudget = n;
                        else if (o.Item2 == MonitoringFundColumn.Adjusted) row.AdjustedBudget = n;
                        else if (o.Item2 == MonitoringFundColumn.Executed) row.ExecutedToDate = n;
                        else if (o.Item2 == MonitoringFundColumn.Forecast) row.ForecastExecuted = n;
                        break;
                }
            }
            lines.Add(row);
        }
        return lines;
    }

    /// <summary>
    /// Text whose cells lost their columns: the heads are read word by word, and a line's figures go to the amount
    /// heads in order (a figure with % to the rate), so a line that leaves its last cells empty (`年度资金总额 220 87.57`)
    /// fills the first heads. Lines between the fund lines (a wrapped 备注, the block's label `（万元）`) are passed over.
    /// </summary>
    private static List<MonitoringFundRow> LooseLines(MonitoringText text, int head, int end)
    {
        var heads = text.Rows[head].NonEmptyCells
            .SelectMany(c => c.Text.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries))
            .Select(MonitoringFundHeadOf).OfType<MonitoringFundColumn>()
            .Where(f => f is MonitoringFundColumn.Initial or MonitoringFundColumn.Adjusted or MonitoringFundColumn.Executed or MonitoringFundColumn.Forecast).ToList();
        var lines = new List<MonitoringFundRow>();
        for (int r = head + 1; r < end; r++)
        {
            var cells = text.Rows[r].NonEmptyCells;
            if (cells.Length == 0) continue;
            var label = Key(cells[0].Text);
            var words = cells.Skip(1).SelectMany(c => c.Text.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries)).ToList();
            if (!IsMonitoringFundLabel(label) || label.StartsWith(MonitoringFundsLabel, StringComparison.Ordinal) || !words.Any(w => ValueParser.ParsePercent(w) is not null)) continue;
            var row = new MonitoringFundRow { Label = FundLineLabel(cells[0].Text), Line = text.Rows[r].Line };
            int next = 0;
            foreach (var w in words)
            {
                if (w.EndsWith('%') && ValueParser.ParsePercent(w) is { } rate) { row.ExecutionRate = rate; continue; }
                if (ValueParser.ParseNumber(w) is not { } n || next >= heads.Count) continue;
                switch (heads[next++])
                {
                    case MonitoringFundColumn.Initial: row.InitialBudget = n; break;
                    case MonitoringFundColumn.Adjusted: row.AdjustedBudget = n; break;
                    case MonitoringFundColumn.Executed: row.ExecutedToDate = n; break;
                    default: row.ForecastExecuted = n; break;
                }
            }
            lines.Add(row);
        }
        return lines;
    }
}
