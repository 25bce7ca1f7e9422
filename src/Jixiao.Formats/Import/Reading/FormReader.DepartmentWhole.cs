using Jixiao.Core.Model;

namespace Jixiao.Formats.Import;

internal static partial class FormReader
{
    /// <summary>
    /// A 部门整体 form is read by its own reader (<see cref="DepartmentWholeReader"/>) from the rows of its range; what it
    /// could not take becomes the form's warnings, naming the line.
    /// </summary>
    private static PerformanceForm ReadDepartmentWhole(SourceText source, FormTitle title, int start, int end, bool lastInFile, bool endsMidCharacter, List<ImportProblem> problems)
    {
        // Text rows are words split at spaces; the form is read from its lines' own cells instead, as a 监控表 is.
        var rows = source.Tabular ? source.Rows : LineCells(source.Lines);
        if (!source.Tabular) (start, end) = LineRange(source, start, end);
        bool placed = source.Layout.Kind is LayoutKind.CellGrid or LayoutKind.JsonRows;
        var (form, issues) = DepartmentWholeReader.Read(rows, start, end, title.Kind, placed, mayBeCut: lastInFile && (!placed || endsMidCharacter));
        form.Source = new SourceRef(source.File, rows[start].Line);
        foreach (var i in issues)
        {
            var line = rows[i.Row].Line;
            form.Warnings.Add(new ImportWarning($"第{line}行：{i.Message}", line));
        }
        if (form.Indicators.Count == 0)
            problems.Add(new ImportProblem(source.File, rows[start].Line, $"第{rows[start].Line}行开始的{title.Kind.ShortName()}没有读到绩效指标", false));
        return form;
    }
}
