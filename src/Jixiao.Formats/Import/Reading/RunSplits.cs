using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>
/// Numbers that ran together when the cells' separators were lost (`1010100%20` for 10, 10, 100%, 20). The columns
/// the header announced say how many numbers there are; the arithmetic of a form says which split is meant (执行数 ÷
/// 预算数 = 执行率; 得分 = 执行率 × 分值; an indicator's 分值 and 得分 frame its values). A split is taken only when
/// exactly one fits, and always reported as a guess with its line.
/// </summary>
internal static class RunSplits
{
    private const int MaxRunLength = 24;

    /// <summary>A cell that is only digits, points and a closing percent sign: a candidate for splitting.</summary>
    public static bool IsRun(string text) =>
        text.Length is >= 2 and <= MaxRunLength && char.IsAsciiDigit(text[0]) &&
        text.All(c => char.IsAsciiDigit(c) || c is '.' or '%') && text.IndexOf('%') is var p && (p < 0 || p == text.Length - 1);

    /// <summary>Every way to cut <paramref name="run"/> into <paramref name="parts"/> numbers, each printed as numbers are.</summary>
    public static IEnumerable<string[]> Splits(string run, int parts)
    {
        if (parts == 1) { if (IsNumberText(run)) yield return [run]; yield break; }
        for (int cut = 1; cut < run.Length; cut++)
        {
            var head = run[..cut];
            if (!IsNumberText(head) || head.EndsWith('%')) continue;
            foreach (var rest in Splits(run[cut..], parts - 1)) yield return [head, .. rest];
        }
    }

    /// <summary>`0`, `10`, `10.5`, `100.00%`: no leading zero before other digits, at most one point.</summary>
    private static bool IsNumberText(string s)
    {
        var digits = s.TrimEnd('%');
        if (digits.Length == 0 || s.Length - digits.Length > 1 || digits[0] == '.' || digits[^1] == '.') return false;
        if (digits.Count(c => c == '.') > 1) return false;
        return !(digits.Length > 1 && digits[0] == '0' && digits[1] != '.');
    }

    /// <summary>
    /// A self-evaluation's fund row whose figures ran together: the one split of one run that makes the row's
    /// arithmetic hold, or null.
    /// </summary>
    public static (List<string> Values, string Run)? SplitFundRow(IReadOnlyList<string> values, IReadOnlyList<FundColumn> columns)
    {
        // A column that carries no figure (原因) is not one a number is missing from.
        int missing = columns.Count(c => c != FundColumn.Ignored) - values.Count;
        if (missing <= 0) return null;
        (List<string>, string)? found = null;
        for (int i = 0; i < values.Count; i++)
        {
            if (!IsRun(values[i]) || values[i].Count(char.IsAsciiDigit) < missing + 2) continue;
            foreach (var split in Splits(values[i], missing + 1))
            {
                var candidate = values.Take(i).Concat(split).Concat(values.Skip(i + 1)).ToList();
                if (!FundRowHolds(candidate, columns)) continue;
                if (found is not null) return null; // two splits fit: no guess
                found = (candidate, values[i]);
            }
        }
        return found;
    }

    private static bool FundRowHolds(List<string> values, IReadOnlyList<FundColumn> columns)
    {
        decimal? Get(FundColumn c)
        {
            int k = -1;
            for (int j = 0; j < columns.Count; j++) if (columns[j] == c) { k = j; break; }
            if (k < 0) return null;
            return c == FundColumn.Rate ? ValueParser.ParsePercent(values[k]) : values[k].EndsWith('%') ? null : ValueParser.ParseNumber(values[k]);
        }
        // A percent sign only in the rate's column.
        for (int j = 0; j < columns.Count; j++)
            if (values[j].EndsWith('%') && columns[j] != FundColumn.Rate) return false;
        var budget = Get(FundColumn.Adjusted) ?? Get(FundColumn.Initial);
        var executed = Get(FundColumn.Executed);
        var rate = Get(FundColumn.Rate);
        var weight = Get(FundColumn.Weight);
        var score = Get(FundColumn.Score);
        bool checkedOne = false;
        if (budget is > 0 && executed is { } e && rate is { } r)
        {
            if (Math.Abs(e / budget.Value * 100 - r) > 0.6m) return false;
            // Nothing spent at 0% holds for any budget, so it says nothing about where the budget's digits end; a
            // spending that rounds to 0% is a coincidence of the cut, not a printed row.
            if (r == 0 && e != 0) return false;
            checkedOne |= r != 0;
        }
        if (weight is { } w && (w <= 0 || w > 100)) return false;
        if (score is { } s && rate is { } r2)
        {
            // Without a 分值 column the score's weight is in its head (`得分(20分*执行率)`), not known here: the
            // score is only held to its weight when the row prints one.
            if (weight is { } pw && (s > pw || Math.Abs(Math.Min(r2, 100) * pw / 100 - s) > 1)) return false;
            if (s < 0 || s > 100) return false;
            // The weight the score implies must be one a template gives (a whole number of points up to 100).
            if (weight is null)
            {
                if (r2 == 0) { if (s != 0) return false; }
                else if (s * 100 / Math.Min(r2, 100) is var implied && (implied > 100 || Math.Abs(implied - Math.Round(implied)) > 0.1m)) return false;
            }
            checkedOne |= weight is not null;
        }
        return checkedOne;
    }

    /// <summary>
    /// An indicator row whose 分值 ran into the value after it (`20100%` for 20 and 100%, `1020万元` for 10 and 20万元):
    /// the one split of one cell after which the row fits the header and its 分值 equals its 得分 or the split value
    /// equals its actual value.
    /// </summary>
    public static (List<string> Cells, int Index, string Left, string Right)? SplitIndicatorRow(
        IReadOnlyList<string> cells, Func<List<string>, IndicatorColumns.ValueFit?> fit)
    {
        (List<string>, int, string, string)? found = null;
        for (int i = 0; i < cells.Count; i++)
        {
            var t = cells[i];
            if (t.Length < 4 || !char.IsAsciiDigit(t[0])) continue;
            for (int cut = 1; cut <= 3 && cut < t.Length; cut++)
            {
                var left = t[..cut];
                var right = t[cut..];
                if (!IsNumberText(left) || left.EndsWith('%') || !char.IsAsciiDigit(right[0]) || right[0] == '0' && right.Length > 1 && right[1] != '.') continue;
                if (!ValueParser.LooksQuantitative(right)) continue;
                var candidate = cells.Take(i).Append(left).Append(right).Concat(cells.Skip(i + 1)).ToList();
                if (fit(candidate) is not { } f) continue;
                string? Of(Role role)
                {
                    foreach (var (index, r) in f.Assigned) if (r == role) return candidate[index];
                    return null;
                }
                var weight = Of(Role.Weight);
                bool framed = weight is not null && (weight == Of(Role.Score) || Of(Role.Actual) == right);
                if (!framed) continue;
                if (found is not null) return null;
                found = (candidate, i, left, right);
            }
        }
        return found;
    }
}
