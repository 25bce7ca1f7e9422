using Jixiao.Core.Parsing;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>
/// A self-evaluation's indicator header that prints more than the usual value columns: a status column (单项指标完成情况:
/// 完成 / 未完成), several score columns (单项指标得分 | 权重占比 | 单项指标折算得分), or a second header row splitting the
/// first row's merged heads (预期指标值 over 符号 | 值 | 单位; 自评得分 over its three score columns). Its columns are put
/// in printed order, and a row's values are matched from the row's end, each column only by a cell that reads as it,
/// so an empty cell shifts nothing and the status is never taken for the actual value.
/// </summary>
internal static class ScoredColumns
{
    /// <summary>The header's columns after the 三级 name, in printed order, each with the role its cell is read as.</summary>
    public sealed record Header(IReadOnlyList<(IndicatorColumn Column, Role Role)> Columns);

    /// <summary>The header when it is one this reader is for, else null (the usual fit reads it).</summary>
    public static Header? Read(SourceText source, int headerRow, int dataStart)
    {
        var rows = new List<List<(IndicatorColumn Column, string Head)>>();
        for (int r = headerRow; r < dataStart && r < source.Rows.Count; r++)
        {
            var heads = source.Rows[r].NonEmptyCells
                .Select(c => (Column: IndicatorColumnOf(c.Text), Head: c.Text))
                .Where(h => h.Column is { } col && col != IndicatorColumn.Ignored)
                .Select(h => (h.Column!.Value, h.Head)).ToList();
            if (heads.Count > 0) rows.Add(heads);
        }
        if (rows.Count is 0 or > 2) return null;
        var columns = rows[0];
        if (rows.Count == 2 && WithSubColumns(columns, rows[1]) is not { } merged) return null;
        else if (rows.Count == 2) columns = WithSubColumns(columns, rows[1])!;

        bool status = columns.Any(c => c.Column == IndicatorColumn.Status);
        int scores = columns.Count(c => c.Column is IndicatorColumn.Score);
        if (!status && scores < 2) return null;
        int name = columns.FindLastIndex(c => c.Column is IndicatorColumn.Name or IndicatorColumn.Level1 or IndicatorColumn.Level2);
        var values = columns.Skip(name + 1).ToList();
        if (!values.Any(c => c.Column == IndicatorColumn.Target) || !values.Any(c => c.Column == IndicatorColumn.Actual)) return null;
        return new Header(RolesOf(values));
    }

    /// <summary>
    /// A second header row of target parts (符号, 单位) and score parts (得分, 权重, 折算得分) splits the first row's target
    /// and score heads: the parts stand in their place, the target's value between its comparator and its unit.
    /// Null when the second row holds anything else.
    /// </summary>
    private static List<(IndicatorColumn Column, string Head)>? WithSubColumns(List<(IndicatorColumn Column, string Head)> first, List<(IndicatorColumn Column, string Head)> second)
    {
        var targetParts = second.Where(h => h.Column is IndicatorColumn.Comparator or IndicatorColumn.Unit).ToList();
        var scoreParts = second.Where(h => h.Column is IndicatorColumn.Score or IndicatorColumn.Weight).ToList();
        if (targetParts.Count + scoreParts.Count != second.Count) return null;
        int target = first.FindIndex(h => h.Column == IndicatorColumn.Target);
        int score = first.FindLastIndex(h => h.Column == IndicatorColumn.Score);
        if ((targetParts.Count > 0 && target < 0) || (scoreParts.Count > 0 && score < 0)) return null;
        var result = new List<(IndicatorColumn Column, string Head)>();
        for (int i = 0; i < first.Count; i++)
        {
            if (i == target && targetParts.Count > 0)
            {
                // 符号 | 值 | 单位: the value is the column the parts leave unheaded, after a comparator.
                int comparator = targetParts.FindIndex(h => h.Column == IndicatorColumn.Comparator);
                result.AddRange(targetParts.Take(comparator + 1));
                result.Add(first[i]);
                result.AddRange(targetParts.Skip(comparator + 1));
            }
            else if (i == score && scoreParts.Count > 0) result.AddRange(scoreParts);
            else result.Add(first[i]);
        }
        return result;
    }

    /// <summary>
    /// Each column's role: of several score columns the weighted one (折算得分) is the model's score, else the last; of
    /// several weight columns the last is the weight; the others are kept out of the row's fields.
    /// </summary>
    private static List<(IndicatorColumn, Role)> RolesOf(List<(IndicatorColumn Column, string Head)> values)
    {
        int weighted = values.FindLastIndex(c => c.Column == IndicatorColumn.Score && IsWeightedScoreHead(c.Head));
        int score = weighted >= 0 ? weighted : values.FindLastIndex(c => c.Column == IndicatorColumn.Score);
        int weight = values.FindLastIndex(c => c.Column == IndicatorColumn.Weight);
        var roles = new List<(IndicatorColumn, Role)>();
        for (int i = 0; i < values.Count; i++)
        {
            var column = values[i].Column;
            var role = column switch
            {
                IndicatorColumn.Target or IndicatorColumn.Value => Role.Target,
                IndicatorColumn.Actual => Role.Actual,
                IndicatorColumn.Comparator => Role.Comparator,
                IndicatorColumn.Unit => Role.Unit,
                IndicatorColumn.Reason => Role.Reason,
                IndicatorColumn.Score => i == score ? Role.Score : Role.Ignored,
                IndicatorColumn.Weight => i == weight ? Role.Weight : Role.Ignored,
                IndicatorColumn.Description => Role.Description,
                _ => Role.Ignored,
            };
            roles.Add((column, role));
        }
        return roles;
    }

    /// <summary>
    /// The row's values from its end, each column only by a cell that reads as it; a column whose cell is not there is
    /// passed over. A column before the values the row passed over, with text before the values beyond the name,
    /// holds that text (a 指标解释 under a head that did not announce it): the name is the cell before it. Null unless
    /// the row has a target, an actual value and a score.
    /// </summary>
    public static IndicatorColumns.ValueFit? Fit(IReadOnlyList<string> cells, Header header)
    {
        var columns = header.Columns;
        var assigned = new Dictionary<int, Role>();
        int c = cells.Count - 1;
        int k = columns.Count - 1;
        // A reason column printed last is text after the numbers, or empty.
        if (columns[k].Column == IndicatorColumn.Reason)
        {
            if (c >= 1 && !ValueParser.IsNumber(cells[c])) assigned[c--] = Role.Reason;
            k--;
        }
        bool target = false, actual = false, score = false;
        int first = -1; // the leftmost column a cell was matched to
        for (; k >= 0 && c >= 1; k--)
        {
            var (column, role) = columns[k];
            var text = cells[c];
            bool fits = column switch
            {
                IndicatorColumn.Score or IndicatorColumn.Weight => ValueParser.IsNumber(text),
                IndicatorColumn.Status => IsStatusWord(text),
                IndicatorColumn.Unit => IsMeasureUnit(text) || IsMeasureUnit(UnitBeforeNote(text)),
                IndicatorColumn.Comparator => IsComparatorSymbol(text) || IsNatureWord(text),
                IndicatorColumn.Actual => !IsComparatorSymbol(text) && !IsStatusWord(text),
                IndicatorColumn.Target or IndicatorColumn.Value => !IsComparatorSymbol(text) && !IsStatusWord(text),
                _ => false,
            };
            if (!fits) continue;
            assigned[c--] = role;
            first = k;
            target |= role == Role.Target;
            actual |= role == Role.Actual;
            score |= role == Role.Score;
        }
        if (!target || !actual || !score) return null;
        int start = assigned.Keys.Min();
        // first > 0: the header has columns before the values the row passed over (指标分值 over a 指标解释's text).
        if (first > 0 && start >= 2 && !ValueParser.IsNumber(cells[start - 1])) assigned[--start] = Role.Description;
        return new IndicatorColumns.ValueFit(start, assigned, cells.Count);
    }

    /// <summary>`%(百分比)`: a unit with its description in brackets is the unit.</summary>
    private static string UnitBeforeNote(string text)
    {
        int p = text.IndexOf('(');
        return p > 0 && text[^1] == ')' ? text[..p] : text;
    }
}
