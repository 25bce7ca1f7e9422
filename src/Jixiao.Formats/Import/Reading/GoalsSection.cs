using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Text;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>One goal cell's text, the column it belongs to, and its line.</summary>
internal sealed record GoalText(GoalColumn Column, string Text, int Line);

internal sealed record GoalBlock(List<GoalText> Texts, List<ImportWarning> Warnings);

/// <summary>
/// Reads the goals block (项目总目标 / 年度目标; 预期目标 / 实际完成情况). Tabular layouts place each text under its
/// column's header; in PDF text the cells are paragraphs (<see cref="GoalParagraphs"/>).
/// </summary>
internal static class GoalsSection
{
    public static GoalBlock Read(SourceText source, FormKind kind, int from, int end)
    {
        var warnings = new List<ImportWarning>();
        var texts = source.Tabular || source.CellPerLine ? ByColumn(source, kind, from, end) : GoalParagraphs.Read(source, kind, from, end, warnings);
        var kept = texts.Where(t => !IndicatorSectionLabels.Contains(t.Text)).Select(t => t with { Text = WithoutLabels(t.Text) }).ToList();
        return new GoalBlock(kept, warnings);
    }

    /// <summary>
    /// A goal's text without the labels that ran into it in text without cells: a column head before it (`年初设定目标…`)
    /// and the indicator section's label after it (`…本年度绩效指标`).
    /// </summary>
    private static string WithoutLabels(string text)
    {
        foreach (var head in GoalTextHeads)
            if (text.Length > head.Length + 4 && text.StartsWith(head, StringComparison.Ordinal)) { text = text[head.Length..]; break; }
        foreach (var tail in IndicatorSectionLabels)
            if (text.Length > tail.Length + 4 && text.EndsWith(tail, StringComparison.Ordinal)) { text = text[..^tail.Length]; break; }
        return text;
    }

    public static void Apply(GoalBlock goals, PerformanceForm form)
    {
        // Each field's texts are gathered, then joined once: joining them one by one copied the text so far for every
        // cell (a fuzz input's goal block of thousands of cells took seconds).
        var first = new List<string>();  // 总体目标 (declaration) or 实际完成情况 (self-evaluation)
        var second = new List<string>(); // 年度目标 or 预期目标
        foreach (var (column, text, _) in goals.Texts)
        {
            // Template instructions left in an answer cell (`…(100字以内)`) are not the unit's text.
            if (text.Length == 0 || (text.Contains(InstructionMarker, StringComparison.Ordinal) && Regex.IsMatch(text, InstructionPatternWide))) continue;
            bool isFirst = form is TargetDeclaration ? column == GoalColumn.Overall : column == GoalColumn.Actual;
            (isFirst ? first : second).Add(text);
        }
        switch (form)
        {
            case TargetDeclaration d:
                if (first.Count > 0) d.OverallGoal = CellText.Append(d.OverallGoal, string.Concat(first));
                if (second.Count > 0) d.AnnualGoal = CellText.Append(d.AnnualGoal, string.Concat(second));
                break;
            case SelfEvaluation s:
                if (first.Count > 0) s.ActualOutcome = CellText.Append(s.ActualOutcome, string.Concat(first));
                if (second.Count > 0) s.ExpectedGoal = CellText.Append(s.ExpectedGoal, string.Concat(second));
                break;
        }
        form.Warnings.AddRange(goals.Warnings);
    }

    private static List<GoalText> ByColumn(SourceText source, FormKind kind, int from, int end)
    {
        var headers = new List<(int Col, GoalColumn Goal)>();
        var result = new List<GoalText>();
        var pending = new List<Cell>();
        // One cell per line puts every cell in column 0: there a text belongs to the label printed before it.
        var labelBefore = new List<GoalColumn?>();
        var rowOf = new List<int>();
        GoalColumn? lastLabel = null;
        // The value of another label (2.项目实施内容及过程概述 | text) is not goal text: in a table the rest of its row,
        // one cell per line up to the next goal head.
        bool otherLabelsValue = false;
        for (int r = from; r < end; r++)
        {
            if (!source.CellPerLine) otherLabelsValue = false;
            var rowCells = source.Rows[r].NonEmpty.ToList();
            foreach (var cell in rowCells)
            {
                var text = CellText.Of(cell);
                if (GoalColumnOf(text, kind) is { } g) { headers.Add((cell.Column, g)); lastLabel = g; otherLabelsValue = false; continue; }
                // A self-evaluation's 总体目标 beside the actual's head, after the side label (`总体目标完成情况 | 总体目标 |
                // 全年实际完成情况`), heads the planned goal's column.
                if (kind == FormKind.SelfEvaluation && IsGoalsBlockSideLabel(text) && !ReferenceEquals(cell, rowCells[0])
                    && rowCells.Any(c => GoalColumnOf(CellText.Of(c), kind) == GoalColumn.Actual))
                { headers.Add((cell.Column, GoalColumn.Expected)); lastLabel = GoalColumn.Expected; continue; }
                if (HeaderFieldOf(text) is not null) { otherLabelsValue = true; continue; }
                if (IsNoiseLabel(text) || IsGoalsBlockSideLabel(text) || otherLabelsValue) continue;
                pending.Add(cell with { Text = text });
                labelBefore.Add(lastLabel);
                rowOf.Add(r);
            }
        }
        var heads = headers.OrderBy(h => h.Col).ToList();
        // The texts of each row, found once (asked of every text below).
        var rowTexts = heads.Count >= 2 ? Enumerable.Range(0, pending.Count).GroupBy(j => rowOf[j]).ToDictionary(g => g.Key, g => g.ToList()) : null;
        var defaults = kind == FormKind.TargetDeclaration ? new[] { GoalColumn.Overall, GoalColumn.Annual } : new[] { GoalColumn.Expected, GoalColumn.Actual };
        for (int i = 0; i < pending.Count; i++)
        {
            var cell = pending[i];
            GoalColumn column;
            if (source.CellPerLine && labelBefore[i] is { } before) column = before;
            else if (rowTexts is not null && InOrderUnderHeads(pending, rowTexts[rowOf[i]], i, heads) is { } inOrder) column = inOrder;
            else if (headers.Count > 0)
            {
                // The text belongs to the header at or left of its column; merged cells place it at the header's column.
                var left = headers.Where(h => h.Col <= cell.Column).OrderByDescending(h => h.Col).FirstOrDefault();
                column = left == default ? heads[0].Goal : left.Goal;
            }
            // Without heads a declaration's one text is the year's goal, as in text layouts; two are the overall and the year's.
            else column = pending.Count == 1 && kind == FormKind.TargetDeclaration ? GoalColumn.Annual : defaults[Math.Min(i, 1)];
            result.Add(new GoalText(column, ChineseText.Normalize(cell.Text), cell.Line));
        }
        return result;
    }

    /// <summary>
    /// A row of as many texts as there are goal heads, which the heads' columns would put under one head (the heads
    /// stand right of a side label's cells, `项目基本情况 | 1.… | 项目年度目标 | 年度目标完成情况`, the texts from the
    /// first column): two texts of one row are never one goal, so they take the heads in order. Null otherwise.
    /// </summary>
    private static GoalColumn? InOrderUnderHeads(List<Cell> pending, List<int> row, int i, List<(int Col, GoalColumn Goal)> heads)
    {
        if (row.Count != heads.Count) return null;
        // A text left of every head (the side label's merged cell left out of the row) is the first head's, as below.
        var under = row.Select(j => heads.LastOrDefault(h => h.Col <= pending[j].Column, heads[0])).ToList();
        if (under.Distinct().Count() == row.Count) return null;
        return heads[row.IndexOf(i)].Goal;
    }
}
