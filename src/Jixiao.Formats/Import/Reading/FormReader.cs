using Jixiao.Core.Model;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>
/// Reads the forms in one file's rows into the canonical model, as a pipeline of stages over an immutable
/// <see cref="SourceText"/>: the layout's rows (<see cref="Layouts"/>), the segmenter (each form and its sections,
/// <see cref="FormSegmenter"/>), one reader per section returning what it found with its lines
/// (<see cref="HeaderSection"/>, <see cref="GoalsSection"/>, the indicator readers, <see cref="FooterSection"/>), and
/// the completeness decision from their evidence (<see cref="Completeness"/>). This class only composes them.
/// Cells are recognised by their content (a header label, a fund figure, a group label, a target value) rather than
/// by their position, because extractors shift columns, wrap cells over lines and place merged-cell labels beside
/// the middle of their group.
/// </summary>
internal static partial class FormReader
{
    public static (List<PerformanceForm> Forms, List<DeclarationSummary> Summaries, List<ImportProblem> Problems) Read(
        LayoutResult layout, string file, bool endsMidCharacter)
    {
        var source = new SourceText(layout, file);
        // A listing of a department's projects has no form's title: its entries are read as forms of their own.
        if (ProjectListing.Find(source) is var listing and >= 0) return (ProjectListing.Read(source, listing), [], []);
        var segmentation = FormSegmenter.Segment(source);
        var forms = new List<PerformanceForm>();
        var problems = segmentation.Problems;
        foreach (var segment in segmentation.Forms)
        {
            try
            {
                if (segment.Title.Inferred && segment.Sections.IndicatorsAt >= 0 && IsScoringRubric(source, segment.Sections.IndicatorsAt))
                {
                    // A table of 一级/二级/三级 with 分值 and 评价标准 but no 指标值, under no form's title: a scoring rubric.
                    int at = source.Rows[segment.Sections.IndicatorsAt].Line;
                    problems.Add(new ImportProblem(file, at, $"第{at}行的指标表只有分值和评价标准，没有指标值，也没有绩效表的标题：是评分表，不作为绩效表导入", false));
                    continue;
                }
                if (!segment.Title.Kind.IsDepartmentWhole() && segment.Title.Kind != FormKind.Monitoring && segment.Sections.IndicatorsAt >= 0
                    && ProjectTable.ColumnsOf(source, segment.Sections.IndicatorsAt) is { } projectColumns)
                {
                    // Several projects in one table: a form each.
                    foreach (var f in ProjectTable.Read(source, segment, projectColumns, endsMidCharacter))
                    {
                        forms.Add(f);
                        if (f is TargetDeclaration pd) segmentation.Summaries.LastOrDefault(s => s.Year == pd.Year || s.Year is null)?.Declarations.Add(pd);
                    }
                    continue;
                }
                var form = ReadForm(source, segment, endsMidCharacter, problems);
                forms.Add(form);
                var summary = segmentation.Summaries.LastOrDefault(s => s.Year == form.Year || s.Year is null);
                if (summary is not null && form is TargetDeclaration d) summary.Declarations.Add(d);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One broken form must not cost the others in the file.
                int line = source.Rows[segment.Start].Line;
                problems.Add(new ImportProblem(file, line, $"第{line}行开始的表无法读取：{ex.Message}", true));
            }
        }
        return (forms, segmentation.Summaries, problems);
    }

    private static PerformanceForm ReadForm(SourceText source, FormSegment segment, bool endsMidCharacter, List<ImportProblem> problems)
    {
        var kind = segment.Title.Kind;
        if (kind == FormKind.Monitoring) return ReadMonitoring(source, segment.Start, segment.End, problems);
        if (kind.IsDepartmentWhole()) return ReadDepartmentWhole(source, segment.Title, segment.Start, segment.End, segment.LastInFile, endsMidCharacter, problems);
        PerformanceForm form = kind == FormKind.SelfEvaluation ? new SelfEvaluation() : new TargetDeclaration();
        form.Source = new SourceRef(source.File, source.Rows[segment.Start].Line);
        form.Year = segment.Year;

        var s = segment.Sections;
        var header = HeaderSection.Read(source, kind, segment.HeaderFrom, s.HeaderEnd, s.FundsAfterGoals >= 0 ? (s.FundsAfterGoals, s.BodyEnd) : null);
        HeaderSection.Apply(header, form, source);
        if (s.GoalsAt >= 0) GoalsSection.Apply(GoalsSection.Read(source, kind, s.GoalsAt, s.GoalsEnd), form);

        var table = s.IndicatorsAt >= 0 ? ReadIndicators(source, kind, s.IndicatorsAt, segment.End)
            : new IndicatorTable([], [], false, segment.End, false);
        form.Indicators.AddRange(table.Indicators);
        form.Warnings.AddRange(table.Warnings);

        var footer = form is SelfEvaluation ? FooterSection.Read(source, table.FooterRow, segment.End) : Footer.None;
        if (form is SelfEvaluation se) FooterSection.Apply(footer, se);

        // A fragment is never the whole form, however its table ends.
        form.Complete = !segment.Title.Fragment && Completeness.Decide(source, segment, table, footer, endsMidCharacter, form.Indicators.Count, form.Indicators.LastOrDefault());
        if (!form.Complete) form.Warnings.Add(Completeness.CutOff(source.LastLineBefore(segment.End)));
        return form;
    }

    /// <summary>The header around the indicator table names a scoring standard (评价标准) and no target column.</summary>
    private static bool IsScoringRubric(SourceText source, int headerRow)
    {
        bool standard = false;
        for (int r = Math.Max(0, headerRow - 8); r < Math.Min(source.Rows.Count, headerRow + 4); r++)
            foreach (var c in source.Rows[r].NonEmptyCells)
            {
                var column = IndicatorColumnOf(c.Text);
                if (column is IndicatorColumn.Target or IndicatorColumn.Actual) return false;
                standard |= IsScoringStandardLabel(c.Text);
            }
        return standard;
    }

    private static IndicatorTable ReadIndicators(SourceText source, FormKind kind, int headerRow, int end)
    {
        if (source.CellPerLine) return GridIndicators.Read(source, kind, headerRow, end);
        var (roles, dataStart) = IndicatorColumns.ReadHeader(source, kind, headerRow, end);
        var scored = kind == FormKind.SelfEvaluation ? ScoredColumns.Read(source, headerRow, dataStart) : null;
        if (source.Tabular) return TabularIndicators.Read(source, kind, roles, dataStart, end, scored);
        return TextIndicators.Read(source, kind, roles, dataStart, end, scored);
    }
}
