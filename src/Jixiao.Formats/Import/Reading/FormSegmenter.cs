using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>A form's title row, the kind its words name, and its text.</summary>
/// <remarks><see cref="StartsWithHeader"/>: the form's first row is its header, not a title (a form printed under the
/// title of the one before it, a second 项目名称 after the first form's table; a file that opens with 项目名称).</remarks>
internal sealed record FormTitle(int Row, FormKind Kind, string Text, bool Inferred = false, bool Fragment = false, bool StartsWithHeader = false);

/// <summary>
/// Where one form's sections begin, as row indexes into the file's rows; -1 where the section is absent. The header
/// (and, in most templates, the funds) runs from the row after the title to <see cref="HeaderEnd"/>; the goals from
/// <see cref="GoalsAt"/> to <see cref="GoalsEnd"/>; some templates (Sichuan) put the funds after the goals, from
/// <see cref="FundsAfterGoals"/> to <see cref="BodyEnd"/>; the indicator table from <see cref="IndicatorsAt"/> to the
/// segment's end.
/// </summary>
internal sealed record FormSections(int IndicatorsAt, int BodyEnd, int GoalsAt, int GoalsEnd, int HeaderEnd, int FundsAfterGoals);

/// <summary>One form of a file: its title, its rows [Start, End), its year, and its sections.</summary>
internal sealed record FormSegment(FormTitle Title, int Start, int End, bool LastInFile, int? Year, FormSections Sections)
{
    /// <summary>The first row after the title: the header's first row.</summary>
    public int HeaderFrom => Title.Fragment || Title.StartsWithHeader ? Start : Start + 1;
}

internal sealed record Segmentation(List<FormSegment> Forms, List<DeclarationSummary> Summaries, List<ImportProblem> Problems);

/// <summary>
/// The first stage after the layout: finds each form in a file by its title (or, without one, by its structure) and
/// each form's sections by their labels.
/// </summary>
internal static class FormSegmenter
{
    public static Segmentation Segment(SourceText source)
    {
        var rows = source.Rows;
        var summaries = new List<DeclarationSummary>();
        var problems = new List<ImportProblem>();
        var titles = FindTitles(rows, summaries);
        if (titles.Count == 0 && InferTitle(rows) is { } inferred)
        {
            titles.Add(inferred);
            problems.Add(new ImportProblem(source.File, rows[inferred.Row].Line,
                $"没有找到表名；按内容（{(inferred.Kind == FormKind.SelfEvaluation ? "有执行数和执行率" : "只有指标值")}）判断为{inferred.Kind.ToChinese()}", false));
        }
        else if (titles.Count == 0 && FragmentTitle(rows) is { } fragmentTitle)
        {
            titles.Add(fragmentTitle);
            problems.Add(new ImportProblem(source.File, rows[fragmentTitle.Row].Line,
                $"没有找到表名和表头（项目名称等），只有第{rows[fragmentTitle.Row + (fragmentTitle.Row > 0 ? 1 : 0)].Line}行起的指标表：按其列（{(fragmentTitle.Kind == FormKind.SelfEvaluation ? "有实际完成值或得分" : "只有指标值")}）作为{fragmentTitle.Kind.ToChinese()}的片段读取", false));
        }
        if (titles.Count == 0)
        {
            problems.Add(new ImportProblem(source.File, null, "未找到绩效表的标题（如“财政项目支出绩效自评表”或“…绩效目标申报表”），无法识别为绩效表", true));
            return new Segmentation([], summaries, problems);
        }
        if (LeadingFragment(rows, titles[0].Row) is { } fragment) problems.Add(new ImportProblem(source.File, fragment.From, $"第{fragment.From}–{fragment.To}行是上一张表的结尾（没有表头），未导入", false));

        var forms = new List<FormSegment>(titles.Count);
        for (int t = 0; t < titles.Count; t++)
        {
            int start = titles[t].Row, end = t + 1 < titles.Count ? titles[t + 1].Row : rows.Count;
            var title = titles[t];
            int? year = YearOf(rows, title, start, end);
            while (true)
            {
                var sections = Sections(source, title.Kind, title.Fragment || title.StartsWithHeader ? start : start + 1, end);
                int next = sections.IndicatorsAt >= 0 && !title.Kind.IsDepartmentWhole() ? RepeatedHeader(rows, sections.IndicatorsAt + 1, end) : -1;
                bool last = next < 0;
                forms.Add(new FormSegment(title, start, last ? end : next, last && t == titles.Count - 1, year, last ? sections : Sections(source, title.Kind, title.Fragment || title.StartsWithHeader ? start : start + 1, next)));
                if (last) break;
                title = title with { Row = next, StartsWithHeader = true, Inferred = false, Fragment = false };
                start = next;
            }
        }
        return new Segmentation(forms, summaries, problems);
    }

    /// <summary>
    /// Where a second form under the same title begins: a row that opens with 项目名称 after the first form's
    /// indicator table (with the unit line just above it, `单位:万元`, when there is one); -1 when there is none.
    /// </summary>
    private static int RepeatedHeader(IReadOnlyList<Row> rows, int from, int end)
    {
        for (int r = from; r < end; r++)
        {
            var cells = rows[r].NonEmptyCells;
            if (cells.Length == 0 || HeaderFieldOf(cells[0].Text) is not HeaderField.ProjectName) continue;
            bool unitAbove = r - 1 >= from && rows[r - 1].NonEmptyCells.Any(c => UnitLineOf(c.Text) is not null);
            return unitAbove ? r - 1 : r;
        }
        return -1;
    }

    private static List<FormTitle> FindTitles(IReadOnlyList<Row> rows, List<DeclarationSummary> summaries)
    {
        var found = new List<FormTitle>();
        for (int i = 0; i < rows.Count; i++)
        {
            // 部门整体 titles (DepartmentWholeReader), some without 表 (江西's 部门整体绩效目标).
            if (rows[i].Raw.Contains("整体") && DepartmentWholeReader.TitleKind(rows[i].JoinedText) is { } whole)
            {
                found.Add(new FormTitle(i, whole, rows[i].JoinedText));
                continue;
            }
            if (!rows[i].NonEmptyCells.Any(c => c.Text.Contains(TitleEnding))) continue;
            var text = rows[i].JoinedText;
            if (text.Length == 0 || text.Length > 90 || text.Contains('。')) continue;
            if (IsSummaryTitle(text))
            {
                var m = Regex.Match(text, @"^(?<unit>.*?)(?<year>(?:19|20)\d{2})年度");
                summaries.Add(new DeclarationSummary
                {
                    Year = ValueParser.ParseYear(text),
                    UnitName = m.Success && m.Groups["unit"].Value.Length > 0 ? m.Groups["unit"].Value : null,
                });
                continue;
            }
            // A project named after its form (`项目名称 | …绩效自评表`) is the 项目名称's value, not a title.
            if (TitleKindOf(text) is { } kind && !IsValueOfProjectName(rows, i)) found.Add(new FormTitle(i, kind, text));
        }
        // A page heading that repeats the form's name precedes the real title: keep the title nearest the header.
        var kept = new List<FormTitle>();
        for (int t = 0; t < found.Count; t++)
        {
            int end = t + 1 < found.Count ? found[t + 1].Row : rows.Count;
            bool hasHeader = false;
            for (int r = found[t].Row + 1; r < end && !hasHeader; r++)
                hasHeader = rows[r].NonEmpty.Any(c => found[t].Kind.IsDepartmentWhole() ? DepartmentWholeReader.IsHeaderLabel(c.Text) : HeaderFieldOf(c.Text) is HeaderField.ProjectName);
            // A list of attachments names the form before it is printed (`2.2022年…绩效目标表`): a title the next one repeats,
            // with no indicator table between them, is that reference, not a form.
            if (t + 1 < found.Count && SameTitle(found[t].Text, found[t + 1].Text) && !HasIndicatorHeader(rows, found[t].Row + 1, end)) continue;
            if (hasHeader || t == found.Count - 1) kept.Add(found[t]);
        }
        return kept;
    }

    // Two titles alike but for a list's number before one of them (`2.`, `附件1、`).
    private static bool SameTitle(string a, string b) => Key(WithoutListNumber(a)) == Key(WithoutListNumber(b));

    private static string WithoutListNumber(string title) => Regex.Replace(title, @"^(?:附件)?\d{1,2}[.、．]", "");

    private static bool HasIndicatorHeader(IReadOnlyList<Row> rows, int from, int end)
    {
        for (int r = from; r < end; r++)
            if (rows[r].NonEmptyCells.Any(c => IsIndicatorTableHeader(c.Text)) || (rows[r].NonEmptyCells.Length > 0 && OpensLevellessHeader(rows, r, end))) return true;
        return false;
    }

    private static bool IsValueOfProjectName(IReadOnlyList<Row> rows, int i)
    {
        if (rows[i].NonEmptyCells.Length > 1 && HeaderFieldOf(rows[i].NonEmptyCells[0].Text) is HeaderField.ProjectName) return true;
        for (int r = i - 1; r >= 0 && r >= i - 2; r--)
        {
            if (rows[r].IsBlank) continue;
            return HeaderFieldOf(rows[r].NonEmptyCells[^1].Text) is HeaderField.ProjectName;
        }
        return false;
    }

    /// <summary>A form published without its title: the header (项目名称) is there, the kind follows from the funds.</summary>
    private static FormTitle? InferTitle(IReadOnlyList<Row> rows)
    {
        int at = -1;
        for (int i = 0; i < rows.Count && at < 0; i++)
            if (rows[i].NonEmpty.Any(c => HeaderFieldOf(c.Text) is HeaderField.ProjectName)) at = i;
        if (at < 0) return null;
        bool executed = rows.Skip(at).Any(r => r.NonEmpty.Any(c => IsExecutionLabel(c.Text)));
        int titleRow = at > 0 ? at - 1 : at;
        return new FormTitle(titleRow, executed ? FormKind.SelfEvaluation : FormKind.TargetDeclaration, rows[titleRow].JoinedText, Inferred: true, StartsWithHeader: at == 0);
    }

    /// <summary>
    /// A fragment: no title and no header, but an indicator table with its column heads (a page of a form, an
    /// image's text). The kind follows from the heads: an actual value or a score column is a self-evaluation's.
    /// </summary>
    private static FormTitle? FragmentTitle(IReadOnlyList<Row> rows)
    {
        for (int i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].NonEmptyCells;
            if (!cells.Any(c => IsIndicatorTableHeader(c.Text))) continue;
            // Column heads of the rows from here on (a header may wrap over two rows).
            var heads = rows.Skip(i).Take(2).SelectMany(r => r.NonEmptyCells).Select(c => IndicatorColumnOf(c.Text)).ToList();
            if (heads.Count(h => h is not null) < 3) continue;
            bool evaluated = heads.Any(h => h is IndicatorColumn.Actual or IndicatorColumn.Score);
            // The form's rows start just before its table, where its title would stand.
            return new FormTitle(Math.Max(0, i - 1), evaluated ? FormKind.SelfEvaluation : FormKind.TargetDeclaration, "", Inferred: true, Fragment: true);
        }
        return null;
    }

    /// <summary>A page that starts with the tail of the previous form: its rows have no header to belong to.</summary>
    private static (int From, int To)? LeadingFragment(IReadOnlyList<Row> rows, int firstTitleRow)
    {
        var before = rows.Take(firstTitleRow).Where(r => !r.IsBlank).ToList();
        if (before.Any(r => r.NonEmpty.Any(c => ValueParser.StartsWithComparator(c.Text) || Level2Of(c.Text) is not null)))
            return (before[0].Line, before[^1].Line);
        return null;
    }

    private static int? YearOf(IReadOnlyList<Row> rows, FormTitle title, int start, int end)
    {
        var year = ValueParser.ParseYear(title.Text);
        // The three printed lines under the title: blank lines a page pads them with are not lines of the form, and
        // the next form's title ends the search.
        for (int r = start + 1, seen = 0; r < end && seen < YearLinesUnderTitle && year is null; r++)
        {
            var text = rows[r].JoinedText;
            if (string.IsNullOrWhiteSpace(text)) continue;
            seen++;
            year = ValueParser.ParseYear(text) ?? YearLine(text);
        }
        if (year is null)
        {
            // A title wrapped over lines (`…项目)2022年` / `中央预算内投资计划绩效目标表`) carries its year above.
            // Only the form's own title counts: a web page heading's year may belong to something else.
            var m = Regex.Match(WrappedTitle(rows, start), @"((?:19|20)\d{2})年");
            if (m.Success) year = int.Parse(m.Groups[1].Value);
        }
        return year;
    }

    private const int YearLinesUnderTitle = 3;

    /// <summary>A line under the title that holds only the year: `(2023年)`, `2023年`.</summary>
    private static int? YearLine(string text)
    {
        var m = Regex.Match(text, @"^[(（]?((?:19|20)\d{2})年[)）]?$");
        return m.Success ? int.Parse(m.Groups[1].Value) : null;
    }

    private static string WrappedTitle(IReadOnlyList<Row> rows, int titleRow)
    {
        var parts = new List<string> { rows[titleRow].JoinedText };
        for (int r = titleRow - 1; r >= 0 && r >= titleRow - 3; r--)
        {
            var t = rows[r].JoinedText;
            if (t.Length == 0 || t.Contains(':') || t.Contains('：') || t.EndsWith('。') || t.Length > 40) break;
            parts.Insert(0, t);
        }
        return string.Concat(parts);
    }

    private static FormSections Sections(SourceText source, FormKind kind, int from, int end)
    {
        int indicatorsAt = FindIndicatorHeader(source, from, end);
        int bodyEnd = indicatorsAt >= 0 ? indicatorsAt : end;
        int goalsAt = Find(source.Rows, from, bodyEnd, c => GoalColumnOf(c.Text, kind) is not null || IsGoalsBlockHeader(c.Text) || IsGoalsMarker(c.Text, kind));
        int headerEnd = goalsAt >= 0 ? goalsAt : bodyEnd;
        int fundsAfterGoals = goalsAt >= 0 ? Find(source.Rows, goalsAt + 1, bodyEnd, c => IsFundsMarker(c.Text)) : -1;
        if (goalsAt >= 0 && fundsAfterGoals < 0) fundsAfterGoals = FundHeadsAfterGoals(source.Rows, goalsAt + 1, bodyEnd);
        int goalsEnd = fundsAfterGoals >= 0 ? fundsAfterGoals : bodyEnd;
        return new FormSections(indicatorsAt, bodyEnd, goalsAt, goalsEnd, headerEnd, fundsAfterGoals);
    }

    /// <summary>
    /// The funds after the goals under a side label wrapped over lines (`项目预算` / `执行情况` / `(10分)`): the row of
    /// the block's column heads (two or more fund columns), with the short label pieces right above it; -1 when none.
    /// </summary>
    private static int FundHeadsAfterGoals(IReadOnlyList<Row> rows, int from, int end)
    {
        for (int r = from; r < end; r++)
        {
            if (rows[r].NonEmptyCells.Count(c => FundColumnOf(c.Text) is not null and not FundColumn.Ignored) < 2) continue;
            while (r - 1 > from && (rows[r - 1].IsBlank || rows[r - 1].NonEmptyCells is [var piece] && Key(piece.Text).Length <= 6 && !piece.Text.Contains('。'))) r--;
            return r;
        }
        return -1;
    }

    private static int FindIndicatorHeader(SourceText source, int from, int end)
    {
        for (int r = from; r < end; r++)
        {
            var cells = source.Rows[r].NonEmptyCells;
            foreach (var cell in cells)
                if (IsIndicatorTableHeader(cell.Text)) return UpperHeaderRow(source.Rows, r, from);
            if (cells.Length > 0 && OpensLevellessHeader(source.Rows, r, end)) return r;
            // Wrapped text layouts split the header: `一级` then `指标` on the next line.
            if (!source.Tabular && cells.Length == 1 && IsSplitIndicatorTableHeader(cells[0].Text)) return r;
        }
        return -1;
    }

    /// <summary>
    /// A table without 一级/二级 columns opens its header with 指标 (or 指标名称) and the value columns after it, in
    /// the same row or one cell per line below (`指标 | 指标权重 | 计量单位 | 指标性质 | 指标值`, `指标 | 指标内容 | 指标值`):
    /// at least two more column words, one of them the target's.
    /// </summary>
    private static bool OpensLevellessHeader(IReadOnlyList<Row> rows, int r, int end)
    {
        var first = rows[r].NonEmptyCells[0].Text;
        if (!IsBareIndicatorHead(first) && IndicatorColumnOf(first) != IndicatorColumn.Name) return false;
        int columns = 0;
        bool target = false;
        foreach (var cell in HeaderRun(rows, r, end).Skip(1))
        {
            if (IndicatorColumnOf(cell.Text) is not { } c) break;
            columns++;
            target |= c == IndicatorColumn.Target;
        }
        return columns >= 2 && target;
    }

    /// <summary>The cells from a row on: the row's own, then, while rows hold one cell each, the next rows' (at most 8).</summary>
    private static IEnumerable<Cell> HeaderRun(IReadOnlyList<Row> rows, int r, int end)
    {
        var cells = rows[r].NonEmptyCells;
        foreach (var c in cells) yield return c;
        if (cells.Length != 1) yield break;
        for (int k = r + 1; k < end && k <= r + 8 && rows[k].NonEmptyCells.Length == 1; k++) yield return rows[k].NonEmptyCells[0];
    }

    /// <summary>
    /// Where a header over two rows begins: its upper row holds the value columns (`绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分`)
    /// and its lower row 一级指标 with the split target's sub-columns: the table begins at the upper row.
    /// </summary>
    private static int UpperHeaderRow(IReadOnlyList<Row> rows, int header, int from)
    {
        // The upper row may be one row or, one cell per line, several: walk up over header words (and blank rows).
        int top = header, columns = 0;
        for (int r = header - 1; r >= from && r >= header - 12; r--)
        {
            if (rows[r].IsBlank) continue;
            var cells = rows[r].NonEmptyCells;
            if (!cells.All(c => IndicatorColumnOf(c.Text) is not null || IsNoiseLabel(c.Text))) break;
            columns += cells.Count(c => IndicatorColumnOf(c.Text) is { } ic && ic is not IndicatorColumn.Ignored);
            top = r;
        }
        return columns >= 3 ? top : header;
    }

    private static int Find(IReadOnlyList<Row> rows, int from, int end, Func<Cell, bool> match)
    {
        for (int r = from; r < end; r++)
            if (rows[r].NonEmpty.Any(match)) return r;
        return -1;
    }
}
