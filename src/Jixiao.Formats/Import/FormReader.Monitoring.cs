using Jixiao.Core.Model;

namespace Jixiao.Formats.Import;

internal sealed partial class FormReader
{
    /// <summary>
    /// A 监控表 is read by its own reader (<see cref="MonitoringReader"/>); what it could not take becomes the form's
    /// warnings, naming the line and the column's head.
    /// </summary>
    private PerformanceForm ReadMonitoring(int start, int end)
    {
        var rows = Rows;
        var reader = new MonitoringReader(rows);
        var form = reader.Read(start, end);
        form.Source = new SourceRef(_file, Rows[start].Line);
        foreach (var i in reader.Issues)
        {
            var line = rows[i.Row].Line;
            form.Warnings.Add(new ImportWarning($"第{line}行{(i.Head is { Length: > 0 } h ? $"（{h}）" : "")}：{i.Message}", line));
        }
        if (form.Indicators.Count == 0)
            _problems.Add(new ImportProblem(_file, Rows[start].Line, $"第{Rows[start].Line}行开始的监控表没有读到绩效指标", false));
        return form;
    }
}
