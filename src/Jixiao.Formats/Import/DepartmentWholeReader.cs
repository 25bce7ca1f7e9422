using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>What the 部门整体 reader could not take as it stood: the row (an index into the rows it was given) and why.</summary>
public sealed record DepartmentWholeIssue(int Row, string Message);

/// <summary>
/// Reads a 部门整体支出绩效目标表 or 部门整体支出绩效自评表 (docs/department-whole.md) from the rows of the form's range:
/// an xlsx sheet or a PDF's ruled table (cells in their columns), a web page's table as `|` rows (where a merged
/// cell leaves no cell, so a short row is read from the right), or text. Each part is found by its printed labels:
/// the header pairs (部门（单位）名称, 部门编码 …), the 年度主要任务 block, the budget block of a self-evaluation, the
/// goals, the indicator table by its heads (the national 一级/二级/三级/指标值 set, 江西's 计算符号/目标值/度量单位/指标值
/// 说明, 重庆's 指标名称/年初指标值/全年完成值/指标权重/指标得分). 重庆's OCR text that glued every cell together is read
/// by <see cref="ReadGlued"/>.
/// </summary>
public sealed partial class DepartmentWholeReader
{
    private readonly IReadOnlyList<Row> _rows;
    private readonly bool _placed;
    private readonly List<DepartmentWholeIssue> _issues = new();

    /// <param name="placed">The cells stand in their columns (an xlsx sheet, a PDF's ruled table): a merged cell is an
    /// empty cell, not a missing one.</param>
    public DepartmentWholeReader(IReadOnlyList<Row> rows, bool placed)
    {
        _rows = rows;
        _placed = placed;
    }

    public IReadOnlyList<DepartmentWholeIssue> Issues => _issues;

    // ---------------------------------------------------------------- titles

    [GeneratedRegex(@"^\d{1,3}[、.．]")]
    private static partial Regex PageMarker();

    /// <summary>
    /// The kind a title names (<see cref="Vocabulary.DepartmentWholeTitles"/>): 部门整体支出绩效目标表, 江西's heading
    /// 部门整体绩效目标, 重庆's 部门整体绩效自评表 at the start of a glued line …; null for anything else (a report's
    /// 部门整体支出绩效自评报告, a sentence or a file name that mentions the form).
    /// </summary>
    public static FormKind? TitleKind(string joined) => FindTitle(joined) is { } t ? t.Kind : null;

    /// <summary>The title words in <paramref name="joined"/>: where they end and the kind they name.</summary>
    private static (int End, FormKind Kind)? FindTitle(string joined)
    {
        if (!joined.Contains("整体", StringComparison.Ordinal)) return null;
        var t = Normalised(joined);
        var page = PageMarker().Match(t);
        var from = page.Success ? page.Length : 0;
        if (t.Length == from || t[from] is '《' or '“' or '"' || t.AsSpan(from).StartsWith("关于") || t.AsSpan(from).StartsWith("附件"))
            return null;
        (int At, string Title, FormKind Kind)? best = null;
        foreach (var (title, kind) in DepartmentWholeTitles)
        {
            int at = t.IndexOf(title, from, StringComparison.Ordinal);
            if (at >= 0 && (best is null || at < best.Value.At || at == best.Value.At && title.Length > best.Value.Title.Length)) best = (at, title, kind);
        }
        if (best is not { } b) return null;
        var rest = t[(b.At + b.Title.Length)..];
        // A glued line (OCR text with every cell run together) starts with its title; a title line is short, with its
        // unit and year before it (`浮梁县林业局2026年部门整体支出绩效目标表`), its year after it, or the next tab's name.
        bool glued = t.Length > 90 || t.Contains('。');
        if (glued ? b.At > from : b.At - from > 40) return null;
        if (!b.Title.EndsWith('表') && !Regex.IsMatch(rest, @"^(\(?(19|20)\d{2}年度?\)?)?$")) return null;
        return (b.At + b.Title.Length, b.Kind);
    }

    private static string Normalised(string text) => ChineseText.ToHalfWidth(ChineseText.RemoveSpaces(text)).Replace('（', '(').Replace('）', ')');

    /// <summary>A label of a 部门整体 form's header (部门（单位）名称, 部门编码 …): what makes a title the form's own.</summary>
    public static bool IsHeaderLabel(string text) => DepartmentHeaderOf(LabelKey(text)) is not null;

    /// <summary>A label's key: <see cref="Vocabulary.Key"/> without the required-field star (`*联系人`).</summary>
    private static string LabelKey(string text) => Key(ChineseText.ToHalfWidth(text).Replace('（', '(').Replace('）', ')').TrimStart('*', '＊').Trim());

    // ---------------------------------------------------------------- the form

    /// <summary>
    /// The form whose title is row <paramref name="start"/>; it runs to <paramref name="end"/> (exclusive).
    /// <paramref name="mayBeCut"/>: the text may stop before the form's end (a web page stored in part), so a form
    /// without its end marks is incomplete.
    /// </summary>
    public PerformanceForm Read(int start, int end, FormKind kind, bool mayBeCut)
    {
        PerformanceForm form = kind == FormKind.DepartmentSelfEvaluation ? new DepartmentSelfEvaluation() : new DepartmentDeclaration();
        form.Source = new SourceRef(null, _rows[start].Line);
        var title = _rows[start].JoinedText;
        form.Year = ValueParser.ParseYear(title) ?? YearBefore(title);
        for (int r = start + 1; r < Math.Min(end, start + 3) && form.Year is null; r++)
            if (_rows[r].JoinedText is { Length: < 20 } line) form.Year = ValueParser.ParseYear(line);
        if (title.Length > 90 || title.Contains('。'))
        {
            ReadGlued(form, start, end);
            return form;
        }

        bool ended = false;
        int r0 = start + 1;
        for (int r = r0; r < end; r++)
        {
            var cells = Cells(r);
            if (cells.Count == 0) continue;
            if (cells.Any(c => IndicatorHeadOf(c.Text) is IndicatorHead.Level1 or IndicatorHead.Name))
            {
                ended = ReadIndicators(form, r, end);
                break;
            }
            if (cells.Any(c => LabelKey(c.Text) == "任务名称")) { r = ReadTasks(form, r, end) - 1; continue; }
            if (form is DepartmentSelfEvaluation se && cells.Count(c => FundHeadOf(c.Text) is not null) >= 3) { r = ReadFunds(se, r, end) - 1; continue; }
            if (form is DepartmentSelfEvaluation ge && cells.Any(c => GoalHeadOf(c.Text) is not null)) { r = ReadGoals(ge, r, end) - 1; continue; }
            ReadPairs(form, cells, r);
        }
        form.Complete = ended || !mayBeCut || form is DepartmentDeclaration && form.Indicators.LastOrDefault()?.Level1 == Framework.Satisfaction;
        if (!form.Complete)
        {
            int last = Enumerable.Range(start, end - start).LastOrDefault(i => !_rows[i].IsBlank, start);
            Issue(last, "表格在此行中断，内容不完整：只导入了已有的内容，缺少的部分没有补造");
        }
        return form;
    }

    /// <summary>`浮梁县林业局2026年部门整体…`: the year printed before the title words.</summary>
    private static int? YearBefore(string title)
    {
        var m = Regex.Match(ChineseText.ToHalfWidth(title), @"((?:19|20)\d{2})年(?:度)?(?:部门|单位)");
        return m.Success ? int.Parse(m.Groups[1].Value) : null;
    }

    /// <summary>A row's cells from its first to its last non-empty one, empty cells between kept (they hold a place).</summary>
    private List<Cell> Cells(int r)
    {
        var (lead, count) = _rows[r].Shape;
        var list = new List<Cell>(Math.Max(0, count - lead));
        for (int i = lead; i < count; i++) list.Add(_rows[r].Cells[i]);
        return list;
    }

    private static string? Clean(string? text)
    {
        var t = ChineseText.Normalize(text);
        return t.Length == 0 ? null : t;
    }

    // ---------------------------------------------------------------- header pairs

    private enum DepartmentHeader { Unit, Department, Code, Contact, Phone, Functions, Goal, TotalScore, Grade }

    private static DepartmentHeader? DepartmentHeaderOf(string key) => key switch
    {
        "部门(单位)名称" or "部门名称" or "单位名称" or "部门单位名称" or "预算单位" or "单位(部门)名称" => DepartmentHeader.Unit,
        "主管部门" or "主管部门及代码" or "主管部门名称" => DepartmentHeader.Department,
        "部门编码" or "单位编码" or "部门代码" or "单位代码" or "预算编码" => DepartmentHeader.Code,
        "联系人" or "部门联系人" or "单位联系人" => DepartmentHeader.Contact,
        "联系电话" or "电话" => DepartmentHeader.Phone,
        "部门职能职责概述" or "职能职责概述" or "部门职能概述" or "部门(单位)职能" or "部门职能" => DepartmentHeader.Functions,
        "年度总体目标" or "年度绩效总目标" or "整体绩效目标" or "部门整体绩效目标" or "年度绩效目标" or "总体目标" => DepartmentHeader.Goal,
        "自评总分" or "自评总分(分)" or "自评得分" or "总分" => DepartmentHeader.TotalScore,
        "评分等级" or "自评等级" => DepartmentHeader.Grade,
        _ => null,
    };

    /// <summary>Label and value pairs of a header row: `部门编码: | 316 | 部门名称: | 浮梁县林业局 | *联系人: | 王媛`.</summary>
    private void ReadPairs(PerformanceForm form, List<Cell> cells, int r)
    {
        for (int i = 0; i < cells.Count; i++)
        {
            if (DepartmentHeaderOf(LabelKey(cells[i].Text)) is not { } field) continue;
            string? value = null;
            for (int j = i + 1; j < cells.Count && value is null; j++)
            {
                if (DepartmentHeaderOf(LabelKey(cells[j].Text)) is not null) break;
                value = Clean(cells[j].Text);
            }
            if (value is null) continue;
            var dd = form as DepartmentDeclaration;
            var ds = form as DepartmentSelfEvaluation;
            switch (field)
            {
                case DepartmentHeader.Unit: form.ImplementingUnit ??= value; break;
                case DepartmentHeader.Department: form.Department ??= value; break;
                case DepartmentHeader.Code: if (dd is not null) dd.UnitCode ??= value; else ds!.UnitCode ??= value; break;
                case DepartmentHeader.Contact: if (dd is not null) dd.Contact ??= value; else ds!.Contact ??= value; break;
                case DepartmentHeader.Phone: if (dd is not null) dd.Phone ??= value; else ds!.Phone ??= value; break;
                case DepartmentHeader.Functions when dd is not null: dd.Functions ??= value; break;
                case DepartmentHeader.Goal: if (dd is not null) dd.AnnualGoal ??= value; else ds!.ExpectedGoal ??= value; break;
                case DepartmentHeader.TotalScore when ds is not null:
                    if (ValueParser.ParseNumber(value) is { } total) ds.TotalScore ??= total;
                    else Issue(r, $"自评总分“{value}”不是数字");
                    break;
                case DepartmentHeader.Grade when ds is not null: ds.Grade ??= value; break;
            }
        }
    }

    // ---------------------------------------------------------------- 年度主要任务

    /// <summary>The block from its head row (任务名称 | 主要内容 | 预算金额 …); returns the row after 金额合计.</summary>
    private int ReadTasks(PerformanceForm form, int head, int end)
    {
        var tasks = form is DepartmentDeclaration dd ? dd.Tasks : ((DepartmentSelfEvaluation)form).Tasks;
        // The amounts' heads (总额, 财政拨款, 其他资金) stand under 预算金额, on the same row or the next.
        var amountColumns = new List<int>();
        int nameColumn = -1, contentColumn = -1;
        int body = head + 1;
        if (body < end && Cells(body).Any(c => LabelKey(c.Text) is "总额" or "财政拨款" or "其他资金")) body++;
        for (int h = head; h < body; h++)
            foreach (var c in Cells(h))
            {
                var k = LabelKey(c.Text);
                if (UnitOf(k) is { } u) tasks.Unit = u;
                if (k == "任务名称") nameColumn = c.Column;
                else if (k == "主要内容") contentColumn = c.Column;
                else if (k is "总额" or "财政拨款" or "其他资金") amountColumns.Add(c.Column);
            }
        int r = body;
        for (; r < end; r++)
        {
            var cells = Cells(r).Where(c => LabelKey(c.Text) != "年度主要任务").ToList();
            if (cells.All(c => c.IsEmpty)) continue;
            var first = LabelKey(cells.First(c => !c.IsEmpty).Text);
            bool sum = first is "金额合计" or "合计";
            if (!sum && (DepartmentHeaderOf(first) is not null || cells.Any(c => IndicatorHeadOf(c.Text) is not null || GoalHeadOf(c.Text) is not null))) break;
            string? name = null, content = null;
            var texts = new List<string>();
            var amounts = new List<decimal?>();
            var placedAmounts = new decimal?[3];
            foreach (var c in cells)
            {
                var t = Clean(c.Text);
                if (t is null || (sum && LabelKey(t) is "金额合计" or "合计")) continue;
                int slot = _placed ? amountColumns.IndexOf(c.Column) : -1;
                if (_placed && slot < 0)
                {
                    if (c.Column == nameColumn) name = t;
                    else if (c.Column == contentColumn) content = t;
                    continue;
                }
                if (!_placed && !ValueParser.IsNumber(t) && !ValueParser.IsDash(t)) { texts.Add(t); continue; }
                decimal? n = ValueParser.IsDash(t) ? null : ValueParser.ParseNumber(t);
                if (n is null && !ValueParser.IsDash(t)) Issue(r, $"预算金额“{t}”不是数字（金额以{tasks.Unit.ToChinese()}为单位，只填数字）");
                if (_placed) { if (slot < 3) placedAmounts[slot] = n; }
                else amounts.Add(n);
            }
            if (!_placed)
            {
                name = texts.ElementAtOrDefault(0);
                content = texts.Count > 1 ? string.Concat(texts.Skip(1)) : null;
                for (int i = 0; i < Math.Min(3, amounts.Count); i++) placedAmounts[i] = amounts[i];
            }
            if (sum)
            {
                (tasks.Total, tasks.Fiscal, tasks.Other, tasks.TotalLine) = (placedAmounts[0], placedAmounts[1], placedAmounts[2], _rows[r].Line);
                return r + 1;
            }
            tasks.Rows.Add(new DepartmentTask
            {
                Name = name ?? "", Content = content, Total = placedAmounts[0], Fiscal = placedAmounts[1], Other = placedAmounts[2], Line = _rows[r].Line,
            });
        }
        return r;
    }

    private static MoneyUnit? UnitOf(string key) =>
        key.Contains("(万元)", StringComparison.Ordinal) ? MoneyUnit.WanYuan : key.Contains("(元)", StringComparison.Ordinal) ? MoneyUnit.Yuan : null;

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
