using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>
/// The values of a declaration's indicator row: the target, in one cell or split over the header's columns
/// (指标性质 | 指标值 | 度量单位, in either order), and a 权重 where the form prints one. Cells are taken from the row's
/// end by what each reads as, so an empty cell (no unit, no comparator) shifts nothing and a weight is never read as
/// the target.
/// </summary>
internal static class DeclarationValues
{
    public static IndicatorColumns.ValueFit? Fit(IReadOnlyList<string> cells, List<Role> roles, bool strictTarget)
    {
        // A group label after the values is the other side's (a table printing its 中期 and 年度 indicators side by
        // side, the other side empty but for its repeated 二级): no value of this row.
        int kept = cells.Count;
        while (kept > 2 && IsGroupLabel(cells[kept - 1])) kept--;
        if (kept < cells.Count)
        {
            if (Fit(cells.Take(kept).ToList(), roles, strictTarget) is not { } inner) return null;
            var assigned = new Dictionary<int, Role>(inner.Assigned);
            for (int c = kept; c < cells.Count; c++) assigned[c] = Role.Ignored;
            return inner with { Assigned = assigned, End = cells.Count };
        }
        // A description column after the value (指标值 | 指标描述): the last cell describes, the one before is the value.
        if (roles.Count > 0 && roles[^1] == Role.Description && cells.Count >= 2 && Values(cells.Take(cells.Count - 1).ToList(), roles, strictTarget) is { } before)
            return before with { Assigned = new Dictionary<int, Role>(before.Assigned) { [cells.Count - 1] = Role.Description } };
        return WithDescription(cells, roles, Values(cells, roles, strictTarget));
    }

    private static bool IsGroupLabel(string cell) => Level1Of(cell) is not null || Level2Of(cell) is not null;

    /// <summary>
    /// A description column just before the values (绩效指标描述, 指标解释): the cell before the values is its cell, not
    /// the name's end, when a name stands before it.
    /// </summary>
    private static IndicatorColumns.ValueFit? WithDescription(IReadOnlyList<string> cells, List<Role> roles, IndicatorColumns.ValueFit? fit)
    {
        if (fit is null || fit.Start < 2) return fit;
        int d = roles.IndexOf(Role.Description);
        if (d < 0 || d + 1 >= roles.Count || roles[d + 1] is not (Role.Target or Role.Comparator or Role.Unit)) return fit;
        var assigned = new Dictionary<int, Role>(fit.Assigned) { [fit.Start - 1] = Role.Description };
        return fit with { Start = fit.Start - 1, Assigned = assigned };
    }

    private static IndicatorColumns.ValueFit? Values(IReadOnlyList<string> cells, List<Role> roles, bool strictTarget)
    {
        if (cells.Count == 0) return null;
        if (roles.Contains(Role.Weight) && FromTheEnd(cells, roles) is { } columns) return columns;
        // Split target columns (计算符号 | 目标值 | 度量单位): the comparator, the number and its unit, wherever an
        // empty or merged cell left them; what follows is the 指标值说明 column, not a value.
        bool unitFirst = IndicatorColumns.Before(roles, Role.Unit, Role.Target);
        if ((roles.Contains(Role.Comparator) || roles.Contains(Role.Unit)) && SplitTarget(cells, unitFirst) is { } split) return WithDirection(cells, split);
        // Otherwise the last cell is the target when it reads as one (or, in a tabular row, whenever a name stands
        // before it).
        int last = cells.Count - 1;
        var t = cells[last];
        bool lastIsTarget = ValueParser.StartsWithComparator(t) || ValueParser.LooksQuantitative(t) || Framework.QualitativeWords.Contains(Key(t));
        if (!lastIsTarget && !(!strictTarget && cells.Count >= 2)) return null;
        // A 单位 column printed before the value (单位 | 指标值): its cell is the target's unit, not the name's end.
        if (unitFirst && last >= 2 && IsUnitWord(cells[last - 1]))
            return new IndicatorColumns.ValueFit(last - 1, new Dictionary<int, Role> { [last - 1] = Role.Unit, [last] = Role.Target }, cells.Count);
        return new IndicatorColumns.ValueFit(last, new Dictionary<int, Role> { [last] = Role.Target }, cells.Count);
    }

    /// <summary>
    /// The header's value columns matched from the row's end, each only by a cell that reads as it (a weight is a
    /// number up to 100, a unit a short word, a comparator a symbol or 定性/定量); a column whose cell is empty is
    /// passed over. The weight is given up when taking it would leave no target with a name before it.
    /// </summary>
    private static IndicatorColumns.ValueFit? FromTheEnd(IReadOnlyList<string> cells, List<Role> roles)
    {
        var order = roles.Where(r => r is Role.Target or Role.Comparator or Role.Unit or Role.Weight).ToList();
        foreach (bool takeWeight in (bool[])[true, false])
        {
            var assigned = new Dictionary<int, Role>();
            int c = cells.Count - 1;
            // A 指标方向 column after the weight (`10 | 正向指标`) holds no value.
            while (c >= 1 && IsDirectionWord(cells[c])) assigned[c--] = Role.Ignored;
            bool target = false;
            for (int k = order.Count - 1; k >= 0 && c >= 1; k--)
            {
                var role = order[k];
                var text = cells[c];
                bool fits = role switch
                {
                    Role.Weight => takeWeight && IndicatorColumns.WeightOf(text) is not null,
                    Role.Unit => IsMeasureUnit(text),
                    Role.Comparator => IsComparatorSymbol(text) || IsNatureWord(text),
                    _ => !IsComparatorSymbol(text) && !IsNatureWord(text),
                };
                if (!fits) continue;
                assigned[c--] = role;
                target |= role == Role.Target;
            }
            if (!target) continue;
            var fit = new IndicatorColumns.ValueFit(assigned.Where(a => a.Value != Role.Ignored).Min(a => a.Key), assigned, cells.Count);
            return WithDirection(cells, fit);
        }
        return null;
    }

    /// <summary>A 指标方向 cell (正向/反向) just before the values belongs to them, not to the name.</summary>
    private static IndicatorColumns.ValueFit WithDirection(IReadOnlyList<string> cells, IndicatorColumns.ValueFit fit)
    {
        int start = fit.Start;
        while (start > 1 && IsDirectionWord(cells[start - 1])) start--;
        if (start == fit.Start) return fit;
        var assigned = new Dictionary<int, Role>(fit.Assigned);
        for (int c = start; c < fit.Start; c++) assigned[c] = Role.Ignored;
        return fit with { Start = start, Assigned = assigned };
    }

    /// <summary>
    /// The comparator, the number and its unit in columns of their own, the unit after the number (指标性质 | 指标值 |
    /// 度量单位) or before the comparator (计量单位 | 指标性质 | 指标值), as the header printed them.
    /// </summary>
    private static IndicatorColumns.ValueFit? SplitTarget(IReadOnlyList<string> cells, bool unitFirst)
    {
        for (int c = 1; c + 1 < cells.Count; c++)
        {
            if (!IsComparatorSymbol(cells[c]) || !ValueParser.IsNumber(cells[c + 1])) continue;
            var assigned = new Dictionary<int, Role> { [c] = Role.Comparator, [c + 1] = Role.Target };
            if (unitFirst && c >= 2 && IsUnitWord(cells[c - 1]))
            {
                assigned[c - 1] = Role.Unit;
                return new IndicatorColumns.ValueFit(c - 1, assigned, cells.Count);
            }
            if (!unitFirst && c + 2 < cells.Count && IsUnitWord(cells[c + 2])) assigned[c + 2] = Role.Unit;
            return new IndicatorColumns.ValueFit(c, assigned, cells.Count);
        }
        // A worded target under its 定性 nature (`定性 | 减少 | 反映…`): no number to find, the cell after the nature is
        // the target, and the unit's column left empty shifts nothing.
        for (int c = 1; c + 1 < cells.Count; c++)
        {
            if (!IsQualitativeNature(cells[c]) || IsComparatorSymbol(cells[c + 1]) || IsNatureWord(cells[c + 1])) continue;
            return new IndicatorColumns.ValueFit(c, new Dictionary<int, Role> { [c] = Role.Comparator, [c + 1] = Role.Target }, cells.Count);
        }
        return null;
    }

}
