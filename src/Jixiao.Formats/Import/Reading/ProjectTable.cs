using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>One project of a table of several: its own cells, and the rows of its indicators.</summary>
internal sealed record ProjectRows(Dictionary<ProjectColumn, Cell> Fields, int Line, List<Row> IndicatorRows);

/// <summary>
/// A table of several projects (部门预算公开's 项目绩效目标表, 部门预算项目绩效目标申报表): the header prints the project's
/// columns (单位, 项目名称, 预算数, 年度目标) before 一级指标, each project's first row opens with its own cells and
/// its amount, and the rows after it up to the next project are its indicators. Read as one form per project, each
/// indicator part read by the layout's own indicator reader. A row with an amount and nothing after it is the
/// department's total, whose first cell names the department.
/// </summary>
internal static class ProjectTable
{
    /// <summary>The project columns the header prints before its indicator columns, or null for a one-project form.</summary>
    public static List<ProjectColumn>? ColumnsOf(SourceText source, int headerRow)
    {
        var cells = source.Rows[headerRow].NonEmptyCells;
        var columns = new List<ProjectColumn>();
        foreach (var c in cells)
        {
            var text = CellText.Of(c);
            if (IndicatorColumnOf(text) == IndicatorColumn.Level1) break;
            if (ProjectColumnOf(text) is { } pc) columns.Add(pc);
        }
        return columns.Contains(ProjectColumn.Name) && (columns.Contains(ProjectColumn.Budget) || columns.Contains(ProjectColumn.Goal)) ? columns : null;
    }

    public static List<PerformanceForm> Read(SourceText source, FormSegment segment, List<ProjectColumn> columns, bool endsMidCharacter)
    {
        var kind = segment.Title.Kind;
        int headerRow = segment.Sections.IndicatorsAt;
        var header = HeaderSection.Read(source, kind, segment.HeaderFrom, headerRow, null);
        var unit = header.Unit ?? UnitAbove(source, segment.Start, headerRow) ?? MoneyUnit.Yuan;
        var indicatorHeader = IndicatorPart(source.Rows[headerRow]);
        var (projects, department) = Split(source, columns, headerRow + 1, segment.End);

        var forms = new List<PerformanceForm>();
        for (int p = 0; p < projects.Count; p++)
        {
            var project = projects[p];
            PerformanceForm form = kind == FormKind.SelfEvaluation ? new SelfEvaluation() : new TargetDeclaration();
            form.Source = new SourceRef(source.File, project.Line);
            form.Year = segment.Year;
            HeaderSection.Apply(header, form, source);
            string? Field(ProjectColumn c) => project.Fields.TryGetValue(c, out var cell) ? CellText.Of(cell) : null;
            form.ProjectName = Field(ProjectColumn.Name) ?? form.ProjectName;
            form.ImplementingUnit = Field(ProjectColumn.Unit) ?? form.ImplementingUnit;
            form.Department = department ?? form.Department;
            if (form is TargetDeclaration d)
            {
                d.Funds.Unit = unit;
                if (Field(ProjectColumn.Budget) is { } amount && ValueParser.ParseNumber(amount) is { } a) d.Funds.AnnualTotal = a;
                if (Field(ProjectColumn.Goal) is { } goal) d.AnnualGoal = goal;
                if (Field(ProjectColumn.Category) is { } category) d.ProjectCategory = category;
            }

            var rows = new List<Row>(project.IndicatorRows.Count + 1) { indicatorHeader };
            rows.AddRange(project.IndicatorRows);
            var part = new SourceText(new LayoutResult(source.Layout.Kind, rows, source.Lines), source.File);
            var (roles, dataStart) = IndicatorColumns.ReadHeader(part, kind, 0, rows.Count);
            var table = part.Tabular
                ? TabularIndicators.Read(part, kind, roles, dataStart, rows.Count)
                : TextIndicators.Read(part, kind, roles, dataStart, rows.Count);
            form.Indicators.AddRange(table.Indicators);
            form.Warnings.AddRange(table.Warnings);
            bool last = p == projects.Count - 1;
            form.Complete = form.Indicators.Count > 0 && (!last ||
                Completeness.Decide(source, segment, table with { FooterRow = segment.End }, Footer.None, endsMidCharacter, form.Indicators.Count, form.Indicators[^1]));
            if (!form.Complete) form.Warnings.Add(Completeness.CutOff(last ? source.LastLineBefore(segment.End) : project.Line));
            forms.Add(form);
        }
        return forms;
    }

    /// <summary>Cuts the rows after the header into projects: a row whose cells before its first group label hold an amount opens one.</summary>
    private static (List<ProjectRows> Projects, string? Department) Split(SourceText source, List<ProjectColumn> columns, int from, int end)
    {
        var projects = new List<ProjectRows>();
        string? department = null;
        Dictionary<ProjectColumn, Cell>? previous = null;
        for (int r = from; r < end; r++)
        {
            var row = source.Rows[r];
            if (row.IsBlank) continue;
            var cells = row.NonEmptyCells;
            int labelAt = Array.FindIndex(cells, c => Level1Of(CellText.Of(c)) is not null || Level2Of(CellText.Of(c)) is not null);
            var own = labelAt < 0 ? cells : cells[..labelAt];
            int amountAt = Array.FindIndex(own, c => IsProjectAmount(CellText.Of(c)));
            // An indicator row whose group labels are merged above it (`设备验收及时率 正向 大于等于 98 % 5`) has
            // values, not a project's amount.
            if (amountAt >= 0 && own.Any(c => IsComparatorSymbol(CellText.Of(c)))) amountAt = -1;
            if (amountAt < 0)
            {
                if (projects.Count > 0) projects[^1].IndicatorRows.Add(row);
                continue;
            }
            bool hasGoal = amountAt + 1 < own.Length && columns.Contains(ProjectColumn.Goal);
            if (labelAt < 0 && !hasGoal)
            {
                // `820-马踏镇部门 | 8,827,620.53`: the department's total above its projects.
                if (projects.Count == 0 && amountAt >= 1) department = CellText.Of(own[0]);
                continue;
            }
            var fields = Assign(columns, own, amountAt, previous);
            previous = fields;
            var rest = labelAt < 0 ? [] : cells[labelAt..];
            var indicatorRows = new List<Row>();
            if (rest.Length > 0) indicatorRows.Add(Reindexed(row, rest));
            projects.Add(new ProjectRows(fields, row.Line, indicatorRows));
        }
        return (projects, department);
    }

    /// <summary>
    /// The project's cells to the header's columns: the amount to 预算数, what follows it to 年度目标, and the cells
    /// before it right-aligned to the columns before 预算数 (a merged 单位 cell is left out on the left and kept from
    /// the project above).
    /// </summary>
    private static Dictionary<ProjectColumn, Cell> Assign(List<ProjectColumn> columns, Cell[] own, int amountAt, Dictionary<ProjectColumn, Cell>? previous)
    {
        var fields = new Dictionary<ProjectColumn, Cell> { [ProjectColumn.Budget] = own[amountAt] };
        int budgetColumn = columns.IndexOf(ProjectColumn.Budget);
        var before = budgetColumn >= 0 ? columns.Take(budgetColumn).ToList() : columns.Where(c => c != ProjectColumn.Goal).ToList();
        for (int k = 0; k < amountAt && k < before.Count; k++)
            fields[before[before.Count - 1 - k]] = own[amountAt - 1 - k];
        if (amountAt + 1 < own.Length && columns.Contains(ProjectColumn.Goal))
            fields[ProjectColumn.Goal] = own[amountAt + 1] with { Text = CellText.Join(own[(amountAt + 1)..]) };
        if (previous is not null)
            foreach (var (column, cell) in previous)
                if (column == ProjectColumn.Unit) fields.TryAdd(column, cell);
        return fields;
    }

    /// <summary>A budget figure: printed with thousands separators or cents (`1,030,700.00`), or at least 1,000.</summary>
    private static bool IsProjectAmount(string text) =>
        ValueParser.ParseNumber(text) is { } v && v > 0 && (text.Contains(',') || text.Contains('.') || v >= 1000);

    private static Row IndicatorPart(Row header)
    {
        var cells = header.NonEmptyCells;
        int at = Array.FindIndex(cells, c => IndicatorColumnOf(CellText.Of(c)) == IndicatorColumn.Level1);
        return Reindexed(header, at < 0 ? cells : cells[at..]);
    }

    private static Row Reindexed(Row row, Cell[] cells) => new()
    {
        Cells = cells.Select((c, i) => c with { Column = i }).ToList(),
        Line = cells.Length > 0 ? cells[0].Line : row.Line,
        Raw = row.Raw,
        Glued = row.Glued,
    };

    private static MoneyUnit? UnitAbove(SourceText source, int from, int to)
    {
        for (int r = from; r < to; r++)
            foreach (var c in source.Rows[r].NonEmptyCells)
                if (UnitLineOf(CellText.Of(c)) is { } u) return u;
        return null;
    }
}
