using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>
/// What the 监控表 reader could not take as it stood: the row (an index into the rows it was given), the column
/// (the cell's own column, when one cell is at fault) and the column's printed head.
/// </summary>
public sealed record MonitoringIssue(int Row, int? Column, string? Head, string Message, bool IsError);

/// <summary>The 监控表 read from a range of rows, and what the reader could not take.</summary>
public sealed record MonitoringRead(MonitoringForm Form, IReadOnlyList<MonitoringIssue> Issues);

/// <summary>
/// The rows a 监控表 is read from. <see cref="Loose"/>: they come from text whose cells are not in their columns (a web
/// page's table as text, where a merged or empty cell leaves no trace); an indicator row is then read by what its
/// cells say.
/// </summary>
internal sealed record MonitoringText(IReadOnlyList<Row> Rows, bool Loose);

/// <summary>The title's year and the round's period (1-7月, 半年度), and the row each was read from.</summary>
internal sealed record MonitoringTitle(int? Year, MonitoringPeriod? Period, int? PeriodRow);

/// <summary>
/// Reads a 项目支出绩效目标执行监控表 (docs/monitoring-form.md) from rows of reliable cells (an xlsx sheet, a PDF's ruled
/// table, tab rows) or from a text's lines, as a pipeline of pure stages: the parts by their labels
/// (<see cref="MonitoringSections"/>), the title's period, the header pairs (<see cref="MonitoringHeader"/>), each funds
/// block (<see cref="MonitoringFunds"/>), the indicator table (<see cref="MonitoringIndicators"/>), then the form
/// assembled from what they returned. Columns are found by their printed heads (the national column set, the 黄石
/// variant with 完成目标可能性 as one text column), so a sheet with a column more or less still reads.
/// </summary>
public static class MonitoringReader
{
    /// <summary>A title that names a 监控表: 项目支出绩效目标执行监控表, 绩效监控表, 黄石市项目支出绩效监控表 ….</summary>
    public static bool IsTitle(string joined)
    {
        var t = ChineseText.RemoveSpaces(joined);
        return t.Length <= MonitoringTitleMaxLength && !t.Contains(FullStop) && MonitoringTitleWords.Any(w => t.Contains(w))
            && !t.StartsWith(LetterPrefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// The form whose title is row <paramref name="start"/>; it runs to <paramref name="end"/> (exclusive).
    /// <paramref name="loose"/>: the rows' cells are not in their columns (<see cref="MonitoringText.Loose"/>).
    /// </summary>
    public static MonitoringRead Read(IReadOnlyList<Row> rows, int start, int end, bool loose = false)
    {
        var text = new MonitoringText(rows, loose);
        var sections = MonitoringSections.Find(text, start, end);
        var title = ReadTitle(text, start, end);
        var header = MonitoringHeader.Read(text, sections.HeaderRows);
        var form = new MonitoringForm
        {
            Source = new SourceRef(null, rows[start].Line),
            Year = title.Year,
            ProjectName = header.ProjectName?.Text,
            Department = header.Department?.Text,
            ImplementingUnit = header.ImplementingUnit?.Text,
            AnnualGoal = header.AnnualGoal?.Text,
            GoalProgress = header.GoalProgress?.Text,
        };
        if (title.Period is { } period) form.Period = period;
        var issues = new List<MonitoringIssue>();
        foreach (var (head, blockEnd) in sections.FundBlocks)
        {
            // A block's messages speak of the unit in force when it is read: its own, else the one before it.
            var block = MonitoringFunds.Read(text, head, blockEnd, form.Funds.Unit);
            form.Funds.Unit = block.Unit;
            form.Funds.Rows.AddRange(block.Rows);
            issues.AddRange(block.Issues);
        }
        if (sections.IndicatorHead >= 0)
        {
            var table = MonitoringIndicators.Read(text, sections.IndicatorHead, end);
            form.Indicators.AddRange(table.Indicators);
            issues.AddRange(table.Issues);
        }
        form.Complete = sections.IndicatorHead >= 0 && !EndsMidNote(text, start, end);
        return new MonitoringRead(form, issues);
    }

    /// <summary>The year and the period from the title's rows; with no period there, from the fund heads (1-7月执行数).</summary>
    private static MonitoringTitle ReadTitle(MonitoringText text, int start, int end)
    {
        int? year = null;
        for (int r = start; r < Math.Min(end, start + 4); r++)
        {
            var line = ChineseText.ToHalfWidth(text.Rows[r].JoinedText);
            year ??= ValueParser.ParseYear(line);
            if (Months(line) is { } m)
            {
                // The round's own name stands between 年度 and the months: （2024年度 第三季度 1-9月）.
                var y = line.IndexOf(YearWord, StringComparison.Ordinal);
                var name = y >= 0 && y + YearWord.Length <= m.At ? line[(y + YearWord.Length)..m.At].Trim(PeriodNameBrackets) : "";
                return new MonitoringTitle(year, new MonitoringPeriod(m.Month, name.Length > 0 ? name : null), r);
            }
            if (line.Contains(HalfYearWord, StringComparison.Ordinal)) return new MonitoringTitle(year, new MonitoringPeriod(6, null), r);
        }
        for (int r = start; r < end; r++)
            if (Months(ChineseText.ToHalfWidth(text.Rows[r].JoinedText)) is { } m) return new MonitoringTitle(year, new MonitoringPeriod(m.Month, null), r);
        return new MonitoringTitle(year, null, null);
    }

    /// <summary>`1-7月`: the last month of the round and where its words start.</summary>
    private static (int Month, int At)? Months(string line)
    {
        var m = MonitoringPeriodPattern().Match(line);
        return m.Success && int.Parse(m.Groups[1].Value) is >= 1 and <= 12 and var month ? (month, m.Index) : null;
    }

    /// <summary>The form's last text is a note (注：…) that stops mid-sentence: a cut-off copy.</summary>
    private static bool EndsMidNote(MonitoringText text, int start, int end)
    {
        var rows = text.Rows;
        for (int r = end - 1; r > start; r--)
        {
            if (rows[r].IsBlank) continue;
            var all = string.Concat(Enumerable.Range(start, r - start + 1).Select(i => rows[i].JoinedText));
            int note = NoteMarkers.Max(m => all.LastIndexOf(m, StringComparison.Ordinal));
            if (note < 0 || all.Length - note > 2000) return false;
            var last = rows[r].JoinedText.TrimEnd('|');
            return last.Length > 0 && !EndsSentence(last[^1]);
        }
        return false;
    }
}
