using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>The 部门整体 form's budget, goals and indicator table (<see cref="DepartmentWholeReader"/>).</summary>
public sealed partial class DepartmentWholeReader
{
    // ---------------------------------------------------------------- budget of a self-evaluation

    private static FundColumn? FundHeadOf(string text)
    {
        var k = LabelKey(text);
        if (FundColumnOf(k) is { } f) return f;
        return k switch
        {
            "全年(调整)预算数" or "全年调整预算数" => FundColumn.Adjusted,
            "执行率权重" or "执行率分值" => FundColumn.Weight,
            "执行率得分(分)" or "执行率得分" or "得分(分)" => FundColumn.Score,
            _ => null,
        };
    }

    private static bool IsFundLabel(string key) =>
        key.Contains("资金", StringComparison.Ordinal) || key.Contains("支出", StringComparison.Ordinal) || key.Contains("拨款", StringComparison.Ordinal)
        || key.Contains("总额", StringComparison.Ordinal) || key.Contains("合计", StringComparison.Ordinal) || key.Contains("收入", StringComparison.Ordinal);

    /// <summary>The budget block from its head row; returns the row after its last fund row.</summary>
    private int ReadFunds(DepartmentSelfEvaluation form, int head, int end)
    {
        var heads = new List<(int Column, FundColumn Col)>();
        foreach (var c in Cells(head))
        {
            var k = LabelKey(c.Text);
            if (UnitOf(k) is { } u) form.Funds.Unit = u;
            if (FundHeadOf(c.Text) is { } f && f != FundColumn.Ignored) heads.Add((c.Column, f));
        }
        int r = head + 1;
        for (; r < end; r++)
        {
            var cells = Cells(r).Where(c => !LabelKey(c.Text).StartsWith("预算执行情况", StringComparison.Ordinal)).ToList();
            if (cells.Count == 0) continue;
            var labelCell = cells.FirstOrDefault(c => !c.IsEmpty);
            if (labelCell is null || ValueParser.IsNumber(labelCell.Text) || !IsFundLabel(LabelKey(labelCell.Text))) break;
            var row = new FundRow { Label = FundLabel(labelCell.Text), Line = _rows[r].Line };
            var values = cells.Where(c => c != labelCell && (!_placed || c.Column > labelCell.Column)).ToList();
            for (int i = 0; i < values.Count; i++)
            {
                var owner = _placed
                    ? heads.Where(h => h.Column <= values[i].Column).Select(h => (FundColumn?)h.Col).LastOrDefault()
                    : i < heads.Count ? heads[i].Col : null;
                var t = Clean(values[i].Text);
                if (owner is not { } col || t is null || ValueParser.IsDash(t)) continue;
                var n = col == FundColumn.Rate ? ValueParser.ParsePercent(t) : ValueParser.ParseNumber(t);
                if (n is null) { Issue(r, $"{row.Label}的“{t}”不是数字"); continue; }
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
            form.Funds.Rows.Add(row);
        }
        return r;
    }

    private static string FundLabel(string text)
    {
        var t = ChineseText.RemoveSpaces(ChineseText.Normalize(text)).TrimEnd(':', '：');
        return t.StartsWith("其中:", StringComparison.Ordinal) ? "其中：" + t[3..] : t;
    }

    // ---------------------------------------------------------------- goals of a self-evaluation

    private enum GoalHead { Expected, Adjusted, Actual }

    private static GoalHead? GoalHeadOf(string text) => LabelKey(text) switch
    {
        "预期目标" or "年初绩效目标" or "年初设定目标" => GoalHead.Expected,
        "全年(调整)绩效目标" or "调整后绩效目标" or "全年调整绩效目标" => GoalHead.Adjusted,
        "实际完成情况" or "全年目标实际完成情况" or "全年实际完成情况" or "年度总体目标完成情况" => GoalHead.Actual,
        _ => null,
    };

    /// <summary>The goal heads' row and the row of texts under it; returns the row after the texts.</summary>
    private int ReadGoals(DepartmentSelfEvaluation form, int head, int end)
    {
        var heads = Cells(head).Where(c => GoalHeadOf(c.Text) is not null).Select(c => (c.Column, Head: GoalHeadOf(c.Text)!.Value)).ToList();
        int r = head + 1;
        while (r < end && _rows[r].IsBlank) r++;
        if (r >= end) return r;
        var texts = Cells(r).Where(c => !c.IsEmpty && DepartmentHeaderOf(LabelKey(c.Text)) is null && LabelKey(c.Text) != "当年绩效目标").ToList();
        for (int i = 0; i < texts.Count; i++)
        {
            var owner = _placed
                ? heads.Where(h => h.Column <= texts[i].Column).Select(h => (GoalHead?)h.Head).LastOrDefault()
                : i < heads.Count ? heads[i].Head : null;
            var t = Clean(texts[i].Text);
            switch (owner)
            {
                case GoalHead.Expected: form.ExpectedGoal ??= t; break;
                case GoalHead.Adjusted: form.AdjustedGoal ??= t; break;
                case GoalHead.Actual: form.ActualOutcome ??= t; break;
            }
        }
        return r + 1;
    }

    // ---------------------------------------------------------------- indicators

    private enum IndicatorHead { Level1, Level2, Name, Comparator, Target, AdjustedTarget, Unit, Actual, Weight, Score, Reason, Remark, Ignored }

    private static IndicatorHead? IndicatorHeadOf(string text)
    {
        var k = LabelKey(text);
        // `指标权重(分)`, `得分系数(%)`: a unit note after the head.
        var p = k.IndexOf('(');
        if (p > 0 && k.EndsWith(')')) k = k[..p];
        return k switch
        {
            "一级指标" => IndicatorHead.Level1,
            "二级指标" => IndicatorHead.Level2,
            "三级指标" or "指标名称" or "三级指标名称" => IndicatorHead.Name,
            "计算符号" or "比较符" or "指标性质" => IndicatorHead.Comparator,
            "指标值" or "目标值" or "年度指标值" or "年初指标值" or "年度目标值" => IndicatorHead.Target,
            "调整指标值" or "全年调整指标值" or "调整后指标值" => IndicatorHead.AdjustedTarget,
            "度量单位" or "计量单位" => IndicatorHead.Unit,
            "实际完成值" or "全年完成值" or "完成值" or "全年实际值" or "实际值" or "全年实际完成值" => IndicatorHead.Actual,
            "分值" or "权重" or "指标权重" or "指标分值" => IndicatorHead.Weight,
            "得分" or "指标得分" or "自评得分" => IndicatorHead.Score,
            "偏差原因分析及改进措施" or "偏差原因分析" or "未完成原因分析" or "偏差原因" => IndicatorHead.Reason,
            "指标值说明" or "备注" or "指标解释" or "指标说明" => IndicatorHead.Remark,
            "得分系数" or "是否核心指标" => IndicatorHead.Ignored,
            _ => null,
        };
    }

    /// <summary>The indicator table from its head; true when the form's end (总分, 评分等级, the signatures) was reached.</summary>
    private bool ReadIndicators(PerformanceForm form, int head, int end)
    {
        var heads = Cells(head).Where(c => IndicatorHeadOf(c.Text) is not null).Select(c => (c.Column, Head: IndicatorHeadOf(c.Text)!.Value)).ToList();
        string? level1 = null, level2 = null;
        bool ended = false;
        for (int r = head + 1; r < end; r++)
        {
            var cells = Cells(r);
            if (cells.Count == 0) continue;
            if (cells.Any(c => IndicatorHeadOf(c.Text) is IndicatorHead.Level1 or IndicatorHead.Name)) continue; // a head repeated on a page
            var first = LabelKey(cells[0].Text);
            // Under the table: 总分, 评分等级, notes and signatures; no indicator follows them.
            if (Footer(form, first, cells)) { ended = true; continue; }
            if (ended) continue;
            var values = new Dictionary<IndicatorHead, string>();
            int shift = _placed ? 0 : FirstHead(heads.Select(h => h.Head).ToList(), cells);
            for (int i = 0; i < cells.Count; i++)
            {
                var owner = _placed
                    ? heads.Where(h => h.Column <= cells[i].Column).Select(h => (IndicatorHead?)h.Head).LastOrDefault()
                    : i + shift < heads.Count ? heads[i + shift].Head : null;
                if (owner is { } o && Clean(cells[i].Text) is { } t && !values.ContainsKey(o)) values[o] = t;
            }
            if (values.TryGetValue(IndicatorHead.Level1, out var l1)) { level1 = Framework.Level1Of(l1, null) ?? l1; level2 = null; }
            if (values.TryGetValue(IndicatorHead.Level2, out var l2)) level2 = Level2Of(l2) ?? l2;
            if (!values.TryGetValue(IndicatorHead.Name, out var name))
            {
                if (values.Keys.Any(k => k is not (IndicatorHead.Level1 or IndicatorHead.Level2))) Issue(r, "这一行没有三级指标名称，未读取");
                continue;
            }
            var x = new Indicator { Level1 = level1 ?? (level2 is null ? null : Framework.ParentOf(level2)), Level2 = level2, Name = name, Line = _rows[r].Line };
            var unit = values.GetValueOrDefault(IndicatorHead.Unit);
            var target = values.GetValueOrDefault(IndicatorHead.Target);
            if (values.TryGetValue(IndicatorHead.AdjustedTarget, out var adjusted))
            {
                Issue(r, $"指标“{name}”的年初指标值{(target is null ? "未填" : $"为“{target}”")}，调整为“{adjusted}”：按调整后的指标值读取");
                target = adjusted;
            }
            var cmp = values.GetValueOrDefault(IndicatorHead.Comparator);
            // 重庆's 指标性质 is 定量指标 / 定性指标, not a comparator.
            if (cmp is not null && !ValueParser.StartsWithComparator(cmp)) cmp = null;
            if (target is not null) x.Target = ValueParser.ParseTarget(WithUnit(cmp + target, unit));
            if (values.TryGetValue(IndicatorHead.Actual, out var actual)) x.Actual = ValueParser.ParseActual(WithUnit(actual, unit));
            x.Weight = Number(values, IndicatorHead.Weight, r, "分值");
            x.Score = Number(values, IndicatorHead.Score, r, "得分");
            x.DeviationReason = values.GetValueOrDefault(IndicatorHead.Reason);
            x.Remark = values.GetValueOrDefault(IndicatorHead.Remark);
            form.Indicators.Add(x);
        }
        return ended;
    }

    /// <summary>
    /// Which head a web table row's first cell stands under. A merged 一级 or 二级 cell leaves no cell in the rows after
    /// its first, and whether the padding then comes before or after the row's cells differs by converter: the first
    /// cell says where the row starts (a 一级 name, a 二级 name, else the 三级 indicator), unless the row has more cells
    /// than that leaves room for.
    /// </summary>
    private static int FirstHead(List<IndicatorHead> heads, List<Cell> cells)
    {
        var first = cells[0].Text;
        var at = Level1Of(first) is not null ? heads.IndexOf(IndicatorHead.Level1)
            : Level2Of(first) is not null ? heads.IndexOf(IndicatorHead.Level2)
            : heads.IndexOf(IndicatorHead.Name);
        int filled = cells.FindLastIndex(c => !c.IsEmpty) + 1;
        return at < 0 || filled > heads.Count - at ? Math.Max(0, heads.Count - filled) : at;
    }

    /// <summary>`116` in a column headed 度量单位 `人`: the value as one text, `116人` (a % stays where it is).</summary>
    private static string WithUnit(string value, string? unit)
    {
        if (string.IsNullOrEmpty(unit) || ValueParser.ParseNumber(value.TrimStart('≥', '≤', '>', '<', '=')) is null) return value;
        return value + unit;
    }

    private decimal? Number(Dictionary<IndicatorHead, string> values, IndicatorHead head, int r, string what)
    {
        if (!values.TryGetValue(head, out var t) || ValueParser.IsDash(t)) return null;
        if (ValueParser.ParseNumber(t) is { } n) return n;
        Issue(r, $"{what}“{t}”不是数字");
        return null;
    }

    /// <summary>The rows under the indicators: 总分 (its weight and score), 评分等级, notes and signatures.</summary>
    private static bool Footer(PerformanceForm form, string first, List<Cell> cells)
    {
        if (first is "总分" or "合计" or "自评总分" or "自评得分")
        {
            var numbers = cells.Skip(1).Select(c => ValueParser.ParseNumber(Clean(c.Text))).Where(n => n is not null).ToList();
            if (form is DepartmentSelfEvaluation se)
            {
                if (numbers.Count >= 2) (se.TotalWeight, se.TotalScore) = (numbers[0], numbers[1]);
                else if (numbers.Count == 1) se.TotalScore = numbers[0];
            }
            return true;
        }
        if (first.StartsWith("评分等级", StringComparison.Ordinal))
        {
            if (form is DepartmentSelfEvaluation se && cells.Skip(1).Select(c => Clean(c.Text)).FirstOrDefault(t => t is not null) is { } grade) se.Grade = grade;
            return true;
        }
        return first.StartsWith("注:", StringComparison.Ordinal) || first.StartsWith("注：", StringComparison.Ordinal) || first.StartsWith("填报人", StringComparison.Ordinal)
            || (first.Contains("意见") && (first.Contains('审') || first.Contains("盖章")));
    }

    private void Issue(int row, string message) => _issues.Add(new DepartmentWholeIssue(row, message));
}
