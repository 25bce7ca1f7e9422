using Jixiao.Core.Model;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Review;

// The arithmetic of a 部门整体 form's 年度主要任务 (docs/department-whole.md §1): each task's 总额 is its 财政拨款 plus
// its 其他资金, and 金额合计 is the sum of the tasks, column by column. The budget block, weights, scores and total of a
// 部门整体支出绩效自评表 are checked by the self-evaluation's checks (EvaluationForm).
public static partial class Reviewer
{
    static void DepartmentTasks(Context ctx, DepartmentTasks tasks)
    {
        ctx.Run(Checks.DepartmentTaskSplit, () => TaskSplits(ctx, tasks));
        ctx.Run(Checks.DepartmentTasksSum, () => TasksSum(ctx, tasks));
    }

    static string TaskMoney(DepartmentTasks tasks, decimal amount) => $"{Num.Fixed(amount)}{tasks.Unit.ToChinese()}";

    static void TaskSplits(Context ctx, DepartmentTasks tasks)
    {
        var lines = tasks.Rows.Select(t => ($"任务{Q(t.Name)}", t.Total, t.Fiscal, t.Other, t.Line))
            .Append(("金额合计", tasks.Total, tasks.Fiscal, tasks.Other, tasks.TotalLine));
        foreach (var (name, total, fiscal, other, line) in lines)
        {
            if (total is not { } t || fiscal is not { } f || other is not { } o) continue;
            if (Math.Abs(f + o - t) <= ctx.Tol) continue;
            ctx.Add(Checks.DepartmentTaskSplit,
                $"{name}：总额 {TaskMoney(tasks, t)}，而财政拨款 {Num.Fixed(f)} + 其他资金 {Num.Fixed(o)} = {TaskMoney(tasks, f + o)}，相差 {Num.Fixed(f + o - t)}。请核对预算金额。",
                line: line);
        }
    }

    static void TasksSum(Context ctx, DepartmentTasks tasks)
    {
        if (tasks.Rows.Count == 0) return;
        // Each printed figure is rounded to 0.01: n tasks may drift from their printed sum by about n/2 cents.
        var tol = ctx.Tol * Math.Max(1, tasks.Rows.Count - 1);
        foreach (var (column, printed, pick) in new (string, decimal?, Func<DepartmentTask, decimal?>)[]
                 {
                     ("总额", tasks.Total, t => t.Total), ("财政拨款", tasks.Fiscal, t => t.Fiscal), ("其他资金", tasks.Other, t => t.Other),
                 })
        {
            if (printed is not { } sum) continue;
            // A column some tasks leave blank cannot be added up; a blank 其他资金 is often meant as 0, but not always.
            if (tasks.Rows.Any(t => pick(t) is null)) continue;
            var computed = tasks.Rows.Sum(t => pick(t)!.Value);
            if (Math.Abs(computed - sum) <= tol) continue;
            ctx.Add(Checks.DepartmentTasksSum,
                $"金额合计的{column}印为 {TaskMoney(tasks, sum)}，而 {tasks.Rows.Count} 项任务的{column}之和为 {TaskMoney(tasks, computed)}，相差 {Num.Fixed(computed - sum)}。请核对各任务的预算金额与金额合计。",
                line: tasks.TotalLine);
        }
    }
}
