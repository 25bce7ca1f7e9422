using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>
/// The parts of one 监控表, as rows of the range it was given: the rows of header pairs (项目名称, 主管部门, 年度总体目标 …),
/// each funds block from its head row to the row after its last line, and the indicator table's head (-1: none).
/// </summary>
internal sealed record MonitoringSections(List<int> HeaderRows, List<(int Head, int End)> FundBlocks, int IndicatorHead)
{
    /// <summary>
    /// The parts of the form whose title is row <paramref name="start"/>: every row up to the indicator head is a header
    /// row, unless a fund head (年初预算数 …) starts a funds block there.
    /// </summary>
    public static MonitoringSections Find(MonitoringText text, int start, int end)
    {
        var headerRows = new List<int>();
        var blocks = new List<(int, int)>();
        for (int r = start + 1; r < end; r++)
        {
            var cells = text.Rows[r].NonEmptyCells;
            if (cells.Length == 0) continue;
            if (cells.Any(c => Key(c.Text) == Level1Head)) return new MonitoringSections(headerRows, blocks, r);
            if (cells.Any(c => MonitoringFundHeadOf(c.Text) is MonitoringFundColumn.Initial))
            {
                int blockEnd = MonitoringFunds.End(text, r, end);
                blocks.Add((r, blockEnd));
                r = blockEnd - 1;
                continue;
            }
            headerRows.Add(r);
        }
        return new MonitoringSections(headerRows, blocks, -1);
    }
}

/// <summary>The 监控表's header fields, each as printed with its line (<see cref="HeaderValue"/>).</summary>
internal sealed record MonitoringHeader(HeaderValue? ProjectName, HeaderValue? Department, HeaderValue? ImplementingUnit, HeaderValue? AnnualGoal, HeaderValue? GoalProgress)
{
    /// <summary>The header rows' label–value pairs: the first value of each field counts.</summary>
    public static MonitoringHeader Read(MonitoringText text, IEnumerable<int> rows)
    {
        HeaderValue? project = null, department = null, unit = null, goal = null, progress = null;
        foreach (var r in rows)
        {
            var cells = text.Rows[r].NonEmptyCells;
            var first = Key(cells[0].Text);
            switch (MonitoringHeaderOf(first))
            {
                case HeaderField.ProjectName: project ??= ValueAfter(cells, 0); break;
                case HeaderField.Department or HeaderField.ImplementingUnit:
                    for (int i = 0; i < cells.Length; i++)
                        switch (MonitoringHeaderOf(Key(cells[i].Text)))
                        {
                            case HeaderField.Department: department ??= ValueAfter(cells, i); break;
                            case HeaderField.ImplementingUnit: unit ??= ValueAfter(cells, i); break;
                        }
                    break;
            }
            if (IsMonitoringGoalLabel(first)) goal ??= ValueAfter(cells, 0);
            else if (IsMonitoringProgressLabel(first)) progress ??= ValueAfter(cells, 0);
        }
        return new MonitoringHeader(project, department, unit, goal, progress);
    }

    /// <summary>The text of the cell after a label, unless that cell is itself a label.</summary>
    private static HeaderValue? ValueAfter(Cell[] cells, int label)
    {
        if (label + 1 >= cells.Length) return null;
        var v = cells[label + 1];
        return MonitoringHeaderOf(Key(v.Text)) is not null || RowText.Clean(v.Text) is not { } t ? null : new HeaderValue(t, v.Line);
    }
}

