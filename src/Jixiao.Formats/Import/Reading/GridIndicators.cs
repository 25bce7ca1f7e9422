using System.Text;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

internal static class GridIndicators
{
    /// <summary>
    /// One cell per line with explicit empty cells (Sichuan exports): the header's cell count is the row width, so
    /// the cells are cut into rows of that width and read by position.
    /// </summary>
    public static IndicatorTable Read(SourceText source, FormKind kind, int headerRow, int end)
    {
        var indicators = new List<Indicator>();
        var warnings = new List<ImportWarning>();
        bool dangling = false;
        var columns = new List<IndicatorColumn>();
        int r = headerRow;
        for (; r < end; r++)
        {
            var cell = source.Rows[r].Cells.FirstOrDefault();
            if (cell is null || cell.IsEmpty) { if (columns.Count > 0) break; continue; }
            if (IndicatorColumnOf(cell.Text) is { } col) columns.Add(col);
            else if (columns.Count > 0) break;
        }
        if (columns.Count == 0) return new IndicatorTable(indicators, warnings, false, end, false);
        var cells = new List<Cell>();
        int footer = end;
        bool reachedFooter = false;
        for (; r < end; r++)
        {
            if (source.Rows[r].Cells.Count == 0) continue;
            var cell = source.Rows[r].Cells[0];
            if (!cell.IsEmpty && IsFooter(cell.Text)) { footer = r; reachedFooter = true; break; }
            cells.Add(cell);
        }
        string? level1 = null, level2 = null;
        for (int i = 0; i + columns.Count <= cells.Count || (i < cells.Count && !reachedFooter); i += columns.Count)
        {
            var row = cells.Skip(i).Take(columns.Count).ToList();
            string Get(IndicatorColumn c) { int k = columns.IndexOf(c); return k >= 0 && k < row.Count ? CellText.Of(row[k]) : ""; }
            var name = Get(IndicatorColumn.Name);
            if (Level1Of(Get(IndicatorColumn.Level1)) is { } l1) { if (l1 != level1) level2 = null; level1 = l1; }
            var l2text = Get(IndicatorColumn.Level2);
            if (l2text.Length > 0) level2 = Level2Of(l2text) ?? Key(l2text);
            if (name.Length == 0) continue;
            var targetText = ChineseText.JoinInline(new[] { Get(IndicatorColumn.Comparator), Get(IndicatorColumn.Target), Get(IndicatorColumn.Unit) }.Where(t => t.Length > 0))
                .Replace(" ", "");
            var ind = new Indicator
            {
                Level1 = level1,
                Level2 = level2,
                Name = name,
                Line = row[Math.Min(columns.IndexOf(IndicatorColumn.Name), row.Count - 1)].Line,
                Target = targetText.Length > 0 ? ValueParser.ParseTarget(targetText) : null,
            };
            if (kind == FormKind.SelfEvaluation)
            {
                var actual = Get(IndicatorColumn.Actual);
                ind.Actual = actual.Length > 0 ? ValueParser.ParseActual(actual) : null;
                ind.Weight = ValueParser.ParseNumber(Get(IndicatorColumn.Weight));
                ind.Score = ValueParser.ParseNumber(Get(IndicatorColumn.Score));
                var reason = Get(IndicatorColumn.Reason);
                ind.DeviationReason = reason.Length > 0 ? reason : null;
            }
            if (row.Count < columns.Count)
            {
                warnings.Add(new ImportWarning($"第{ind.Line}行：指标行只有{row.Count}格，少于表头的{columns.Count}列", ind.Line));
                dangling = true;
            }
            indicators.Add(ind);
        }
        return new IndicatorTable(indicators, warnings, reachedFooter, footer, dangling);
    }
}
