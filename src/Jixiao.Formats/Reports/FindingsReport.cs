using System.Text;
using Jixiao.Core.Review;
using static Jixiao.Formats.Reports.TextTable;

namespace Jixiao.Formats.Reports;

/// <summary>Review findings for people (grouped by form, errors first) and for programs (a JSON array).</summary>
public static class FindingsReport
{
    public static string RenderText(IEnumerable<Finding> findings)
    {
        var sb = new StringBuilder();
        var groups = findings.GroupBy(f => f.ProjectName ?? "（未命名项目）").ToList();
        if (groups.Count == 0)
        {
            Line(sb, "没有发现问题。");
            return sb.ToString();
        }
        foreach (var form in groups)
        {
            var counts = string.Join("，", form.GroupBy(f => f.Severity).OrderBy(g => g.Key)
                .Select(g => $"{g.Key.ToChinese()} {g.Count()}"));
            Line(sb, $"== {form.Key}（{counts}）");
            foreach (var f in form.OrderBy(f => f.Severity).ThenBy(f => f.Line ?? 0))
            {
                var where = f.Line is { } l ? $"第 {l} 行" : "";
                var what = f.IndicatorName is null ? "" : $"“{f.IndicatorName}”";
                Line(sb, $"  {PadRight(f.Severity.ToChinese(), 4)} {f.Code}  {where} {what}".TrimEnd());
                Line(sb, $"        {f.Message}");
                Line(sb, $"        依据：{f.Rule}");
            }
            Line(sb);
        }
        return sb.ToString();
    }

    /// <summary>One <see cref="FindingDocument"/> per finding, the shape the API answers too.</summary>
    public static string RenderJson(IEnumerable<Finding> findings) => ReportJson.Serialize(findings.Select(FindingDocument.Of).ToList());
}
