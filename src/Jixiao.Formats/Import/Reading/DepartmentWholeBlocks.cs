using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Formats.Export;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>A header field's value as printed, its figure where the field is one (自评总分), and its row.</summary>
internal sealed record DepartmentHeaderPair(DepartmentHeaderField Field, string Value, decimal? Number, int Row);

internal sealed record DepartmentPairsRow(List<DepartmentHeaderPair> Pairs, List<DepartmentWholeIssue> Issues);

/// <summary>The 金额合计 row of the 年度主要任务 block: its three amounts and its line.</summary>
internal sealed record DepartmentTaskSum(decimal? Total, decimal? Fiscal, decimal? Other, int Line);

/// <summary>The 年度主要任务 block: the unit in force after its head, its tasks, its sum row, what could not be read.</summary>
internal sealed record DepartmentTaskBlock(MoneyUnit Unit, List<DepartmentTask> Rows, DepartmentTaskSum? Sum, List<DepartmentWholeIssue> Issues);

/// <summary>A self-evaluation's budget block: the unit its head prints (if any), its fund rows, what could not be read.</summary>
internal sealed record DepartmentFundBlock(MoneyUnit? Unit, List<FundRow> Rows, List<DepartmentWholeIssue> Issues);

/// <summary>
/// The 部门整体 form's blocks above the indicator table, each read from its rows into a record: the header pairs, the
/// 年度主要任务 block, and a self-evaluation's budget and goals. Each block's end is found from its labels alone.
/// </summary>
internal static class DepartmentWholeBlocks
{
    // ---------------------------------------------------------------- header pairs

    /// <summary>Label and value pairs of a header row: `部门编码: | 316 | 部门名称: | 浮梁县林业局 | *联系人: | 王媛`.</summary>
    public static DepartmentPairsRow ReadPairs(DepartmentWholeText text, int r, FormKind kind)
    {
        var cells = text.Cells(r);
        var pairs = new List<DepartmentHeaderPair>();
        var issues = new List<DepartmentWholeIssue>();
        for (int i = 0; i < cells.Count; i++)
        {
            if (DepartmentHeaderOf(cells[i].Text) is not { } field) continue;
            string? value = null;
            for (int j = i + 1; j < cells.Count && value is null; j++)
            {
                if (DepartmentHeaderOf(cells[j].Text) is not null) break;
                value = RowText.Clean(cells[j].Text);
            }
            if (value is null) continue;
            decimal? number = null;
            if (field == DepartmentHeaderField.TotalScore && kind == FormKind.DepartmentSelfEvaluation)
            {
                number = ValueParser.ParseNumber(value);
                if (number is null) issues.Add(new DepartmentWholeIssue(r, $"自评总分“{value}”不是数字"));
            }
            pairs.Add(new DepartmentHeaderPair(field, value, number, r));
        }
        return new DepartmentPairsRow(pairs, issues);
    }

    // ---------------------------------------------------------------- 年度主要任务

    /// <summary>The amounts' heads (总额, 财政拨款, 其他资金) stand under 预算金额, on the head row or the next: the first body row.</summary>
    private static int TasksBody(DepartmentWholeText text, int head, int end)
    {
        int body = head + 1;
        if (body < end && text.Cells(body).Any(c => TaskAmountHeads.Contains(HalfWidthKey(c.Text)))) body++;
        return body;
    }

    /// <summary>A body row's cells without the block's side label, and whether it is the 金额合计 row.</summary>
    private static (List<Cell> Cells, bool Sum, string First)? TaskRow(DepartmentWholeText text, int r)
    {
        var cells = text.Cells(r).Where(c => HalfWidthKey(c.Text) != TasksSideLabel).ToList();
        if (cells.All(c => c.IsEmpty)) return null;
        var first = cells.First(c => !c.IsEmpty).Text;
        return (cells, TaskSumLabels.Contains(HalfWidthKey(first)), first);
    }

    /// <summary>The row after 金额合计, or the first row of another part (a header label, the goals, the indicators).</summary>
    public static int TasksEnd(DepartmentWholeText text, int head, int end)
    {
        int r = TasksBody(text, head, end);
        for (; r < end; r++)
        {
            if (TaskRow(text, r) is not { } row) continue;
            if (row.Sum) return r + 1;
            if (DepartmentHeaderOf(row.First) is not null || row.Cells.Any(c => DepartmentIndicatorHeadOf(c.Text) is not null || DepartmentGoalHeadOf(c.Text) is not null)) break;
        }
        return r;
    }

    /// <summary>The block from its head row (任务名称 | 主要内容 | 预算金额 …) to <paramref name="end"/> (<see cref="TasksEnd"/>).</summary>
    public static DepartmentTaskBlock ReadTasks(DepartmentWholeText text, int head, int end, MoneyUnit unitBefore)
    {
        var unit = unitBefore;
        var amountColumns = new List<int>();
        int nameColumn = -1, contentColumn = -1;
        int body = TasksBody(text, head, end);
        for (int h = head; h < body; h++)
            foreach (var c in text.Cells(h))
            {
                var k = HalfWidthKey(c.Text);
                if (UnitNoteOf(k) is { } u) unit = u;
                if (k == TaskNameHead) nameColumn = c.Column;
                else if (k == TaskContentHead) contentColumn = c.Column;
                else if (TaskAmountHeads.Contains(k)) amountColumns.Add(c.Column);
            }
        var tasks = new List<DepartmentTask>();
        var issues = new List<DepartmentWholeIssue>();
        bool placed = text.Placed;
        for (int r = body; r < end; r++)
        {
            if (TaskRow(text, r) is not { } row) continue;
            bool sum = row.Sum;
            string? name = null, content = null;
            var texts = new List<string>();
            var amounts = new List<decimal?>();
            var placedAmounts = new decimal?[3];
            foreach (var c in row.Cells)
            {
                var t = RowText.Clean(c.Text);
                if (t is null || (sum && TaskSumLabels.Contains(HalfWidthKey(t)))) continue;
                int slot = placed ? amountColumns.IndexOf(c.Column) : -1;
                if (placed && slot < 0)
                {
                    if (c.Column == nameColumn) name = t;
                    else if (c.Column == contentColumn) content = t;
                    continue;
                }
                if (!placed && !ValueParser.IsNumber(t) && !ValueParser.IsDash(t)) { texts.Add(t); continue; }
                decimal? n = ValueParser.IsDash(t) ? null : ValueParser.ParseNumber(t);
                if (n is null && !ValueParser.IsDash(t)) issues.Add(new DepartmentWholeIssue(r, $"预算金额“{t}”不是数字（金额以{unit.ToChinese()}为单位，只填数字）"));
                if (placed) { if (slot < 3) placedAmounts[slot] = n; }
                else amounts.Add(n);
            }
            if (!placed)
            {
                name = texts.ElementAtOrDefault(0);
                content = texts.Count > 1 ? string.Concat(texts.Skip(1)) : null;
                for (int i = 0; i < Math.Min(3, amounts.Count); i++) placedAmounts[i] = amounts[i];
            }
            if (sum) return new DepartmentTaskBlock(unit, tasks, new DepartmentTaskSum(placedAmounts[0], placedAmounts[1], placedAmounts[2], text.Rows[r].Line), issues);
            tasks.Add(new DepartmentTask
            {
                Name = name ?? "", Content = content, Total = placedAmounts[0], Fiscal = placedAmounts[1], Other = placedAmounts[2], Line = text.Rows[r].Line,
            });
        }
        return new DepartmentTaskBlock(unit, tasks, null, issues);
    }

    // ---------------------------------------------------------------- budget of a self-evaluation

    /// <summary>A budget row's cells without the block's side label, and the cell of its label (null: none).</summary>
    private static (List<Cell> Cells, Cell? Label)? FundLine(DepartmentWholeText text, int r)
    {
        var cells = text.Cells(r).Where(c => !HalfWidthKey(c.Text).StartsWith(BudgetSideLabel, StringComparison.Ordinal)).ToList();
        return cells.Count == 0 ? null : (cells, cells.FirstOrDefault(c => !c.IsEmpty));
    }

    /// <summary>The row after the budget's last fund row: the first whose label is a figure or names no fund.</summary>
    public static int FundsEnd(DepartmentWholeText text, int head, int end)
    {
        int r = head + 1;
        for (; r < end; r++)
        {
            if (FundLine(text, r) is not { } line) continue;
            if (line.Label is not { } label || ValueParser.IsNumber(label.Text) || !IsDepartmentFundLabel(HalfWidthKey(label.Text))) break;
        }
        return r;
    }

    /// <summary>The budget block from its head row to <paramref name="end"/> (<see cref="FundsEnd"/>).</summary>
    public static DepartmentFundBlock ReadFunds(DepartmentWholeText text, int head, int end)
    {
        MoneyUnit? unit = null;
        var heads = new List<(int Column, FundColumn Col)>();
        foreach (var c in text.Cells(head))
        {
            if (UnitNoteOf(HalfWidthKey(c.Text)) is { } u) unit = u;
            if (DepartmentFundHeadOf(c.Text) is { } f && f != FundColumn.Ignored) heads.Add((c.Column, f));
        }
        var rows = new List<FundRow>();
        var issues = new List<DepartmentWholeIssue>();
        bool placed = text.Placed;
        for (int r = head + 1; r < end; r++)
        {
            if (FundLine(text, r) is not { Label: { } labelCell } line) continue;
            var row = new FundRow { Label = FundLineLabel(labelCell.Text), Line = text.Rows[r].Line };
            var values = line.Cells.Where(c => c != labelCell && (!placed || c.Column > labelCell.Column)).ToList();
            for (int i = 0; i < values.Count; i++)
            {
                var owner = placed
                    ? heads.Where(h => h.Column <= values[i].Column).Select(h => (FundColumn?)h.Col).LastOrDefault()
                    : i < heads.Count ? heads[i].Col : null;
                var t = RowText.Clean(values[i].Text);
                if (owner is not { } col || t is null || ValueParser.IsDash(t)) continue;
                var n = col == FundColumn.Rate ? ValueParser.ParsePercent(t) : ValueParser.ParseNumber(t);
                if (n is null) { issues.Add(new DepartmentWholeIssue(r, $"{row.Label}的“{t}”不是数字")); continue; }
                switch (col)
                {
                    case FundColumn.Initial: row.InitialBudget = n; break;
                    case FundColumn.Adjusted: row.AdjustedBudget = n; break;
                    case FundColumn.Executed: row.Executed = n; break;
                    case FundColumn.Weight: row.Weight = n; break;
                    case FundColumn.Rate: row.ExecutionRate = n; break;
                    case FundColumn.Score: row.Score = n; break;
                }
            }
            rows.Add(row);
        }
        return new DepartmentFundBlock(unit, rows, issues);
    }

    // ---------------------------------------------------------------- goals of a self-evaluation

    /// <summary>The row of goal texts under the heads' row (blank rows between passed over), or null at the form's end.</summary>
    private static int? GoalTexts(DepartmentWholeText text, int head, int end)
    {
        int r = head + 1;
        while (r < end && text.Rows[r].IsBlank) r++;
        return r < end ? r : null;
    }

    /// <summary>The row after the goal texts.</summary>
    public static int GoalsEnd(DepartmentWholeText text, int head, int end) => GoalTexts(text, head, end) is { } r ? r + 1 : end;

    /// <summary>The goal heads' row and the row of texts under it: each text with the head it stands under.</summary>
    public static List<(DepartmentGoalColumn Column, string Text)> ReadGoals(DepartmentWholeText text, int head, int end)
    {
        var goals = new List<(DepartmentGoalColumn, string)>();
        if (GoalTexts(text, head, end) is not { } r) return goals;
        var heads = text.Cells(head).Where(c => DepartmentGoalHeadOf(c.Text) is not null).Select(c => (c.Column, Head: DepartmentGoalHeadOf(c.Text)!.Value)).ToList();
        var texts = text.Cells(r).Where(c => !c.IsEmpty && DepartmentHeaderOf(c.Text) is null && HalfWidthKey(c.Text) != GoalsSideLabel).ToList();
        for (int i = 0; i < texts.Count; i++)
        {
            var owner = text.Placed
                ? heads.Where(h => h.Column <= texts[i].Column).Select(h => (DepartmentGoalColumn?)h.Head).LastOrDefault()
                : i < heads.Count ? heads[i].Head : null;
            if (owner is { } o && RowText.Clean(texts[i].Text) is { } t) goals.Add((o, t));
        }
        return goals;
    }
}
