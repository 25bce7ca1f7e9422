using System.Text;
using Jixiao.Core.Review;
using static Jixiao.Formats.Reports.TextTable;

namespace Jixiao.Formats.Reports;

/// <summary>One checked form's findings and, where known, the profile it was checked against and why.</summary>
public sealed record FormFindings(string? ProjectName, string? Profile, IReadOnlyList<Finding> Findings);

/// <summary>Review findings for people (grouped by form, errors first) and for programs (a JSON array).</summary>
public static class FindingsReport
{
    /// <summary>Findings grouped by project name; forms without findings do not appear.</summary>
    public static string RenderText(IEnumerable<Finding> findings) =>
        RenderForms(findings.GroupBy(f => f.ProjectName).Select(g => new FormFindings(g.Key, null, g.ToList())));

    /// <summary>Form by form, each with its profile line; a form without findings says so when its profile is shown.</summary>
    public static string RenderForms(IEnumerable<FormFindings> forms)
    {
        var sb = new StringBuilder();
        var shown = forms.Where(f => f.Findings.Count > 0 || f.Profile is not null).ToList();
        if (shown.Count == 0)
        {
            Line(sb, "没有发现问题。");
            return sb.ToString();
        }
        foreach (var form in shown)
        {
            var counts = form.Findings.Count == 0 ? "没有发现问题" : string.Join("，", form.Findings.GroupBy(f => f.Severity).OrderBy(g => g.Key)
                .Select(g => $"{g.Key.ToChinese()} {g.Count()}"));
            Line(sb, $"== {form.ProjectName ?? "（未命名项目）"}（{counts}）");
            if (form.Profile is not null) Line(sb, $"  {form.Profile}");
            foreach (var f in form.Findings.OrderBy(f => f.Severity).ThenBy(f => f.Line ?? 0))
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
