using System.Text;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>What a cell of an indicator row is: the header's value columns, by meaning.</summary>
/// <remarks><see cref="Unplaced"/>: a value cell a row's fit could not give a column (reported, never put in a field).</remarks>
internal enum Role { Target, Actual, Weight, Score, Reason, Comparator, Unit, Description, Ignored, Unplaced }

/// <summary>An indicator being read, with the columns its cells came from (for a continuation row to follow).</summary>
internal sealed class PlacedIndicator
{
    public required Indicator Indicator { get; init; }
    public Dictionary<int, Role> Columns { get; } = new();
    public int NameColumn = -1;

    /// <summary>Values of a row that fits none of the header's column sets: reported, never forced into a field.</summary>
    public List<Cell> Unplaced { get; } = [];
}

/// <summary>The rows an indicator table yielded, its warnings, and where it ended.</summary>
internal sealed record IndicatorTable(List<Indicator> Indicators, List<ImportWarning> Warnings, bool ReachedFooter, int FooterRow, bool Dangling);

/// <summary>
/// The indicator table's columns: the roles its header announces, and the fit of a row's cells to those roles by
/// what each cell reads as (a weight and a score are plain numbers, a target reads as a target).
/// </summary>
internal static class IndicatorColumns
{
    public static (List<Role> Roles, int DataStart) ReadHeader(SourceText source, FormKind kind, int headerRow, int end)
    {
        var roles = new List<Role>();
        int r = headerRow;
        var tokens = new List<string>();
        for (; r < end; r++)
        {
            var cells = source.Rows[r].NonEmpty.Select(c => CellText.Of(c)).ToList();
            if (cells.Count == 0) continue;
            // Header rows hold only header words (and the outer 绩效指标 label).
            bool IsHead(string c) => IndicatorColumnOf(c) is not null || IsNoiseLabel(c) || IsIndicatorHeaderFragment(c);
            // The first header row may carry text before the table in a cell of its own (a page's note).
            int heads = cells.Count(IsHead);
            bool isHeader = heads == cells.Count || (r == headerRow && heads >= 3);
            if (!isHeader) break;
            tokens.AddRange(cells.Where(IsHead));
        }
        // Re-join fragments (`偏差原因分析` + `及改进措施`) by reading words in order.
        foreach (var t in tokens)
        {
            var col = IndicatorColumnOf(t);
            Role? role = col switch
            {
                IndicatorColumn.Target => Role.Target,
                IndicatorColumn.Actual => Role.Actual,
                IndicatorColumn.Weight => Role.Weight,
                IndicatorColumn.Score => Role.Score,
                IndicatorColumn.Reason => Role.Reason,
                IndicatorColumn.Comparator => Role.Comparator,
                IndicatorColumn.Unit => Role.Unit,
                IndicatorColumn.Description => Role.Description,
                _ => null,
            };
            if (role is { } ro && !(ro == Role.Reason && roles.Contains(Role.Reason))) roles.Add(ro);
        }
        if (!roles.Contains(Role.Target))
            roles = kind == FormKind.SelfEvaluation
                ? [Role.Target, Role.Actual, Role.Weight, Role.Score, Role.Reason]
                : [Role.Target];
        return (roles, r);
    }

    /// <summary>A role whose cell the fit places by what it reads as: not the reason, a description or an ignored column.</summary>
    private static bool HoldsValue(Role role) => role is not Role.Reason and not Role.Ignored and not Role.Description;

    /// <summary>Where a row's values begin and which cell is which role, or null when the row holds no value set.</summary>
    public sealed record ValueFit(int Start, Dictionary<int, Role> Assigned, int End);

    /// <summary>
    /// Fits the header's value roles to a row's cells by content: weights and scores are plain numbers, targets look
    /// like targets, actual values like actual values. The name is whatever text stands before the fit.
    /// </summary>
    public static ValueFit? FitValues(IReadOnlyList<string> cells, List<Role> roles, FormKind kind, bool strictTarget, bool scoresOnly = true)
    {
        var valueRoles = new List<Role>(roles.Count);
        foreach (var r in roles)
            if (HoldsValue(r)) valueRoles.Add(r);
        if (valueRoles.Count == 0) return null;
        if (kind == FormKind.TargetDeclaration) return DeclarationValues.Fit(cells, roles, strictTarget);
        if (roles.Contains(Role.Comparator) || roles.Contains(Role.Unit)) return FitSplitTarget(cells, roles, kind);
        // What each cell reads as, decided once: the fit below tries every start position.
        var isNumber = new bool[cells.Count];
        var comparator = new bool[cells.Count];
        var targetLike = new bool[cells.Count];
        var achievement = new bool[cells.Count];
        for (int c = 0; c < cells.Count; c++)
        {
            isNumber[c] = ValueParser.IsNumber(cells[c]);
            comparator[c] = ValueParser.StartsWithComparator(cells[c]);
            targetLike[c] = comparator[c] || isNumber[c] || ValueParser.LooksQuantitative(cells[c]) || Framework.QualitativeWords.Contains(Key(cells[c]));
            achievement[c] = ValueParser.ParseAchievement(cells[c]) is not null;
        }
        // An actual value printed with a comparator (`≥266米` under 全年实际值) is taken as one only when the row's
        // weight and score, plain numbers, pin the columns down; otherwise a comparator marks the target.
        bool anchored = valueRoles.Contains(Role.Weight) || valueRoles.Contains(Role.Score);
        foreach (var actualMayCompare in anchored ? [false, true] : new[] { false })
        {
            for (int start = 0; start + valueRoles.Count <= cells.Count; start++)
            {
                // A row's first cell that reads as a name (eight Chinese characters or more, no comparator) is not its
                // target: the row is one value short instead (below).
                if (start == 0 && cells.Count > 0 && !comparator[0] && HanCount(cells[0]) >= 8) continue;
                int ti = -1, ai = -1;
                bool ok = true;
                for (int k = 0; k < valueRoles.Count && ok; k++)
                {
                    var role = valueRoles[k];
                    if (role is Role.Weight or Role.Score) ok = isNumber[start + k];
                    else if (role == Role.Target) ti = start + k;
                    else if (role == Role.Actual) ai = start + k;
                }
                if (!ok || ti < 0) continue;
                // The target must read as a target, unless the actual is an achievement label (qualitative row).
                bool qualitative = ai >= 0 && achievement[ai];
                // A worded target (严格执行相关制度规定) reads as one when the row's weight and score frame it.
                bool framed = actualMayCompare && valueRoles.Contains(Role.Weight) && valueRoles.Contains(Role.Score) && start + valueRoles.Count == cells.Count;
                if (!qualitative && !targetLike[ti] && !framed) continue;
                if (ai >= 0 && !qualitative && comparator[ai] && !actualMayCompare) continue;
                var assigned = new Dictionary<int, Role>(valueRoles.Count);
                for (int k = 0; k < valueRoles.Count; k++) assigned[start + k] = valueRoles[k];
                return new ValueFit(start, assigned, start + valueRoles.Count);
            }
        }
        // A row printed with its 分值 and 得分 only (target and actual left empty, their cells gone from the text): two
        // numbers that read as a weight and a score within it, after a name.
        bool endsWithWeightAndScore = scoresOnly && Before(valueRoles, Role.Weight, Role.Score) && cells.Count >= 3
            && WeightOf(cells[^2]) is { } w && ValueParser.ParseNumber(cells[^1]) <= w;
        if (endsWithWeightAndScore && !isNumber[^3] && !comparator[^3] && ValueParser.ParsePercent(cells[^3]) is null)
            return new ValueFit(cells.Count - 2, new Dictionary<int, Role> { [cells.Count - 2] = Role.Weight, [cells.Count - 1] = Role.Score }, cells.Count);
        // One value short: a name, one value, a weight and a score within it (`变压器3台 | 3 | 9.3 | 9.3`). Whether the
        // value is the target or the actual is not printed: it is reported and left out.
        if (endsWithWeightAndScore && cells.Count >= 4 && valueRoles.Contains(Role.Target) && valueRoles.Contains(Role.Actual)
            && targetLike[^3] && !targetLike[^4])
            return new ValueFit(cells.Count - 3, new Dictionary<int, Role> { [cells.Count - 3] = Role.Unplaced, [cells.Count - 2] = Role.Weight, [cells.Count - 1] = Role.Score }, cells.Count);
        // A sub-row (`其中…`) carries a target and an actual value but no weight or score of its own.
        if (cells.Count >= 3 && !cells.Any(ValueParser.IsNumber) && valueRoles.Contains(Role.Actual)
            && ValueParser.LooksQuantitative(cells[^2]) && ValueParser.LooksQuantitative(cells[^1]))
            return new ValueFit(cells.Count - 2, new Dictionary<int, Role> { [cells.Count - 2] = Role.Target, [cells.Count - 1] = Role.Actual }, cells.Count);
        return null;
    }

    /// <summary>
    /// Where the values of a row that fits no column set begin: at the first cell after the name that reads as a
    /// value (a number, a comparator, a percentage). A name is never made of its row's numbers.
    /// </summary>
    private static int UnfittedValuesStart(List<Cell> rest)
    {
        for (int c = 1; c < rest.Count; c++)
        {
            var t = rest[c].Text;
            if (ValueParser.IsNumber(t) || ValueParser.StartsWithComparator(t) || ValueParser.ParsePercent(t) is not null) return c;
        }
        return rest.Count;
    }

    /// <summary>
    /// The file's last row when the file stops inside it after its split target (fewer cells than the header's
    /// columns): the cells it has are the header's first columns after the name, in order, each reading as its column
    /// (a comparator symbol, a number for the target, a unit word, numbers for the weight and the score); the columns
    /// after the cut stay empty. Matching from the row's end would shift every value by the cells the cut took.
    /// </summary>
    public static ValueFit? FitCutRow(IReadOnlyList<string> cells, List<Role> roles)
    {
        var valueRoles = InPrintedOrder(roles).Where(HoldsValue).ToList();
        int present = cells.Count - 1;
        // Only a target printed in split columns pins the cells down (a comparator symbol, a number, a unit word, in
        // the header's order); without it a short row may as well be one value short (FitValues) or cut inside a cell.
        int splitEnd = valueRoles.FindLastIndex(r => r is Role.Comparator or Role.Unit);
        if (present < 1 || present >= valueRoles.Count || splitEnd < 0 || splitEnd >= present || !valueRoles.Take(present).Contains(Role.Target)) return null;
        var assigned = new Dictionary<int, Role>(present);
        for (int k = 0; k < present; k++)
        {
            var (cell, role) = (cells[k + 1], valueRoles[k]);
            bool reads = role switch
            {
                Role.Comparator => IsComparatorSymbol(cell),
                Role.Unit => IsUnitWord(cell),
                Role.Weight or Role.Score => ValueParser.IsNumber(cell),
                Role.Target => ValueParser.IsNumber(cell) || ValueParser.StartsWithComparator(cell) || ValueParser.LooksQuantitative(cell),
                _ => true,
            };
            if (!reads) return null;
            assigned[k + 1] = role;
        }
        return new ValueFit(1, assigned, cells.Count);
    }

    /// <summary>
    /// The roles in the order their cells stand: a target split under a second header row (指标性质 | 指标值 | 度量单位
    /// listed after the first row's columns) stands where the first row's target column is.
    /// </summary>
    private static List<Role> InPrintedOrder(List<Role> roles)
    {
        int first = roles.IndexOf(Role.Target), second = first < 0 ? -1 : roles.IndexOf(Role.Target, first + 1);
        if (second < 0) return roles;
        int from = second, to = second + 1;
        while (from - 1 > first && roles[from - 1] is Role.Comparator or Role.Unit) from--;
        while (to < roles.Count && roles[to] is Role.Comparator or Role.Unit) to++;
        var ordered = new List<Role>(roles.Count);
        ordered.AddRange(roles.Take(first));
        ordered.AddRange(roles.Skip(from).Take(to - from));
        ordered.AddRange(roles.Skip(first + 1).Take(from - first - 1));
        ordered.AddRange(roles.Skip(to));
        return ordered;
    }

    /// <summary>
    /// A self-evaluation whose 年度指标值 is printed in split columns under it (指标性质 | 指标值 | 度量单位, Yunnan's 公开14表):
    /// the comparator, the number and the unit are read as one target cell, the row is fitted to the other columns, and
    /// the target's cells keep their parts for <see cref="Build"/>.
    /// </summary>
    private static ValueFit? FitSplitTarget(IReadOnlyList<string> cells, List<Role> roles, FormKind kind)
    {
        var plain = new List<Role>();
        foreach (var r in roles)
            if (r is not (Role.Comparator or Role.Unit) && !(r == Role.Target && plain.Contains(Role.Target))) plain.Add(r);
        for (int c = 1; c + 1 < cells.Count; c++)
        {
            if (!IsComparatorSymbol(cells[c]) || !ValueParser.IsNumber(cells[c + 1])) continue;
            int width = c + 2 < cells.Count && IsUnitWord(cells[c + 2]) ? 3 : 2;
            var merged = new List<string>(cells.Take(c)) { ComparatorSymbolOf(cells[c]) + string.Concat(cells.Skip(c + 1).Take(width - 1)) };
            merged.AddRange(cells.Skip(c + width));
            var fit = FitValues(merged, plain, kind, strictTarget: true);
            if (fit is null || !fit.Assigned.TryGetValue(c, out var role) || role != Role.Target) continue;
            var assigned = new Dictionary<int, Role>();
            foreach (var (i, r) in fit.Assigned) assigned[i < c ? i : i + width - 1] = r;
            assigned[c] = Role.Comparator;
            assigned[c + 1] = Role.Target;
            if (width == 3) assigned[c + 2] = Role.Unit;
            return new ValueFit(fit.Start, assigned, fit.End + width - 1);
        }
        return FitValues(cells, plain, kind, strictTarget: true);
    }

    /// <summary>
    /// A self-evaluation row of reliable cells whose worded values fit no column by type (`有效减轻 | 有效减轻` under
    /// 目标值 | 完成值, no weight or score to pin them): with one name cell and exactly one cell per value column, the
    /// cells are read by position.
    /// </summary>
    public static ValueFit? ByPosition(IReadOnlyList<string> cells, List<Role> roles, FormKind kind)
    {
        if (kind != FormKind.SelfEvaluation) return null;
        var valueRoles = roles.Where(r => r is Role.Target or Role.Actual or Role.Weight or Role.Score).ToList();
        // A score printed once for its group (a merged cell on the group's first row) leaves the other rows one cell
        // short at the end: their worded target and actual still stand in their columns.
        if (valueRoles.Count >= 3 && cells.Count == valueRoles.Count && valueRoles[^1] is Role.Score && valueRoles[^2] is not (Role.Weight or Role.Score)
            && !ValueParser.IsNumber(cells[^1]))
            valueRoles.RemoveAt(valueRoles.Count - 1);
        if (valueRoles.Count == 0 || cells.Count != valueRoles.Count + 1) return null;
        for (int k = 0; k < valueRoles.Count; k++)
            if (valueRoles[k] is Role.Weight or Role.Score && !ValueParser.IsNumber(cells[k + 1])) return null;
        var assigned = new Dictionary<int, Role>(valueRoles.Count);
        for (int k = 0; k < valueRoles.Count; k++) assigned[k + 1] = valueRoles[k];
        return new ValueFit(1, assigned, cells.Count);
    }

    /// <summary>The warning for a row one value short: which cell was left out, and why.</summary>
    public static ImportWarning OneValueShort(PlacedIndicator p, int line) => new(
        $"第{line}行：指标行“{p.Indicator.Name}”少一格：{Quoted(p.Unplaced)}不能确定是指标值还是实际完成值，未填入，请核对", line);

    /// <summary>
    /// A line holding only a number in (0, 100] after a row whose 权重/分值 the header announces but the row did not
    /// print: that row's weight, wrapped below it (the 定性 rows of a Sichuan export), not a row of its own.
    /// </summary>
    public static bool CompletesWeight(IReadOnlyList<string> cells, List<Role> roles, Indicator? previous)
    {
        if (cells.Count != 1 || previous is null || previous.Weight is not null || !roles.Contains(Role.Weight)) return false;
        if (cells[0].Contains('%') || WeightOf(cells[0]) is not { } weight) return false;
        previous.Weight = weight;
        return true;
    }

    /// <summary>A cell that reads as a 分值/权重: a plain number above 0 and at most 100.</summary>
    public static decimal? WeightOf(string text) => ValueParser.ParseNumber(text) is { } w and > 0 and <= 100 ? w : null;

    /// <summary>Cells named in a warning, each in its quotes: `“10”“>=9”`.</summary>
    public static string Quoted(IEnumerable<Cell> cells) => string.Concat(cells.Select(c => $"“{c.Text}”"));

    private static int HanCount(string text)
    {
        int n = 0;
        foreach (var ch in text) if (ChineseText.IsHan(ch)) n++;
        return n;
    }

    internal static bool Before(List<Role> roles, Role a, Role b)
    {
        int i = roles.IndexOf(a), j = roles.IndexOf(b);
        return i >= 0 && j >= 0 && i < j;
    }

    public static PlacedIndicator Build(FormKind kind, List<Cell> rest, ValueFit? fit)
    {
        int valueStart = fit?.Start ?? UnfittedValuesStart(rest);
        // Dashes before a name are the empty cells of a row left unfilled above it, not part of the name.
        var nameCells = new List<Cell>(Math.Min(valueStart, rest.Count));
        for (int i = 0; i < valueStart && i < rest.Count; i++)
        {
            var c = rest[i];
            if (IsIndicatorHeaderText(c.Text) || (nameCells.Count == 0 && ValueParser.IsDash(c.Text))) continue;
            nameCells.Add(c);
        }
        var ind = new Indicator
        {
            Name = CellText.Join(nameCells),
            Line = (nameCells.Count > 0 ? nameCells[0] : rest[0]).Line,
        };
        var p = new PlacedIndicator { Indicator = ind, NameColumn = nameCells.Count > 0 ? nameCells[^1].Column : -1 };
        if (fit is null)
        {
            p.Unplaced.AddRange(rest.Skip(valueStart));
            return p;
        }
        // A target printed in split columns is read as one: `=` `116` `人` → `=116人`, in that order whatever order the
        // columns stood in (单位 | 指标值 gives `%` `≥95%`); a unit the value already ends with is not added twice. Most
        // rows print the target in one cell: the parts are joined only when a comparator or a unit has its own.
        string? comparatorPart = null, targetPart = null, unitPart = null;
        foreach (var (index, role) in fit.Assigned)
        {
            var cell = rest[index];
            p.Columns[cell.Column] = role;
            switch (role)
            {
                case Role.Target: ind.Target = ValueParser.ParseTarget(cell.Text); targetPart = ChineseText.RemoveSpaces(cell.Text); break;
                case Role.Actual: ind.Actual = ValueParser.ParseActual(cell.Text); break;
                case Role.Weight: ind.Weight = ValueParser.ParseNumber(cell.Text); break;
                case Role.Score: ind.Score = ValueParser.ParseNumber(cell.Text); break;
                case Role.Unplaced: p.Unplaced.Add(cell); break;
                case Role.Comparator when !IsNatureWord(cell.Text): comparatorPart = ChineseText.RemoveSpaces(ComparatorSymbolOf(cell.Text)); break;
                case Role.Unit: unitPart = ChineseText.RemoveSpaces(cell.Text); break;
            }
        }
        if (unitPart is not null && targetPart is not null && targetPart.EndsWith(unitPart, StringComparison.Ordinal)) unitPart = null;
        if (targetPart is not null && (comparatorPart is not null || unitPart is not null))
            ind.Target = ValueParser.ParseTarget(string.Concat(comparatorPart, targetPart, unitPart));
        var reason = fit.End < rest.Count ? rest.GetRange(fit.End, rest.Count - fit.End) : [];
        if (reason.Count > 0)
        {
            ind.DeviationReason = CellText.Join(reason);
            foreach (var c in reason) p.Columns[c.Column] = Role.Reason;
        }
        else if (kind == FormKind.SelfEvaluation)
        {
            // The reason column is where the next cell would stand: a continuation row may fill it.
            int lastCol = rest[fit.End - 1].Column;
            p.Columns[lastCol + 1] = Role.Reason;
        }
        return p;
    }
}
