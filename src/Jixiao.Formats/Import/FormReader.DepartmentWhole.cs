using Jixiao.Core.Model;

namespace Jixiao.Formats.Import;

internal sealed partial class FormReader
{
    /// <summary>
    /// A 部门整体 form is read by its own reader (<see cref="DepartmentWholeReader"/>) from the rows of its range; what it
    /// could not take becomes the form's warnings, naming the line.
    /// </summary>
    private PerformanceForm ReadDepartmentWhole(Title title, int start, int end, bool lastInFile)
    {
        // Text rows are words split at spaces; the form is read from its lines' own cells instead, as a 监控表 is.
        var rows = _tabular ? Rows : LineCells(_layout.Lines);
        bool placed = _layout.Kind is LayoutKind.CellGrid or LayoutKind.JsonRows;
        var reader = new DepartmentWholeReader(rows, placed);
        var form = reader.Read(start, end, title.Kind, mayBeCut: lastInFile && (!placed || _endsMidCharacter));
        form.Source = new SourceRef(_file, Rows[start].Line);
        foreach (var i in reader.Issues)
        {
            var line = rows[i.Row].Line;
            form.Warnings.Add(new ImportWarning($"第{line}行：{i.Message}", line));
        }
        if (form.Indicators.Count == 0)
            _problems.Add(new ImportProblem(_file, Rows[start].Line, $"第{Rows[start].Line}行开始的{title.Kind.ShortName()}没有读到绩效指标", false));
        return form;
    }
}
