using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>What the 部门整体 reader could not take as it stood: the row (an index into the rows it was given) and why.</summary>
public sealed record DepartmentWholeIssue(int Row, string Message);

/// <summary>The 部门整体 form read from a range of rows, and what the reader could not take.</summary>
public sealed record DepartmentWholeRead(PerformanceForm Form, IReadOnlyList<DepartmentWholeIssue> Issues);

/// <summary>
/// The rows a 部门整体 form is read from. <see cref="Placed"/>: the cells stand in their columns (an xlsx sheet, a
/// PDF's ruled table), so a merged cell is an empty cell, not a missing one.
/// </summary>
internal sealed record DepartmentWholeText(IReadOnlyList<Row> Rows, bool Placed)
{
    /// <summary>A row's cells from its first to its last non-empty one, empty cells between kept (they hold a place).</summary>
    public List<Cell> Cells(int r)
    {
        var (lead, count) = Rows[r].Shape;
        var list = new List<Cell>(Math.Max(0, count - lead));
        for (int i = lead; i < count; i++) list.Add(Rows[r].Cells[i]);
        return list;
    }
}

/// <summary>
/// Reads a 部门整体支出绩效目标表 or 部门整体支出绩效自评表 (docs/department-whole.md) from the rows of the form's range:
/// an xlsx sheet or a PDF's ruled table (cells in their columns), a web page's table as `|` rows (where a merged
/// cell leaves no cell, so a short row is read from the right), or text. A pipeline of pure stages: the parts by their
/// printed labels (<see cref="DepartmentWholeSections"/>: header pairs, 年度主要任务, a self-evaluation's budget and
/// goals, the indicator table), one reader per part returning what it found with its rows
/// (<see cref="DepartmentWholeBlocks"/>, <see cref="DepartmentWholeIndicators"/>), then the form assembled from them.
/// 重庆's OCR text that glued every cell together is read by <see cref="DepartmentWholeGlued"/>.
/// </summary>
public static class DepartmentWholeReader
{
    // ---------------------------------------------------------------- titles

    /// <summary>
    /// The kind a title names (<see cref="Vocabulary.DepartmentWholeTitles"/>): 部门整体支出绩效目标表, 江西's heading
    /// 部门整体绩效目标, 重庆's 部门整体绩效自评表 at the start of a glued line …; null for anything else (a report's
    /// 部门整体支出绩效自评报告, a sentence or a file name that mentions the form).
    /// </summary>
    public static FormKind? TitleKind(string joined) => FindTitle(joined) is { } t ? t.Kind : null;

    /// <summary>The title words in <paramref name="joined"/>: where they end and the kind they name.</summary>
    internal static (int End, FormKind Kind)? FindTitle(string joined)
    {
        if (!joined.Contains(WholeWord, StringComparison.Ordinal)) return null;
        var t = Normalised(joined);
        var page = PageMarker().Match(t);
        var from = page.Success ? page.Length : 0;
        if (t.Length == from || OpensQuote(t[from]) || MentionPrefixes.Any(p => t.AsSpan(from).StartsWith(p)))
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
        bool glued = IsGluedLine(t);
        if (glued ? b.At > from : b.At - from > 40) return null;
        if (!b.Title.EndsWith(TitleEnding) && !TitleYearOnly().IsMatch(rest)) return null;
        return (b.At + b.Title.Length, b.Kind);
    }

    /// <summary>A line too long for a title, or with a sentence in it: OCR text with every cell run together.</summary>
    private static bool IsGluedLine(string text) => text.Length > 90 || text.Contains(FullStop);

    /// <summary>No spaces, and full-width brackets, digits and letters half-width (ToHalfWidth maps （ to ().</summary>
    internal static string Normalised(string text) => ChineseText.ToHalfWidth(ChineseText.RemoveSpaces(text));

    /// <summary>A label of a 部门整体 form's header (部门（单位）名称, 部门编码 …): what makes a title the form's own.</summary>
    public static bool IsHeaderLabel(string text) => DepartmentHeaderOf(text) is not null;

    // ---------------------------------------------------------------- the form

    /// <summary>
    /// The form whose title is row <paramref name="start"/>; it runs to <paramref name="end"/> (exclusive).
    /// <paramref name="placed"/>: the cells stand in their columns (<see cref="DepartmentWholeText.Placed"/>).
    /// <paramref name="mayBeCut"/>: the text may stop before the form's end (a web page stored in part), so a form
    /// without its end marks is incomplete.
    /// </summary>
    public static DepartmentWholeRead Read(IReadOnlyList<Row> rows, int start, int end, FormKind kind, bool placed, bool mayBeCut)
    {
        var text = new DepartmentWholeText(rows, placed);
        PerformanceForm form = kind == FormKind.DepartmentSelfEvaluation ? new DepartmentSelfEvaluation() : new DepartmentDeclaration();
        form.Source = new SourceRef(null, rows[start].Line);
        form.Year = YearOf(text, start, end);
        var issues = new List<DepartmentWholeIssue>();
        if (IsGluedLine(rows[start].JoinedText))
        {
            var glued = DepartmentWholeGlued.Read(text, start, end, kind);
            glued.Apply(form);
            issues.AddRange(glued.Issues);
            return new DepartmentWholeRead(form, issues);
        }

        bool ended = false;
        foreach (var part in DepartmentWholeSections.Find(text, start, end, kind))
        {
            switch (part.Kind)
            {
                case DepartmentWholePartKind.Pairs:
                    var pairs = DepartmentWholeBlocks.ReadPairs(text, part.Head, kind);
                    foreach (var p in pairs.Pairs) Apply(p, form);
                    issues.AddRange(pairs.Issues);
                    break;
                case DepartmentWholePartKind.Tasks:
                    var tasks = TasksOf(form);
                    var block = DepartmentWholeBlocks.ReadTasks(text, part.Head, part.End, tasks.Unit);
                    tasks.Unit = block.Unit;
                    tasks.Rows.AddRange(block.Rows);
                    if (block.Sum is { } sum) (tasks.Total, tasks.Fiscal, tasks.Other, tasks.TotalLine) = (sum.Total, sum.Fiscal, sum.Other, sum.Line);
                    issues.AddRange(block.Issues);
                    break;
                case DepartmentWholePartKind.Funds:
                    var se = (DepartmentSelfEvaluation)form;
                    var funds = DepartmentWholeBlocks.ReadFunds(text, part.Head, part.End);
                    if (funds.Unit is { } unit) se.Funds.Unit = unit;
                    se.Funds.Rows.AddRange(funds.Rows);
                    issues.AddRange(funds.Issues);
                    break;
                case DepartmentWholePartKind.Goals:
                    var ge = (DepartmentSelfEvaluation)form;
                    foreach (var (column, goal) in DepartmentWholeBlocks.ReadGoals(text, part.Head, part.End))
                        switch (column)
                        {
                            case DepartmentGoalColumn.Expected: ge.ExpectedGoal ??= goal; break;
                            case DepartmentGoalColumn.Adjusted: ge.AdjustedGoal ??= goal; break;
                            case DepartmentGoalColumn.Actual: ge.ActualOutcome ??= goal; break;
                        }
                    break;
                case DepartmentWholePartKind.Indicators:
                    var table = DepartmentWholeIndicators.Read(text, part.Head, part.End);
                    form.Indicators.AddRange(table.Indicators);
                    if (form is DepartmentSelfEvaluation fe)
                        foreach (var line in table.Footer)
                        {
                            if (line.Weight is { } w) fe.TotalWeight = w;
                            if (line.Score is { } s) fe.TotalScore = s;
                            if (line.Grade is { } g) fe.Grade = g;
                        }
                    issues.AddRange(table.Issues);
                    ended = table.Ended;
                    break;
            }
        }
        form.Complete = ended || !mayBeCut || form is DepartmentDeclaration && form.Indicators.LastOrDefault()?.Level1 == Framework.Satisfaction;
        if (!form.Complete)
        {
            int last = Enumerable.Range(start, end - start).LastOrDefault(i => !rows[i].IsBlank, start);
            issues.Add(new DepartmentWholeIssue(last, "表格在此行中断，内容不完整：只导入了已有的内容，缺少的部分没有补造"));
        }
        return new DepartmentWholeRead(form, issues);
    }

    /// <summary>The year in the title, before its words (`…2026年部门整体…`), or on a short line under it.</summary>
    private static int? YearOf(DepartmentWholeText text, int start, int end)
    {
        var title = text.Rows[start].JoinedText;
        int? year = ValueParser.ParseYear(title) ?? YearBefore(title);
        for (int r = start + 1; r < Math.Min(end, start + 3) && year is null; r++)
            if (text.Rows[r].JoinedText is { Length: < 20 } line) year = ValueParser.ParseYear(line);
        return year;
    }

    private static int? YearBefore(string title)
    {
        var m = YearBeforeTitle().Match(ChineseText.ToHalfWidth(title));
        return m.Success ? int.Parse(m.Groups[1].Value) : null;
    }

    private static DepartmentTasks TasksOf(PerformanceForm form) => form is DepartmentDeclaration dd ? dd.Tasks : ((DepartmentSelfEvaluation)form).Tasks;

    /// <summary>A header pair into the form: the first value of a field counts; a field the kind has not is passed over.</summary>
    private static void Apply(DepartmentHeaderPair pair, PerformanceForm form)
    {
        var value = pair.Value;
        var dd = form as DepartmentDeclaration;
        var ds = form as DepartmentSelfEvaluation;
        switch (pair.Field)
        {
            case DepartmentHeaderField.Unit: form.ImplementingUnit ??= value; break;
            case DepartmentHeaderField.Department: form.Department ??= value; break;
            case DepartmentHeaderField.Code: if (dd is not null) dd.UnitCode ??= value; else ds!.UnitCode ??= value; break;
            case DepartmentHeaderField.Contact: if (dd is not null) dd.Contact ??= value; else ds!.Contact ??= value; break;
            case DepartmentHeaderField.Phone: if (dd is not null) dd.Phone ??= value; else ds!.Phone ??= value; break;
            case DepartmentHeaderField.Functions when dd is not null: dd.Functions ??= value; break;
            case DepartmentHeaderField.Goal: if (dd is not null) dd.AnnualGoal ??= value; else ds!.ExpectedGoal ??= value; break;
            case DepartmentHeaderField.TotalScore when ds is not null && pair.Number is { } total: ds.TotalScore ??= total; break;
            case DepartmentHeaderField.Grade when ds is not null: ds.Grade ??= value; break;
        }
    }
}
