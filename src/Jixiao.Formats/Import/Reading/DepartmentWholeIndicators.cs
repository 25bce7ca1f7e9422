using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>
/// A row under the indicators that sets the form's totals: 总分 (its weight, where two figures stand, and its score) or
/// 评分等级 (the grade). Null where the row does not give it.
/// </summary>
internal sealed record DepartmentFooterLine(decimal? Weight, decimal? Score, string? Grade, int Row);

/// <summary>
/// The indicator table: its indicators with their lines, the rows under it that set totals, whether the form's end
/// (总分, 评分等级, the signatures) was reached, and what could not be read.
/// </summary>
internal sealed record DepartmentIndicatorTable(List<Indicator> Indicators, List<DepartmentFooterLine> Footer, bool Ended, List<DepartmentWholeIssue> Issues);

/// <summary>The 部门整体 form's indicator table (<see cref="DepartmentWholeReader"/>).</summary>
internal static class DepartmentWholeIndicators
{
    /// <summary>The table from its head row to <paramref name="end"/>.</summary>
    public static DepartmentIndicatorTable Read(DepartmentWholeText text, int head, int end)
    {
        var heads = text.Cells(head).Where(c => DepartmentIndicatorHeadOf(c.Text) is not null).Select(c => (c.Column, Head: DepartmentIndicatorHeadOf(c.Text)!.Value)).ToList();
        var indicators = new List<Indicator>();
        var footer = new List<DepartmentFooterLine>();
        var issues = new List<DepartmentWholeIssue>();
        bool placed = text.Placed;
        string? level1 = null, level2 = null;
        bool ended = false;
        for (int r = head + 1; r < end; r++)
        {
            var cells = text.Cells(r);
            if (cells.Count == 0) continue;
            if (cells.Any(c => DepartmentIndicatorHeadOf(c.Text) is DepartmentIndicatorColumn.Level1 or DepartmentIndicatorColumn.Name)) continue; // a head repeated on a page
            // Under the table: 总分, 评分等级, notes and signatures; no indicator follows them.
            if (FooterLine(cells, r) is { } line)
            {
                if (line.Weight is not null || line.Score is not null || line.Grade is not null) footer.Add(line);
                ended = true;
                continue;
            }
            if (ended) continue;
            void Issue(string message) => issues.Add(new DepartmentWholeIssue(r, message));
            var values = new Dictionary<DepartmentIndicatorColumn, string>();
            int shift = placed ? 0 : FirstHead(heads.Select(h => h.Head).ToList(), cells);
            for (int i = 0; i < cells.Count; i++)
            {
                var owner = placed
                    ? heads.Where(h => h.Column <= cells[i].Column).Select(h => (DepartmentIndicatorColumn?)h.Head).LastOrDefault()
                    : i + shift < heads.Count ? heads[i + shift].Head : null;
                if (owner is { } o && RowText.Clean(cells[i].Text) is { } t && !values.ContainsKey(o)) values[o] = t;
            }
            if (values.TryGetValue(DepartmentIndicatorColumn.Level1, out var l1)) { level1 = Framework.Level1Of(l1, null) ?? l1; level2 = null; }
            if (values.TryGetValue(DepartmentIndicatorColumn.Level2, out var l2)) level2 = Level2Of(l2) ?? l2;
            if (!values.TryGetValue(DepartmentIndicatorColumn.Name, out var name))
            {
                if (values.Keys.Any(k => k is not (DepartmentIndicatorColumn.Level1 or DepartmentIndicatorColumn.Level2))) Issue("这一行没有三级指标名称，未读取");
                continue;
            }
            var x = new Indicator { Level1 = level1 ?? (level2 is null ? null : Framework.ParentOf(level2)), Level2 = level2, Name = name, Line = text.Rows[r].Line };
            var unit = values.GetValueOrDefault(DepartmentIndicatorColumn.Unit);
            var target = values.GetValueOrDefault(DepartmentIndicatorColumn.Target);
            if (values.TryGetValue(DepartmentIndicatorColumn.AdjustedTarget, out var adjusted))
            {
                Issue($"指标“{name}”的年初指标值{(target is null ? "未填" : $"为“{target}”")}，调整为“{adjusted}”：按调整后的指标值读取");
                target = adjusted;
            }
            var cmp = values.GetValueOrDefault(DepartmentIndicatorColumn.Comparator);
            // 重庆's 指标性质 is 定量指标 / 定性指标, not a comparator.
            if (cmp is not null && !ValueParser.StartsWithComparator(cmp)) cmp = null;
            if (target is not null) x.Target = ValueParser.ParseTarget(WithUnit(cmp + target, unit));
            if (values.TryGetValue(DepartmentIndicatorColumn.Actual, out var actual)) x.Actual = ValueParser.ParseActual(WithUnit(actual, unit));
            x.Weight = Number(values, DepartmentIndicatorColumn.Weight, "分值", Issue);
            x.Score = Number(values, DepartmentIndicatorColumn.Score, "得分", Issue);
            x.DeviationReason = values.GetValueOrDefault(DepartmentIndicatorColumn.Reason);
            x.Remark = values.GetValueOrDefault(DepartmentIndicatorColumn.Remark);
            indicators.Add(x);
        }
        return new DepartmentIndicatorTable(indicators, footer, ended, issues);
    }

    /// <summary>
    /// Which head a web table row's first cell stands under. A merged 一级 or 二级 cell leaves no cell in the rows after
    /// its first, and whether the padding then comes before or after the row's cells differs by converter: the first
    /// cell says where the row starts (a 一级 name, a 二级 name, else the 三级 indicator), unless the row has more cells
    /// than that leaves room for.
    /// </summary>
    private static int FirstHead(List<DepartmentIndicatorColumn> heads, List<Cell> cells)
    {
        var first = cells[0].Text;
        var at = Level1Of(first) is not null ? heads.IndexOf(DepartmentIndicatorColumn.Level1)
            : Level2Of(first) is not null ? heads.IndexOf(DepartmentIndicatorColumn.Level2)
            : heads.IndexOf(DepartmentIndicatorColumn.Name);
        int filled = cells.FindLastIndex(c => !c.IsEmpty) + 1;
        return at < 0 || filled > heads.Count - at ? Math.Max(0, heads.Count - filled) : at;
    }

    /// <summary>`116` in a column headed 度量单位 `人`: the value as one text, `116人` (a % stays where it is).</summary>
    private static string WithUnit(string value, string? unit)
    {
        if (string.IsNullOrEmpty(unit) || ValueParser.ParseNumber(value.TrimStart('≥', '≤', '>', '<', '=')) is null) return value;
        return value + unit;
    }

    private static decimal? Number(Dictionary<DepartmentIndicatorColumn, string> values, DepartmentIndicatorColumn head, string what, Action<string> issue)
    {
        if (!values.TryGetValue(head, out var t) || ValueParser.IsDash(t)) return null;
        if (ValueParser.ParseNumber(t) is { } n) return n;
        issue($"{what}“{t}”不是数字");
        return null;
    }

    /// <summary>A row under the indicators (总分, 评分等级, notes and signatures), with the totals it gives; null for any other row.</summary>
    private static DepartmentFooterLine? FooterLine(List<Cell> cells, int r)
    {
        var first = HalfWidthKey(cells[0].Text);
        if (DepartmentTotalLabels.Contains(first))
        {
            var numbers = cells.Skip(1).Select(c => ValueParser.ParseNumber(RowText.Clean(c.Text))).Where(n => n is not null).ToList();
            return numbers.Count >= 2 ? new DepartmentFooterLine(numbers[0], numbers[1], null, r)
                : new DepartmentFooterLine(null, numbers.Count == 1 ? numbers[0] : null, null, r);
        }
        if (first.StartsWith(GradeLabelStart, StringComparison.Ordinal))
            return new DepartmentFooterLine(null, null, cells.Skip(1).Select(c => RowText.Clean(c.Text)).FirstOrDefault(t => t is not null), r);
        return IsDepartmentSignOff(first) ? new DepartmentFooterLine(null, null, null, r) : null;
    }
}
