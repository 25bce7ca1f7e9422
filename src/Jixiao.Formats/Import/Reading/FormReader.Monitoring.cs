using Jixiao.Core.Model;

namespace Jixiao.Formats.Import;

internal static partial class FormReader
{
    [System.Text.RegularExpressions.GeneratedRegex(@"[ \t\u3000]{2,}")]
    private static partial System.Text.RegularExpressions.Regex Wide();

    /// <summary>
    /// A 监控表 is read by its own reader (<see cref="MonitoringReader"/>); what it could not take becomes the form's
    /// warnings, naming the line and the column's head.
    /// </summary>
    private static PerformanceForm ReadMonitoring(SourceText source, int start, int end, List<ImportProblem> problems)
    {
        // Text rows are words split at spaces; a 监控表 is read from its lines' own cells instead (`a | b |`, as a web
        // page's table comes out as text), without trusting their columns.
        bool loose = !source.Tabular;
        var rows = loose ? LineCells(source.Lines) : source.Rows;
        var (from, to) = loose ? LineRange(source, start, end) : (start, end);
        var (form, issues) = MonitoringReader.Read(rows, from, to, loose);
        form.Source = new SourceRef(source.File, source.Rows[start].Line);
        foreach (var i in issues)
        {
            var line = rows[i.Row].Line;
            form.Warnings.Add(new ImportWarning($"第{line}行{(i.Head is { Length: > 0 } h ? $"（{h}）" : "")}：{i.Message}", line));
        }
        if (form.Indicators.Count == 0)
            problems.Add(new ImportProblem(source.File, source.Rows[start].Line, $"第{source.Rows[start].Line}行开始的监控表没有读到绩效指标", false));
        return form;
    }

    /// <summary>
    /// The segment's rows [start, end) as indexes into the file's lines: a text row may be one of several cut out of
    /// one line (glued text, a title inside run-on text), so row and line indexes differ.
    /// </summary>
    private static (int From, int To) LineRange(SourceText source, int start, int end)
    {
        int from = source.Rows[start].Line - 1;
        int to = end < source.Rows.Count ? source.Rows[end].Line - 1 : source.Lines.Count;
        return (from, Math.Max(to, from + 1));
    }

    /// <summary>Each line as a row: its `|`-separated cells, else its parts between runs of two or more spaces (the
    /// columns of `pdftotext -layout`).</summary>
    private static List<Row> LineCells(IReadOnlyList<string> lines)
    {
        var rows = new List<Row>(lines.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Contains('|') ? lines[i].Split('|') : Wide().Split(lines[i]);
            var cells = new List<Cell>(parts.Length);
            for (int c = 0; c < parts.Length; c++) cells.Add(new Cell(parts[c].Trim(), i + 1, c));
            rows.Add(new Row { Cells = cells, Line = i + 1, Raw = lines[i] });
        }
        return rows;
    }
}
