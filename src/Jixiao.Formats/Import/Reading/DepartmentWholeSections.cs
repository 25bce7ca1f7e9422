using Jixiao.Core.Model;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

internal enum DepartmentWholePartKind { Pairs, Tasks, Funds, Goals, Indicators }

/// <summary>One part of a 部门整体 form: its kind, its head row, and the row after its last (the table runs to the form's end).</summary>
internal sealed record DepartmentWholePart(DepartmentWholePartKind Kind, int Head, int End);

/// <summary>Finds the parts of a 部门整体 form by their printed labels, in printed order.</summary>
internal static class DepartmentWholeSections
{
    /// <summary>
    /// The parts of the form whose title is row <paramref name="start"/>: the indicator table from its head (一级指标,
    /// 指标名称) to the end; before it the 年度主要任务 block (任务名称), a self-evaluation's budget (three fund heads or
    /// more) and goals (预期目标 …), and every other row a row of header pairs.
    /// </summary>
    public static List<DepartmentWholePart> Find(DepartmentWholeText text, int start, int end, FormKind kind)
    {
        var parts = new List<DepartmentWholePart>();
        bool selfEvaluation = kind == FormKind.DepartmentSelfEvaluation;
        for (int r = start + 1; r < end; r++)
        {
            var cells = text.Cells(r);
            if (cells.Count == 0) continue;
            DepartmentWholePart part;
            if (cells.Any(c => DepartmentIndicatorHeadOf(c.Text) is DepartmentIndicatorColumn.Level1 or DepartmentIndicatorColumn.Name))
            {
                parts.Add(new DepartmentWholePart(DepartmentWholePartKind.Indicators, r, end));
                break;
            }
            if (cells.Any(c => HalfWidthKey(c.Text) == TaskNameHead))
                part = new DepartmentWholePart(DepartmentWholePartKind.Tasks, r, DepartmentWholeBlocks.TasksEnd(text, r, end));
            else if (selfEvaluation && cells.Count(c => DepartmentFundHeadOf(c.Text) is not null) >= 3)
                part = new DepartmentWholePart(DepartmentWholePartKind.Funds, r, DepartmentWholeBlocks.FundsEnd(text, r, end));
            else if (selfEvaluation && cells.Any(c => DepartmentGoalHeadOf(c.Text) is not null))
                part = new DepartmentWholePart(DepartmentWholePartKind.Goals, r, DepartmentWholeBlocks.GoalsEnd(text, r, end));
            else
                part = new DepartmentWholePart(DepartmentWholePartKind.Pairs, r, r + 1);
            parts.Add(part);
            r = part.End - 1;
        }
        return parts;
    }
}
