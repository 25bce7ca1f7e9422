using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;

namespace Jixiao.Formats.Import;

// 重庆's 部门整体绩效自评表 as a document-sharing site's OCR gives it (corpus 104; docs/department-whole.md §3): every
// cell of a page run together on one line, pages numbered `1、` `2、`. What stands between the printed labels is read
// as their values; the indicator rows are found by the end every row has (得分系数 %, 指标权重 and 指标得分 run
// together, 是/否 核心指标), and each row's start by what precedes that end. Whatever cannot be told apart is left
// unread with a warning; nothing is guessed into a number.
public sealed partial class DepartmentWholeReader
{
    // The labels of the header, in printed order; a value is what stands between one and the next found.
    private static readonly string[] GluedLabels =
        ["主管部门", "财政处室", "自评总分(分)", "部门联系人", "联系电话", "部门预算执行情况", "执行率得分(分)", "当年绩效目标",
         "年初绩效目标", "全年(调整)绩效目标", "全年目标实际完成情况", "指标名称", "是否核心指标"];

    [GeneratedRegex(@"(?<coef>\d{1,3}(?:\.\d+)?)%(?<ws>\d+(?:\.\d+)?)(?<core>[是否])")]
    private static partial Regex GluedRowEnd();

    // Matched from the end (RightToLeft): anchored at the end, a left-to-right scan tried every start in a long run
    // of digits and took time growing with its square (a fuzz input of 117,047 digits ran for minutes).
    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)(?<u>%|[\u4e00-\u9fff]{1,4})?$", RegexOptions.RightToLeft)]
    private static partial Regex TrailingQuantity();

    /// <summary>
    /// The glued text of the form's rows, page markers removed, as printed and with half-width brackets and digits (the
    /// same length: labels and numbers are found in the second, prose is taken from the first), and where each row's
    /// text begins in it.
    /// </summary>
    private (string Printed, string Text, List<(int Offset, int Row)> Rows) GluedText(int start, int end)
    {
        var sb = new StringBuilder();
        var rows = new List<(int, int)>();
        for (int r = start; r < end; r++)
        {
            var t = _rows[r].JoinedText;
            if (t.Length == 0) continue;
            var page = PageMarker().Match(t);
            rows.Add((sb.Length, r));
            sb.Append(page.Success ? t[page.Length..] : t);
        }
        var printed = sb.ToString();
        return (printed, ChineseText.ToHalfWidth(printed).Replace('（', '(').Replace('）', ')'), rows);
    }

    private static int RowAt(List<(int Offset, int Row)> rows, int offset) =>
        rows.LastOrDefault(x => x.Offset <= offset, rows[0]).Row;

    private void ReadGlued(PerformanceForm form, int start, int end)
    {
        var (printed, text, rows) = GluedText(start, end);
        int titleEnd = FindTitle(text)?.End ?? 0;
        var found = new List<(string Label, int At)>();
        int from = titleEnd;
        foreach (var label in GluedLabels)
        {
            int at = text.IndexOf(label, from, StringComparison.Ordinal);
            if (at < 0) continue;
            found.Add((label, at));
            from = at + label.Length;
        }
        string? Value(string label, bool asPrinted = false)
        {
            int i = found.FindIndex(f => f.Label == label);
            if (i < 0) return null;
            int a = found[i].At + label.Length, b = i + 1 < found.Count ? found[i + 1].At : text.Length;
            var v = (asPrinted ? printed : text)[a..b].Trim();
            return v.Length == 0 ? null : v;
        }
        int At(string label) => found.Where(f => f.Label == label).Select(f => f.At).DefaultIfEmpty(-1).First();
        Issue(start, "这份表的各格文字连在一起（OCR 文本），按表中的栏目名分开读取；请对照原件核对");

        form.Department = Value("主管部门", asPrinted: true);
        if (form is DepartmentSelfEvaluation se)
        {
            se.Contact = Value("部门联系人", asPrinted: true);
            se.Phone = Value("联系电话");
            if (Value("自评总分(分)") is { } total)
            {
                if (ValueParser.ParseNumber(total) is { } n) se.TotalScore = n;
                else Issue(RowAt(rows, At("自评总分(分)")), $"自评总分“{total}”不是数字");
            }
            GluedBudget(se, Value("执行率得分(分)"), RowAt(rows, Math.Max(0, At("执行率得分(分)"))));
            GluedGoals(se, Value("全年目标实际完成情况", asPrinted: true), RowAt(rows, Math.Max(0, At("全年目标实际完成情况"))));
        }
        int head = At("是否核心指标");
        if (head < 0)
        {
            Issue(start, "没有找到指标表的表头（指标名称 … 是否核心指标），未读取绩效指标");
            form.Complete = false;
            return;
        }
        GluedIndicators(form, text, head + "是否核心指标".Length, rows);
    }

    /// <summary>`O76%107.6`: the three amounts (unreadable here), then 执行率 76%, 权重 10 and 得分 7.6 run together.</summary>
    private void GluedBudget(DepartmentSelfEvaluation form, string? figures, int row)
    {
        if (figures is null) return;
        var m = Regex.Match(figures, @"(?<rate>\d+(?:\.\d+)?)%(?<ws>\d+(?:\.\d+)?)$");
        if (!m.Success) { Issue(row, $"预算执行情况“{figures}”无法分开读取，未读取"); return; }
        var rate = decimal.Parse(m.Groups["rate"].Value, CultureInfo.InvariantCulture);
        var total = new FundRow { Label = "年度资金总额", ExecutionRate = rate, Line = _rows[row].Line };
        if (SplitWeightScore(m.Groups["ws"].Value, rate) is { } ws) (total.Weight, total.Score) = ws;
        else Issue(row, $"执行率权重与得分“{m.Groups["ws"].Value}”连在一起，无法分开，未读取");
        var amounts = figures[..m.Index];
        if (amounts.Length > 0)
            Issue(row, $"年初预算数、全年预算数、全年执行数没有读出（原文为“{amounts}”）");
        form.Funds.Rows.Add(total);
    }

    /// <summary>
    /// A weight and its score run together (`22`, `1010`, `107.6`): the split where the score is the weight times the
    /// printed 得分系数 (or 执行率), to the cent. Null when no split, or more than one, fits.
    /// </summary>
    private static (decimal Weight, decimal Score)? SplitWeightScore(string digits, decimal percent)
    {
        var fits = new List<(decimal, decimal)>();
        for (int i = 1; i < digits.Length; i++)
        {
            var (a, b) = (digits[..i], digits[i..]);
            if (a.Contains('.') || (b.Length > 1 && b[0] == '0' && b[1] != '.') || b.StartsWith('.')) continue;
            if (!decimal.TryParse(a, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var w)
                || !decimal.TryParse(b, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s)) continue;
            if (w <= 0 || s > w) continue;
            if (Math.Abs(Math.Round(w * Math.Min(percent, 100m) / 100m, 2) - s) <= 0.01m) fits.Add((w, s));
        }
        return fits.Count == 1 ? fits[0] : null;
    }

    // Placeholders a unit writes in an empty goal cell.
    private static readonly string[] EmptyGoalWords = ["无", "/", "-", "—"];

    // What the cell of the year's outcome begins with (中心2021年较好地完成了履职任务 …).
    private static readonly string[] OutcomeWords = ["完成了", "较好地完成", "已完成", "圆满完成", "实现了", "取得了"];

    /// <summary>
    /// The goal cells (年初绩效目标, 全年（调整）绩效目标, 全年目标实际完成情况) run together: a placeholder word that
    /// fills a cell by itself, then the sentences; the outcome's cell begins at the first sentence that reports
    /// something done. The cells go to the heads in printed order.
    /// </summary>
    private void GluedGoals(DepartmentSelfEvaluation form, string? text, int row)
    {
        if (text is null) return;
        var cells = new List<string>();
        var rest = text;
        if (EmptyGoalWords.FirstOrDefault(w => rest.StartsWith(w, StringComparison.Ordinal) && rest.Length > w.Length) is { } empty)
        {
            cells.Add(empty);
            rest = rest[empty.Length..];
        }
        var sentences = Regex.Split(rest, "(?<=。)").Where(s => s.Length > 0).ToList();
        int outcome = sentences.FindIndex(s => OutcomeWords.Any(w => s.Contains(w, StringComparison.Ordinal)));
        if (outcome > 0)
        {
            cells.Add(string.Concat(sentences.Take(outcome)));
            cells.Add(string.Concat(sentences.Skip(outcome)));
        }
        else cells.Add(rest);
        if (cells.Count == 3)
            (form.ExpectedGoal, form.AdjustedGoal, form.ActualOutcome) = (cells[0], cells[1], cells[2]);
        else
        {
            form.ExpectedGoal = cells[0];
            if (cells.Count > 1) form.ActualOutcome = cells[^1];
        }
        Issue(row, cells.Count == 3
            ? $"年度目标的三格文字连在一起，按顺序读为年初绩效目标“{Short(cells[0])}”、全年（调整）绩效目标“{Short(cells[1])}”、实际完成情况“{Short(cells[2])}”；请核对"
            : $"年度目标的各格文字连在一起，只分出 {cells.Count} 段，按预期目标、实际完成情况读取；请核对");
    }

    private static string Short(string s) => s.Length <= 12 ? s : s[..12] + "…";

    /// <summary>The rows after the head; each ends with 得分系数%, 权重 and 得分 run together, and 是/否.</summary>
    private void GluedIndicators(PerformanceForm form, string text, int from, List<(int Offset, int Row)> rows)
    {
        int last = from;
        foreach (Match m in GluedRowEnd().Matches(text, from))
        {
            int row = RowAt(rows, m.Index);
            var head = text[last..m.Index];
            last = m.Index + m.Length;
            // The vertical side label of the table (绩效指标) stands where a page break put it.
            if (head.StartsWith("绩效指标", StringComparison.Ordinal)) head = head["绩效指标".Length..];
            var coef = decimal.Parse(m.Groups["coef"].Value, CultureInfo.InvariantCulture);
            var x = GluedRow(head, row);
            if (x is null) continue;
            if (SplitWeightScore(m.Groups["ws"].Value, coef) is { } ws) (x.Weight, x.Score) = ws;
            else Issue(row, $"指标“{x.Name}”的权重与得分“{m.Groups["ws"].Value}”连在一起，无法分开，未读取");
            form.Indicators.Add(x);
        }
        var tail = text[last..].Trim();
        form.Complete = tail.Length == 0;
        if (!form.Complete)
            Issue(RowAt(rows, last), $"表格在此行中断，内容不完整（最后的“{Short(tail)}”不成一行）：只导入了已有的内容，缺少的部分没有补造");
    }

    private static readonly string[] NatureWords = ["定量指标", "定性指标"];

    /// <summary>The nature column's word, or its four characters in another order (OCR of a vertical cell: 性标定指).</summary>
    private static (int At, int Length)? Nature(string s)
    {
        for (int i = s.Length - 4; i >= 0; i--)
        {
            var window = s.Substring(i, 4);
            if (NatureWords.Any(w => w == window || string.Concat(w.Order()) == string.Concat(window.Order()))) return (i, 4);
        }
        return null;
    }

    /// <summary>
    /// One row's text before its end: 指标名称, 计量单位, 指标性质 (often lost), 年初指标值, 全年完成值. The two values
    /// are read from the right (a number with its unit, or two words like 高 高); the unit column is the values' unit
    /// standing right after the name.
    /// </summary>
    private Indicator? GluedRow(string text, int row)
    {
        var s = text.Trim();
        if (s.Length == 0) { Issue(row, "有一行只有得分，没有指标名称，未读取"); return null; }
        var nature = Nature(s);
        // With the nature word found, the name and unit stand before it and the values after it.
        var rest = nature is { } n ? s[(n.At + n.Length)..] : s;
        var values = new List<string>();
        for (int k = 0; k < 2; k++)
        {
            var q = TrailingQuantity().Match(rest);
            if (!q.Success || (q.Index == 0 && nature is null)) break;
            values.Insert(0, q.Value);
            rest = rest[..q.Index];
        }
        if (values.Count == 0 && WordAtEnd(rest) is { } second && WordAtEnd(rest[..^second.Length]) is { } first
            && (nature is not null || rest.Length > first.Length + second.Length))
        {
            // Two words (高 高, 好 好): the target and what was done.
            values.AddRange([first, second]);
            rest = rest[..^(first.Length + second.Length)];
        }
        var name = nature is { } m ? s[..m.At] + rest : rest;
        var unit = values.Select(v => TrailingQuantity().Match(v)).FirstOrDefault(q => q.Success && q.Groups["u"].Success)?.Groups["u"].Value;
        if (unit is { Length: > 0 })
        {
            // OCR may have garbled the target between the unit column and the number (`次到0次`), or all of it (`份第O份`).
            int end = values.Count == 1 && name.EndsWith(unit, StringComparison.Ordinal) ? name.Length - unit.Length : name.Length;
            int k = end > 0 ? name.LastIndexOf(unit, end - 1, StringComparison.Ordinal) : -1;
            var stray = k > 0 ? name[(k + unit.Length)..] : "";
            // A whole target lost to OCR has letters or digits in it (第O份); a stray before a number is a character or two.
            bool plausible = values.Count == 1 ? stray.Length <= 4 && stray.Any(char.IsAsciiLetterOrDigit) : stray.Length is > 0 and <= 2;
            if (!name.EndsWith(unit, StringComparison.Ordinal) || values.Count == 1)
                if (plausible)
                {
                    if (values.Count == 1) values.Insert(0, stray);
                    else values[0] = stray + values[0];
                    Issue(row, $"指标“{name[..k]}”的年初指标值读为“{values[0]}”，原文可能有误（OCR），请核对");
                    name = name[..(k + unit.Length)];
                }
            if (name.EndsWith(unit, StringComparison.Ordinal) && name.Length > unit.Length) name = name[..^unit.Length];
        }
        else if (name.EndsWith('%') && name.Length > 1) name = name[..^1];
        // A unit column the OCR turned into letters (`tot扁` for 篇): not part of the name.
        var garbled = Regex.Match(name, @"[A-Za-z]{2,}[\u4e00-\u9fff]?$");
        if (garbled.Success && garbled.Index > 0)
        {
            Issue(row, $"指标“{name[..garbled.Index]}”的计量单位读为“{garbled.Value}”，无法识别，未读取");
            name = name[..garbled.Index];
        }
        var x = new Indicator { Name = name, Line = _rows[row].Line };
        if (values.Count == 2)
        {
            x.Target = ValueParser.ParseTarget(values[0]);
            x.Actual = ValueParser.ParseActual(values[1]);
        }
        else if (values.Count == 1)
        {
            x.Target = ValueParser.ParseTarget(values[0]);
            Issue(row, $"指标“{name}”只读到一个值“{values[0]}”，按年初指标值读取；全年完成值未读出");
        }
        return x;
    }

    /// <summary>The longest qualitative word (高, 好, 及时 …) the text ends with.</summary>
    private static string? WordAtEnd(string s) =>
        Framework.QualitativeWords.Where(w => s.EndsWith(w, StringComparison.Ordinal)).OrderByDescending(w => w.Length).FirstOrDefault();
}
