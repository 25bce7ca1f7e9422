using System.Text;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>
/// Indicator rows with reliable cells (tab, pipe, JSON rows, a sheet): group labels open a row, the values are
/// fitted to the header's roles, a row broken by a page break continues the previous one, and rows printed before
/// their group's label are moved under it.
/// </summary>
internal static class TabularIndicators
{
    public static IndicatorTable Read(SourceText source, FormKind kind, List<Role> roles, int dataStart, int end, ScoredColumns.Header? scored = null)
    {
        var indicators = new List<Indicator>();
        var warnings = new List<ImportWarning>();
        string? level1 = null, level2 = null;
        (int, int)? continuationShape = null;
        var floating = new List<PlacedIndicator>();
        bool breakSinceFloating = false;
        PlacedIndicator? last = null;

        for (int r = dataStart; r < end; r++)
        {
            var row = source.Rows[r];
            if (row.IsBlank) { if (floating.Count > 0) breakSinceFloating = true; continue; }
            // Each cell's key is made once: the label tests below each take it (a key is its own key).
            var cells = new List<Cell>(row.NonEmptyCells.Length);
            var keys = new List<string>(row.NonEmptyCells.Length);
            foreach (var c in row.NonEmptyCells)
            {
                var text = CellText.Of(c);
                var key = Key(text);
                if (key.Length == 0) continue;
                cells.Add(ReferenceEquals(text, c.Text) ? c : c with { Text = text });
                keys.Add(key);
            }
            // The footer, the form's questions after the table, or the head of another table (序号 | 学校性质 | …).
            if (cells.Count > 0 && (IsFooter(keys[0]) || AnyTickBoxes(cells) || (indicators.Count > 0 && keys[0] == "序号") || HoldsTotalScore(keys)))
                return new IndicatorTable(indicators, warnings, true, r, false);
            if (keys.TrueForAll(IsTableFurniture))
            {
                if (floating.Count > 0) breakSinceFloating = true;
                continue;
            }

            string? rowL1 = null, rowL2 = null;
            var rest = new List<Cell>(cells.Count);
            for (int i = 0; i < cells.Count; i++)
            {
                var (c, k) = (cells[i], keys[i]);
                if (rest.Count == 0 && rowL1 is null && rowL2 is null && Level1Of(k) is { } l1) { rowL1 = l1; continue; }
                if (rest.Count == 0 && rowL2 is null && Level2Of(k) is { } l2) { rowL2 = l2; continue; }
                if (rest.Count == 0 && rowL1 is not null && rowL2 is null && IsPrintedLevel2(k)) { rowL2 = k; continue; }
                if (rest.Count == 0 && rowL2 is null && IsBareSatisfactionGroup(k) && NameFollows(keys, i)) { rowL2 = k; continue; }
                // A provincial 二级 (可持续性发展影响指标, 服务对象或受益者满意度指标) opening a row under its 一级.
                if (rest.Count == 0 && rowL2 is null && level1 is not null && IsPrintedLevel2(k) && Framework.Level1Of(null, c.Text) == level1) { rowL2 = k; continue; }
                if (IsNoiseLabel(k)) continue;
                rest.Add(c);
            }
            if (rowL1 is not null && rowL2 is null && rest.Count > 0 && IsCostUnderOutput(rowL1, level1, level2Follows: false))
                (rowL1, rowL2) = (null, rowL1);
            bool labelled = rowL1 is not null || rowL2 is not null;

            if (!labelled && rest.Count == 1 && IndicatorColumns.CompletesWeight([rest[0].Text], roles, last?.Indicator)) continue;
            // A row broken by a page break continues the previous row cell by cell (name, target, actual, reason).
            if (!labelled && last is not null && IsContinuation(rest, kind, last))
            {
                AppendContinuation(last, rest);
                continue;
            }

            var texts = new List<string>(rest.Count);
            foreach (var c in rest) texts.Add(c.Text);
            // A header with a status or several score columns is matched from the row's end first (ScoredColumns).
            var fit = (kind == FormKind.SelfEvaluation && StopsInside(source, r, end) ? IndicatorColumns.FitCutRow(texts, roles) : null)
                      ?? (scored is null ? null : ScoredColumns.Fit(texts, scored))
                      ?? IndicatorColumns.FitValues(texts, roles, kind, strictTarget: false) ?? IndicatorColumns.ByPosition(texts, roles, kind);
            PlacedIndicator? p = null;
            if (rest.Count == 1 && fit is null && Key(rest[0].Text).Length < 2)
            {
                // One character with no value (a label cut by the end of the page, `时`) is no indicator.
                warnings.Add(new ImportWarning($"第{row.Line}行：“{rest[0].Text}”读不成指标行（只有一个字，没有指标值），未导入", row.Line));
            }
            else if (rest.Count == 1 && fit is null && IsCutGroupLabel(Key(rest[0].Text)))
            {
                // The start of a group's label with nothing after it (`满意` of 满意度指标, the page or the file cut there).
                warnings.Add(new ImportWarning($"第{row.Line}行：“{rest[0].Text}”是被截断的分组标签（没有指标值），未作为指标导入", row.Line));
            }
            else if (rest.Count > 0)
            {
                p = IndicatorColumns.Build(kind, rest, fit);
                if (fit is null && kind == FormKind.TargetDeclaration)
                    warnings.Add(new ImportWarning(
                        $"第{row.Line}行：“{CellText.Join(rest)}”没有可识别的指标值，无法确定它是三级指标名称还是指标值；已按三级指标（指标值为空）导入，请核对",
                        row.Line));
                else if (fit is null && p.Unplaced.Count > 0)
                    warnings.Add(new ImportWarning(
                        $"第{row.Line}行：指标行“{p.Indicator.Name}”的{IndicatorColumns.Quoted(p.Unplaced)}对不上表头的列（缺少指标值、实际完成值、分值或得分中的一格），未填入任何字段，请核对",
                        row.Line));
                else if (fit is null)
                    warnings.Add(new ImportWarning($"第{row.Line}行：指标行“{CellText.Join(rest)}”缺少指标值、实际完成值、分值或得分，请核对", row.Line));
                else if (p.Unplaced.Count > 0)
                    warnings.Add(IndicatorColumns.OneValueShort(p, row.Line));
            }

            if (labelled)
            {
                string newL1 = rowL1 ?? (rowL2 is not null ? ImpliedLevel1(rowL2, level1, level2) : null) ?? level1 ?? "";
                if (floating.Count > 0)
                {
                    // Rows printed before their group's label, across a page break, under the same 一级.
                    bool sameLevel1 = rowL1 is null || rowL1 == level1;
                    bool impliedSame = rowL2 is null || Framework.ParentOf(rowL2) is null || Framework.ParentOf(rowL2) == level1;
                    if (breakSinceFloating && sameLevel1 && impliedSame && rowL2 is not null)
                    {
                        foreach (var f in floating)
                        {
                            f.Indicator.Level1 = newL1.Length > 0 ? newL1 : null;
                            f.Indicator.Level2 = rowL2;
                        }
                        int fl = floating[0].Indicator.Line ?? row.Line;
                        warnings.Add(new ImportWarning(
                            $"第{fl}行起的{floating.Count}行指标排在第{row.Line}行的“{rowL2}”标签之前（标签跨页印在后面），已归入{newL1}/{rowL2}，请核对",
                            fl));
                    }
                    floating.Clear();
                }
                if (rowL1 is not null && rowL1 != level1 && rowL2 is null) level2 = null;
                level1 = newL1.Length > 0 ? newL1 : null;
                if (rowL2 is not null) level2 = rowL2;
                continuationShape = null;
                // A group's label stands between: what follows is not the previous group's row continued.
                if (p is null) last = null;
            }
            else if (p is not null)
            {
                var shape = row.Shape;
                if (continuationShape is null) continuationShape = shape;
                else if (shape != continuationShape)
                {
                    if (floating.Count == 0) breakSinceFloating = false;
                    floating.Add(p);
                }
                else floating.Clear();
            }

            if (p is not null)
            {
                p.Indicator.Level1 = level1;
                p.Indicator.Level2 = level2;
                indicators.Add(p.Indicator);
                last = p;
            }
        }
        return new IndicatorTable(indicators, warnings, false, end, false);
    }

    /// <summary>
    /// The 总分 cell stands after another footer cell in some layouts (`其他需要说明事项 | 无 | 总分 | 100 | 96 | 优`): a row
    /// holding it is the footer wherever it stands.
    /// </summary>
    private static bool HoldsTotalScore(List<string> keys)
    {
        for (int i = 1; i < keys.Count; i++) if (keys[i] == "总分") return true;
        return false;
    }

    private static bool IsCutGroupLabel(string key) => key.Length >= 2 && StartsGroupLabel(key);

    private static bool AnyTickBoxes(List<Cell> cells)
    {
        foreach (var c in cells) if (IsTickBoxes(c.Text)) return true;
        return false;
    }

    /// <summary>
    /// A bare group word that may also be a name (`满意度`) is the row's 二级 only when a name follows it in the row:
    /// the next cell is no value and one more comes after it.
    /// </summary>
    private static bool NameFollows(List<string> keys, int at) =>
        at + 2 < keys.Count && keys[at + 1].Length > 0 && !char.IsAsciiDigit(keys[at + 1][0]) && !ValueParser.StartsWithComparator(keys[at + 1]);

    /// <summary>The file stops in this row: it is the last with text, and the table's end is the file's.</summary>
    private static bool StopsInside(SourceText source, int r, int end)
    {
        if (end < source.Rows.Count) return false;
        for (int n = r + 1; n < end; n++)
            if (!source.Rows[n].IsBlank) return false;
        return true;
    }

    private static bool IsPrintedLevel2(string text)
    {
        var k = Key(text);
        return k.EndsWith("指标", StringComparison.Ordinal) && k.Length is > 3 and <= 14 && !k.StartsWith("指标", StringComparison.Ordinal);
    }

    private static bool IsContinuation(List<Cell> rest, FormKind kind, PlacedIndicator last)
    {
        if (rest.Count == 0) return false;
        if (kind == FormKind.TargetDeclaration) return false;
        // A continuation carries no weight and score of its own and lines up with the previous row's cells.
        if (rest.Any(c => ValueParser.IsNumber(c.Text) || ValueParser.LooksQuantitative(c.Text) || ValueParser.StartsWithComparator(c.Text)))
            return false;
        // A row with a cell in every one of them is a row of its own (worded values read like wrapped text).
        var filled = rest.Select(c => c.Column).ToHashSet();
        if (last.NameColumn >= 0 && filled.Contains(last.NameColumn) && last.Columns.Where(kv => kv.Value is not Role.Reason).All(kv => filled.Contains(kv.Key)))
            return false;
        return rest.All(c => c.Column == last.NameColumn || last.Columns.ContainsKey(c.Column));
    }

    private static void AppendContinuation(PlacedIndicator p, List<Cell> rest)
    {
        var ind = p.Indicator;
        foreach (var c in rest)
        {
            if (c.Column == p.NameColumn) { ind.Name = CellText.JoinTwo(ind.Name, c.Text); continue; }
            switch (p.Columns[c.Column])
            {
                case Role.Target: ind.Target = ValueParser.ParseTarget(CellText.JoinTwo(ind.Target?.Text ?? "", c.Text)); break;
                case Role.Actual: ind.Actual = ValueParser.ParseActual(CellText.JoinTwo(ind.Actual?.Text ?? "", c.Text)); break;
                case Role.Reason: ind.DeviationReason = CellText.JoinTwo(ind.DeviationReason ?? "", c.Text); break;
            }
        }
    }
}
