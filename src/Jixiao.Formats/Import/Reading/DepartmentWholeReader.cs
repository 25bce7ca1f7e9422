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
}
