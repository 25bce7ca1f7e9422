using Jixiao.Core.Text;

namespace Jixiao.Formats.Import;

/// <summary>
/// Sheets that split the target into 指标性质 | 年度指标值 | 度量单位 (our fill-in template, the Sichuan 一体化 export)
/// are folded back into the one printed cell of the official layout, `≥` `20000` `人次` → `≥20000(人次)`, before the
/// reader sees them: the reader then reads one layout, and the comparator, value and unit parse as on a printed form.
/// </summary>
public static class SplitTargetColumns
{
    public static List<string[]> Fold(List<string[]> grid)
    {
        int? comparatorCol = null, valueCol = null, unitCol = null;
        for (int r = 0; r < grid.Count; r++)
        {
            var row = grid[r];
            if (IsHeader(row, out var c, out var v, out var u))
            {
                (comparatorCol, valueCol, unitCol) = (c, v, u);
                var header = (string[])row.Clone();
                header[c] = "";
                if (u is { } uc) header[uc] = "";
                grid[r] = header;
                continue;
            }
            if (comparatorCol is not { } cc || valueCol is not { } vc) continue;
            var key = ChineseText.RemoveSpaces(string.Concat(row));
            // The table ends at its footer or at the next form's title.
            if (key.StartsWith("总分", StringComparison.Ordinal) || key.StartsWith("评分等级", StringComparison.Ordinal) || key.Contains("自评表") || key.Contains("申报表"))
            {
                comparatorCol = valueCol = unitCol = null;
                continue;
            }
            string At(int i) => i < row.Length ? row[i].Trim() : "";
            var comparator = At(cc);
            var value = At(vc);
            var unit = unitCol is { } uc2 ? At(uc2) : "";
            if (comparator.Length == 0 && unit.Length == 0) continue;
            var folded = (string[])row.Clone();
            if (folded.Length <= vc) Array.Resize(ref folded, vc + 1);
            folded[vc] = comparator + value + (unit.Length > 0 && value.Length > 0 ? $"({unit})" : unit);
            if (cc < folded.Length) folded[cc] = "";
            if (unitCol is { } uc3 && uc3 < folded.Length) folded[uc3] = "";
            grid[r] = folded;
        }
        return grid;
    }

    private static bool IsHeader(string[] row, out int comparator, out int value, out int? unit)
    {
        comparator = value = -1;
        unit = null;
        for (int i = 0; i < row.Length; i++)
        {
            var k = ChineseText.RemoveSpaces(row[i] ?? "");
            if (k == "指标性质") comparator = i;
            else if (k == "度量单位") unit = i;
            else if (k is "年度指标值" or "年度(/项目)指标值" or "指标值" or "年度(项目)指标值") value = i;
        }
        return comparator >= 0 && value >= 0;
    }
}
