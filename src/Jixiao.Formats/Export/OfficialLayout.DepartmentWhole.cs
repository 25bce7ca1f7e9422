using Jixiao.Core.Model;

namespace Jixiao.Formats.Export;

public static partial class OfficialLayout
{
    // The 部门整体 forms (docs/department-whole.md §1–2). The declaration follows the national 部门整体支出绩效目标申报表
    // (部门（单位）名称, 年度主要任务 with 预算金额 总额 / 财政拨款 / 其他资金, 金额合计, 年度总体目标, 一级/二级/三级 with
    // 指标值); the self-evaluation lays its budget, goal, indicators, 总分 and 评分等级 out as the project
    // self-evaluation does, because the provinces' templates seen print them so. The rows of 主管部门, 部门编码, 联系人,
    // 联系电话 and 部门职能职责概述 come from the provincial forms (江西, 重庆, 湖北): printed always, so that what the
    // model holds goes out and comes back.

    // ------------------------------------------------------------ 部门整体支出绩效目标表: 6 columns

    public static readonly double[] DepartmentDeclarationWidths = [13, 16, 26, 11, 11, 11];

    private static FormGrid DepartmentDeclarationGrid(DepartmentDeclaration f)
    {
        var g = new FormGrid
        {
            Title = FormKind.DepartmentDeclaration.ToChinese(), Subtitle = YearLine(f.Year), ColumnWidths = DepartmentDeclarationWidths,
        };
        var h = g.Head;
        h.Add(new(0, 0, "部门（单位）名称", CellKind.Label));
        h.Add(new(0, 1, f.ImplementingUnit ?? "", CellKind.Text, ColSpan: 5));
        DepartmentContacts(h, 1, [(0, 1), (1, 2), (3, 1), (4, 2)], f.Department, f.UnitCode, f.Contact, f.Phone);
        h.Add(new(3, 0, "部门职能职责概述", CellKind.Label));
        h.Add(new(3, 1, f.Functions ?? "", CellKind.Text, ColSpan: 5));
        int goal = DepartmentTaskRows(h, 4, f.Tasks, [(0, 1), (1, 1), (2, 1), (3, 1), (4, 1), (5, 1)]);
        h.Add(new(goal, 0, "年度总体目标", CellKind.Label));
        h.Add(new(goal, 1, f.AnnualGoal ?? "", CellKind.Text, ColSpan: 5));
        g.HeadRows = goal + 1;

        g.TableHeader.Add(new(0, 0, "一级指标", CellKind.Label));
        g.TableHeader.Add(new(0, 1, "二级指标", CellKind.Label));
        g.TableHeader.Add(new(0, 2, "三级指标", CellKind.Label));
        g.TableHeader.Add(new(0, 3, "指标值", CellKind.Label, ColSpan: 2));
        g.TableHeader.Add(new(0, 5, "备注", CellKind.Label));
        int n = Groups(f.Indicators, g.Body);
        for (int i = 0; i < f.Indicators.Count; i++)
        {
            var x = f.Indicators[i];
            g.Body.Add(new(i, 2, x.Name, CellKind.Text));
            g.Body.Add(new(i, 3, x.Target?.Text ?? "", CellKind.Value, ColSpan: 2));
            g.Body.Add(new(i, 5, x.Remark ?? "", CellKind.Text));
        }
        g.BodyRows = n;
        return g;
    }

    // ------------------------------------------------------------ 部门整体支出绩效自评表: 8 columns, as the 自评表

    private static FormGrid DepartmentSelfEvaluationGrid(DepartmentSelfEvaluation f)
    {
        var g = new FormGrid
        {
            Title = FormKind.DepartmentSelfEvaluation.ToChinese(), Subtitle = YearLine(f.Year), ColumnWidths = SelfEvaluationWidths,
        };
        var h = g.Head;
        h.Add(new(0, 0, "部门（单位）名称", CellKind.Label, ColSpan: 2));
        h.Add(new(0, 2, f.ImplementingUnit ?? "", CellKind.Text, ColSpan: 6));
        DepartmentContacts(h, 1, [(0, 2), (2, 3), (5, 1), (6, 2)], f.Department, f.UnitCode, f.Contact, f.Phone);
        int next = EvaluationFunds(h, 3, f.Funds, "预算执行情况", "分值");
        if (!f.Tasks.IsEmpty) next = DepartmentTaskRows(h, next, f.Tasks, [(0, 1), (1, 1), (2, 3), (5, 1), (6, 1), (7, 1)]);

        // 重庆's layout prints the goal as adjusted during the year between the first one and what was done.
        bool adjusted = !string.IsNullOrWhiteSpace(f.AdjustedGoal);
        (int Column, int Span)[] goals = adjusted ? [(1, 2), (3, 2), (5, 3)] : [(1, 3), (4, 4)];
        string[] heads = adjusted ? ["预期目标", "全年（调整）绩效目标", "实际完成情况"] : ["预期目标", "实际完成情况"];
        string?[] texts = adjusted ? [f.ExpectedGoal, f.AdjustedGoal, f.ActualOutcome] : [f.ExpectedGoal, f.ActualOutcome];
        h.Add(new(next, 0, "年度总体目标", CellKind.Label, RowSpan: 2));
        for (int i = 0; i < goals.Length; i++)
        {
            h.Add(new(next, goals[i].Column, heads[i], CellKind.Label, ColSpan: goals[i].Span));
            h.Add(new(next + 1, goals[i].Column, texts[i] ?? "", CellKind.Text, ColSpan: goals[i].Span));
        }
        g.HeadRows = next + 2;
        EvaluationIndicators(g, f);
        return g;
    }

    // ------------------------------------------------------------ shared by both

    /// <summary>
    /// Two rows from <paramref name="at"/>: 主管部门 and 部门编码, then 联系人 and 联系电话; <paramref name="cols"/> are the
    /// (column, span) of the first label, its value, the second label and its value.
    /// </summary>
    private static void DepartmentContacts(List<GridCell> h, int at, (int Column, int Span)[] cols,
        string? department, string? code, string? contact, string? phone)
    {
        (string, string?, string, string?)[] lines = [("主管部门", department, "部门编码", code), ("联系人", contact, "联系电话", phone)];
        for (int i = 0; i < lines.Length; i++)
        {
            var (l1, v1, l2, v2) = lines[i];
            h.Add(new(at + i, cols[0].Column, l1, CellKind.Label, ColSpan: cols[0].Span));
            h.Add(new(at + i, cols[1].Column, v1 ?? "", CellKind.Text, ColSpan: cols[1].Span));
            h.Add(new(at + i, cols[2].Column, l2, CellKind.Label, ColSpan: cols[2].Span));
            h.Add(new(at + i, cols[3].Column, v2 ?? "", CellKind.Value, ColSpan: cols[3].Span));
        }
    }

    /// <summary>
    /// The 年度主要任务 block from row <paramref name="at"/>: its side label, the heads (任务名称, 主要内容, 预算金额 over
    /// 总额 / 财政拨款 / 其他资金), each task, and 金额合计. <paramref name="cols"/> are the (column, span) of the side
    /// label, 任务名称, 主要内容 and the three amounts. Returns the row after the block.
    /// </summary>
    private static int DepartmentTaskRows(List<GridCell> h, int at, DepartmentTasks tasks, (int Column, int Span)[] cols)
    {
        var unit = tasks.Unit;
        int rows = 2 + tasks.Rows.Count + 1;
        h.Add(new(at, cols[0].Column, "年度主要任务", CellKind.Label, RowSpan: rows));
        h.Add(new(at, cols[1].Column, "任务名称", CellKind.Label, RowSpan: 2, ColSpan: cols[1].Span));
        h.Add(new(at, cols[2].Column, "主要内容", CellKind.Label, RowSpan: 2, ColSpan: cols[2].Span));
        h.Add(new(at, cols[3].Column, $"预算金额（{unit.ToChinese()}）", CellKind.Label, ColSpan: 3));
        string[] amounts = ["总额", "财政拨款", "其他资金"];
        for (int c = 0; c < 3; c++) h.Add(new(at + 1, cols[3 + c].Column, amounts[c], CellKind.Label));
        for (int i = 0; i < tasks.Rows.Count; i++)
        {
            var t = tasks.Rows[i];
            int row = at + 2 + i;
            h.Add(new(row, cols[1].Column, t.Name, CellKind.Text, ColSpan: cols[1].Span));
            h.Add(new(row, cols[2].Column, t.Content ?? "", CellKind.Text, ColSpan: cols[2].Span));
            h.Add(Amount(row, cols[3].Column, t.Total, unit));
            h.Add(Amount(row, cols[4].Column, t.Fiscal, unit));
            h.Add(Amount(row, cols[5].Column, t.Other, unit));
        }
        int sum = at + 2 + tasks.Rows.Count;
        h.Add(new(sum, cols[1].Column, "金额合计", CellKind.Label, ColSpan: cols[1].Span + cols[2].Span));
        h.Add(Amount(sum, cols[3].Column, tasks.Total, unit));
        h.Add(Amount(sum, cols[4].Column, tasks.Fiscal, unit));
        h.Add(Amount(sum, cols[5].Column, tasks.Other, unit));
        return sum + 1;
    }
}
