using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>
/// The glued text of a form's rows, page markers removed, as printed and with half-width brackets and digits (the
/// same length: labels and numbers are found in the second, prose is taken from the first), and where each row's
/// text begins in it.
/// </summary>
internal sealed record GluedFormText(string Printed, string Text, List<(int Offset, int Row)> Rows)
{
    public int RowAt(int offset) => Rows.LastOrDefault(x => x.Offset <= offset, Rows[0]).Row;
}

/// <summary>The goal cells of a glued self-evaluation, in the order read.</summary>
internal sealed record GluedGoals(string? Expected, string? Adjusted, string? Actual);

/// <summary>What a glued 部门整体 form gave: its header values, budget row, goals, indicators, whether it ended, and the warnings.</summary>
internal sealed record GluedDepartmentForm(
    string? Department, string? Contact, string? Phone, decimal? TotalScore, FundRow? Budget, GluedGoals? Goals,
    List<Indicator> Indicators, bool Complete, List<DepartmentWholeIssue> Issues)
{
    public void Apply(PerformanceForm form)
    {
        form.Department = Department;
        if (form is DepartmentSelfEvaluation se)
        {
            (se.Contact, se.Phone, se.TotalScore) = (Contact, Phone, TotalScore);
            if (Budget is not null) se.Funds.Rows.Add(Budget);
            if (Goals is not null) (se.ExpectedGoal, se.AdjustedGoal, se.ActualOutcome) = (Goals.Expected, Goals.Adjusted, Goals.Actual);
        }
        form.Indicators.AddRange(Indicators);
        form.Complete = Complete;
    }
}

/// <summary>
/// 重庆's 部门整体绩效自评表 as a document-sharing site's OCR gives it (corpus 104; docs/department-whole.md §3): every
/// cell of a page run together on one line, pages numbered `1、` `2、`. What stands between the printed labels is read
/// as their values; the indicator rows are found by the end every row has (得分系数 %, 指标权重 and 指标得分 run
/// together, 是/否 核心指标), and each row's start by what precedes that end. Whatever cannot be told apart is left
/// unread with a warning; nothing is guessed into a number.
/// </summary>
internal static partial class DepartmentWholeGlued
{
    // Matched from the end (RightToLeft): anchored at the end, a left-to-right scan tried every start in a long run
    // of digits and took time growing with its square (a fuzz input of 117,047 digits ran for minutes).
    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)(?<u>%|[\u4e00-\u9fff]{1,4})?$", RegexOptions.RightToLeft)]
    private static partial Regex TrailingQuantity();

    private static GluedFormText Join(DepartmentWholeText source, int start, int end)
    {
        var sb = new StringBuilder();
        var rows = new List<(int, int)>();
        for (int r = start; r < end; r++)
        {
            var t = source.Rows[r].JoinedText;
            if (t.Length == 0) continue;
            var page = PageMarker().Match(t);
            rows.Add((sb.Length, r));
            sb.Append(page.Success ? t[page.Length..] : t);
        }
        var printed = sb.ToString();
        return new GluedFormText(printed, ChineseText.ToHalfWidth(printed), rows);
    }

    /// <summary>The form whose title is row <paramref name="start"/>, its cells run together, to <paramref name="end"/>.</summary>
    public static GluedDepartmentForm Read(DepartmentWholeText source, int start, int end, FormKind kind)
    {
        var glued = Join(source, start, end);
        var text = glued.Text;
        int titleEnd = DepartmentWholeReader.FindTitle(text)?.End ?? 0;
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
            var v = (asPrinted ? glued.Printed : text)[a..b].Trim();
            return v.Length == 0 ? null : v;
        }
        int At(string label) => found.Where(f => f.Label == label).Select(f => f.At).DefaultIfEmpty(-1).First();
        var issues = new List<DepartmentWholeIssue>();
        void Issue(int row, string message) => issues.Add(new DepartmentWholeIssue(row, message));
        Issue(start, "这份表的各格文字连在一起（OCR 文本），按表中的栏目名分开读取；请对照原件核对");

        var department = Value(GluedDepartment, asPrinted: true);
        string? contact = null, phone = null;
        decimal? totalScore = null;
        FundRow? budget = null;
        GluedGoals? goals = null;
        if (kind == FormKind.DepartmentSelfEvaluation)
        {
            contact = Value(GluedContact, asPrinted: true);
            phone = Value(GluedPhone);
            if (Value(GluedTotalScore) is { } total)
            {
                if (ValueParser.ParseNumber(total) is { } n) totalScore = n;
                else Issue(glued.RowAt(At(GluedTotalScore)), $"自评总分“{total}”不是数字");
            }
            budget = Budget(source, Value(GluedBudgetScore), glued.RowAt(Math.Max(0, At(GluedBudgetScore))), Issue);
            goals = Goals(Value(GluedOutcome, asPrinted: true), glued.RowAt(Math.Max(0, At(GluedOutcome))), Issue);
        }
        var indicators = new List<Indicator>();
        int head = At(GluedTableHeadEnd);
        bool complete = false;
        if (head < 0) Issue(start, "没有找到指标表的表头（指标名称 … 是否核心指标），未读取绩效指标");
        else complete = Indicators(source, glued, head + GluedTableHeadEnd.Length, indicators, Issue);
        return new GluedDepartmentForm(department, contact, phone, totalScore, budget, goals, indicators, complete, issues);
    }

    /// <summary>`O76%107.6`: the three amounts (unreadable here), then 执行率 76%, 权重 10 and 得分 7.6 run together.</summary>
    private static FundRow? Budget(DepartmentWholeText source, string? figures, int row, Action<int, string> issue)
    {
        if (figures is null) return null;
        var m = Regex.Match(figures, @"(?<rate>\d+(?:\.\d+)?)%(?<ws>\d+(?:\.\d+)?)$");
        if (!m.Success) { issue(row, $"预算执行情况“{figures}”无法分开读取，未读取"); return null; }
        var rate = decimal.Parse(m.Groups["rate"].Value, CultureInfo.InvariantCulture);
        var total = new FundRow { Label = GluedBudgetLine, ExecutionRate = rate, Line = source.Rows[row].Line };
        if (SplitWeightScore(m.Groups["ws"].Value, rate) is { } ws) (total.Weight, total.Score) = ws;
        else issue(row, $"执行率权重与得分“{m.Groups["ws"].Value}”连在一起，无法分开，未读取");
        var amounts = figures[..m.Index];
        if (amounts.Length > 0)
            issue(row, $"年初预算数、全年预算数、全年执行数没有读出（原文为“{amounts}”）");
        return total;
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

    /// <summary>
    /// The goal cells (年初绩效目标, 全年（调整）绩效目标, 全年目标实际完成情况) run together: a placeholder word that
    /// fills a cell by itself, then the sentences; the outcome's cell begins at the first sentence that reports
    /// something done. The cells go to the heads in printed order.
    /// </summary>
    private static GluedGoals? Goals(string? text, int row, Action<int, string> issue)
    {
        if (text is null) return null;
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
        issue(row, cells.Count == 3
            ? $"年度目标的三格文字连在一起，按顺序读为年初绩效目标“{Short(cells[0])}”、全年（调整）绩效目标“{Short(cells[1])}”、实际完成情况“{Short(cells[2])}”；请核对"
            : $"年度目标的各格文字连在一起，只分出 {cells.Count} 段，按预期目标、实际完成情况读取；请核对");
        return cells.Count == 3 ? new GluedGoals(cells[0], cells[1], cells[2]) : new GluedGoals(cells[0], null, cells.Count > 1 ? cells[^1] : null);
    }

    private static string Short(string s) => s.Length <= 12 ? s : s[..12] + "…";

    /// <summary>The rows after the head; each ends with 得分系数%, 权重 and 得分 run together, and 是/否. True when nothing is left over.</summary>
    private static bool Indicators(DepartmentWholeText source, GluedFormText glued, int from, List<Indicator> indicators, Action<int, string> issue)
    {
        var text = glued.Text;
        int last = from;
        foreach (Match m in GluedIndicatorRowEnd().Matches(text, from))
        {
            int row = glued.RowAt(m.Index);
            var head = text[last..m.Index];
            last = m.Index + m.Length;
            // The vertical side label of the table (绩效指标) stands where a page break put it.
            if (head.StartsWith(IndicatorsSideLabel, StringComparison.Ordinal)) head = head[IndicatorsSideLabel.Length..];
            var coef = decimal.Parse(m.Groups["coef"].Value, CultureInfo.InvariantCulture);
            var x = Row(source, head, row, issue);
            if (x is null) continue;
            if (SplitWeightScore(m.Groups["ws"].Value, coef) is { } ws) (x.Weight, x.Score) = ws;
            else issue(row, $"指标“{x.Name}”的权重与得分“{m.Groups["ws"].Value}”连在一起，无法分开，未读取");
            indicators.Add(x);
        }
        var tail = text[last..].Trim();
        if (tail.Length > 0)
            issue(glued.RowAt(last), $"表格在此行中断，内容不完整（最后的“{Short(tail)}”不成一行）：只导入了已有的内容，缺少的部分没有补造");
        return tail.Length == 0;
    }

    /// <summary>The nature column's word, or its four characters in another order (OCR of a vertical cell: 性标定指).</summary>
    private static (int At, int Length)? Nature(string s)
    {
        for (int i = s.Length - 4; i >= 0; i--)
        {
            // Only a window made of the words' characters can be one of them in any order: the others are passed over
            // without a copy (a row of a hundred thousand characters was sorted window by window).
            if (s.AsSpan(i, 4).IndexOfAnyExcept(NatureCharacters) >= 0) continue;
            var window = string.Concat(s.Substring(i, 4).Order());
            if (NatureWordsSorted.Contains(window)) return (i, 4);
        }
        return null;
    }

    private static readonly System.Buffers.SearchValues<char> NatureCharacters = System.Buffers.SearchValues.Create(string.Concat(NatureWords));
    private static readonly string[] NatureWordsSorted = NatureWords.Select(w => string.Concat(w.Order())).ToArray();

    /// <summary>
    /// One row's text before its end: 指标名称, 计量单位, 指标性质 (often lost), 年初指标值, 全年完成值. The two values
    /// are read from the right (a number with its unit, or two words like 高 高); the unit column is the values' unit
    /// standing right after the name.
    /// </summary>
    private static Indicator? Row(DepartmentWholeText source, string text, int row, Action<int, string> issue)
    {
        var s = text.Trim();
        if (s.Length == 0) { issue(row, "有一行只有得分，没有指标名称，未读取"); return null; }
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
                    issue(row, $"指标“{name[..k]}”的年初指标值读为“{values[0]}”，原文可能有误（OCR），请核对");
                    name = name[..(k + unit.Length)];
                }
            if (name.EndsWith(unit, StringComparison.Ordinal) && name.Length > unit.Length) name = name[..^unit.Length];
        }
        else if (name.EndsWith('%') && name.Length > 1) name = name[..^1];
        // A unit column the OCR turned into letters (`tot扁` for 篇): not part of the name.
        var garbled = Regex.Match(name, @"[A-Za-z]{2,}[\u4e00-\u9fff]?$");
        if (garbled.Success && garbled.Index > 0)
        {
            issue(row, $"指标“{name[..garbled.Index]}”的计量单位读为“{garbled.Value}”，无法识别，未读取");
            name = name[..garbled.Index];
        }
        var x = new Indicator { Name = name, Line = source.Rows[row].Line };
        if (values.Count == 2)
        {
            x.Target = ValueParser.ParseTarget(values[0]);
            x.Actual = ValueParser.ParseActual(values[1]);
        }
        else if (values.Count == 1)
        {
            x.Target = ValueParser.ParseTarget(values[0]);
            issue(row, $"指标“{name}”只读到一个值“{values[0]}”，按年初指标值读取；全年完成值未读出");
        }
        return x;
    }

    /// <summary>The longest qualitative word (高, 好, 及时 …) the text ends with.</summary>
    private static string? WordAtEnd(string s) =>
        Framework.QualitativeWords.Where(w => s.EndsWith(w, StringComparison.Ordinal)).OrderByDescending(w => w.Length).FirstOrDefault();
}
