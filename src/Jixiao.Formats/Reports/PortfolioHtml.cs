using System.Globalization;
using System.Net;
using System.Text;
using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;

namespace Jixiao.Formats.Reports;

/// <summary>
/// The portfolio report as one self-contained HTML page: tables and server-side SVG charts (vector in print and PDF,
/// no script), Chinese throughout.
/// </summary>
public static class PortfolioHtml
{
    /// <summary>Above this many forms the per-form findings list shows only the forms to check first.</summary>
    public const int MaxFormsListed = PortfolioReport.MaxFormsListed;

    public static string Render(PortfolioReport r, string? title = null)
    {
        title ??= "预算绩效自评与目标申报审核汇总报告";
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title)).Append("</title>\n<style>\n")
          .Append(Css).Append("</style>\n</head>\n<body>\n");
        sb.Append("<h1>").Append(E(title)).Append("</h1>\n");

        // 概况
        sb.Append("<section><h2>一、概况</h2>\n<table class=\"kv\">\n");
        Kv(sb, "绩效表", $"{N(r.Forms)} 张（自评表 {N(r.SelfEvaluations)}，申报表 {N(r.Declarations)}）");
        Kv(sb, "主管部门 / 实施单位", $"{N(r.Departments.Count)} 个 / {N(r.Units.Count)} 个");
        Kv(sb, "审核发现", $"错误 {N(r.Errors)}，警告 {N(r.Warnings)}，提示 {N(r.Infos)}");
        Kv(sb, "有错误的表", $"{N(r.FormsWithErrors)} 张（{Pct(r.FormsWithErrors, r.Forms)}）");
        Kv(sb, "无错误和警告的表", $"{N(r.FormsWithoutFindings)} 张（{Pct(r.FormsWithoutFindings, r.Forms)}）");
        Kv(sb, "预算执行率中位数", r.MedianExecutionRate is { } m ? $"{Num.Fixed(m)}%" : "—");
        Kv(sb, "执行率低于 90% 的自评表", $"{N(r.LowExecutionForms)} 张（{Pct(r.LowExecutionForms, r.SelfEvaluations)}）");
        sb.Append("</table>\n</section>\n");

        // 评分等级
        sb.Append("<section><h2>二、评分等级分布（自评表）</h2>\n");
        sb.Append("<p class=\"note\">“表上等级”为单位自评的等级；“按规则计分的等级”依评分方案重新计算每个指标的得分后得出。两者相差大，说明自评打分偏松或偏紧。</p>\n");
        sb.Append(PairedBars(r.Grades.Select(g => (g.Grade, g.Printed, g.RuleBased)).ToList(), "表上等级", "按规则计分的等级"));
        sb.Append("<table><thead><tr><th>等级</th><th class=\"n\">表上等级</th><th class=\"n\">按规则计分的等级</th></tr></thead><tbody>\n");
        foreach (var g in r.Grades)
            sb.Append("<tr><td>").Append(E(g.Grade)).Append("</td><td class=\"n\">").Append(N(g.Printed)).Append("</td><td class=\"n\">").Append(N(g.RuleBased)).Append("</td></tr>\n");
        sb.Append("</tbody></table>\n</section>\n");

        // 执行率
        sb.Append("<section><h2>三、预算执行率分布（自评表）</h2>\n");
        sb.Append("<p class=\"note\">执行率 = 全年执行数 ÷ 全年预算数（调整后）× 100。低于 90% 的应在自评表中说明原因。</p>\n");
        sb.Append(Columns(r.ExecutionRates.Select(t => (t.Label, t.Count)).ToList(), highlightBelow: 5));
        sb.Append("</section>\n");

        // 审核发现
        sb.Append("<section><h2>四、最常见的审核发现</h2>\n");
        sb.Append(HorizontalBars(r.TopFindings.Select(f => ($"{f.Title}（{f.Code}）", f.Count, f.Severity)).ToList()));
        sb.Append("<table><thead><tr><th>审核规则</th><th>级别</th><th>说明</th><th class=\"n\">次数</th><th class=\"n\">涉及表数</th></tr></thead><tbody>\n");
        foreach (var f in r.TopFindings)
            sb.Append("<tr><td><code>").Append(E(f.Code)).Append("</code></td><td class=\"").Append(f.Severity.ToCode()).Append("\">").Append(f.Severity.ToChinese())
              .Append("</td><td>").Append(E(f.Title)).Append("</td><td class=\"n\">").Append(N(f.Count)).Append("</td><td class=\"n\">").Append(N(f.Forms)).Append("</td></tr>\n");
        sb.Append("</tbody></table>\n</section>\n");

        // 主管部门
        sb.Append("<section><h2>五、按主管部门</h2>\n");
        sb.Append(HorizontalBars(r.Departments.Take(15).Select(d => (d.Name, d.Errors + d.Warnings, d.Errors > 0 ? Severity.Error : Severity.Warning)).ToList()));
        GroupTable(sb, r.Departments, withDepartment: false);
        sb.Append("</section>\n");

        // 实施单位
        sb.Append("<section><h2>六、按实施单位</h2>\n");
        GroupTable(sb, r.Units.Take(300).ToList(), withDepartment: true);
        if (r.Units.Count > 300) sb.Append("<p class=\"note\">共 ").Append(N(r.Units.Count)).Append(" 个实施单位，此处列出问题最多的 300 个。</p>\n");
        sb.Append("</section>\n");

        // 抽查
        sb.Append("<section><h2>七、建议优先抽查的自评表</h2>\n");
        sb.Append("<p class=\"note\">排序依据：表上总分高出按规则计分的总分的分数（×2，得分最缺乏依据的在前），加上错误数（×3）和警告数。</p>\n");
        sb.Append("<table><thead><tr><th>#</th><th>项目名称</th><th>实施单位</th><th class=\"n\">表上总分</th><th class=\"n\">按规则计分</th><th class=\"n\">高出</th><th class=\"n\">错误</th><th class=\"n\">警告</th><th>主要问题</th><th>来源</th></tr></thead><tbody>\n");
        int rank = 1;
        foreach (var e in r.SpotChecks)
        {
            var main = MainCodes(e);
            sb.Append("<tr><td class=\"n\">").Append(rank++).Append("</td><td>").Append(E(e.Form.ProjectName)).Append("</td><td>").Append(E(e.Form.ImplementingUnit))
              .Append("</td><td class=\"n\">").Append(Num.Fixed(e.Sheet?.PrintedTotalScore)).Append("</td><td class=\"n\">").Append(Num.Fixed(e.Sheet?.RuleBasedTotalScore))
              .Append("</td><td class=\"n\">").Append(e.UnsupportedPoints is { } u ? Num.Fixed(u) : "—").Append("</td><td class=\"n\">").Append(e.Errors)
              .Append("</td><td class=\"n\">").Append(e.Warnings).Append("</td><td><code>").Append(E(main)).Append("</code></td><td class=\"src\">").Append(E(Source(e.Form))).Append("</td></tr>\n");
        }
        sb.Append("</tbody></table>\n</section>\n");

        MonitoringRoundHtml.Append(sb, r.Rounds, "八、运行监控");

        // 逐表审核意见
        sb.Append(r.Rounds.Count > 0 ? "<section><h2>九、逐表审核意见</h2>\n" : "<section><h2>八、逐表审核意见</h2>\n");
        var listed = r.ListedForms;
        if (listed.Count < r.FormsWithFindings)
            sb.Append("<p class=\"note\">有错误或警告的表共 ").Append(N(r.FormsWithFindings)).Append(" 张，此处列出最需复核的 ").Append(N(listed.Count))
              .Append(" 张；全部审核意见请用 <code>jixiao check --json</code> 导出。</p>\n");
        else
            sb.Append("<p class=\"note\">有错误或警告的表共 ").Append(N(r.FormsWithFindings)).Append(" 张（只有提示的表不列出）。</p>\n");
        foreach (var e in listed)
        {
            sb.Append("<details><summary>").Append(E(e.Form.ProjectName)).Append(" — ").Append(E(e.Form.ImplementingUnit))
              .Append("（错误 ").Append(e.Errors).Append("，警告 ").Append(e.Warnings).Append("）<span class=\"src\">").Append(E(Source(e.Form))).Append("</span></summary>\n<ul>\n");
            foreach (var f in e.Findings.Where(f => f.Severity != Severity.Info))
                sb.Append("<li><span class=\"").Append(f.Severity.ToCode()).Append("\">").Append(f.Severity.ToChinese()).Append("</span> <code>").Append(E(f.Code)).Append("</code> ")
                  .Append(E(f.Message)).Append("</li>\n");
            sb.Append("</ul></details>\n");
        }
        sb.Append("</section>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The codes of a form's first four kinds of error or warning, for the 抽查 list.</summary>
    internal static string MainCodes(PortfolioEntry e) =>
        string.Join("、", e.Findings.Where(f => f.Severity != Severity.Info).Select(f => f.Code).Distinct().Take(4));

    /// <summary>Where a form was read from: the file name and line.</summary>
    internal static string Source(PerformanceForm f) =>
        f.Source.File is null ? "" : Path.GetFileName(f.Source.File) + (f.Source.Line is { } l ? $":{l}" : "");

    static void GroupTable(StringBuilder sb, IReadOnlyList<GroupSummary> groups, bool withDepartment)
    {
        sb.Append("<table><thead><tr><th>").Append(withDepartment ? "实施单位</th><th>主管部门" : "主管部门")
          .Append("</th><th class=\"n\">表数</th><th class=\"n\">自评表</th><th class=\"n\">错误</th><th class=\"n\">警告</th><th class=\"n\">有错误的表</th><th class=\"n\">平均总分</th><th class=\"n\">平均执行率</th></tr></thead><tbody>\n");
        foreach (var g in groups)
        {
            sb.Append("<tr><td>").Append(E(g.Name)).Append("</td>");
            if (withDepartment) sb.Append("<td>").Append(E(g.Department)).Append("</td>");
            sb.Append("<td class=\"n\">").Append(N(g.Forms)).Append("</td><td class=\"n\">").Append(N(g.SelfEvaluations)).Append("</td><td class=\"n\">").Append(N(g.Errors))
              .Append("</td><td class=\"n\">").Append(N(g.Warnings)).Append("</td><td class=\"n\">").Append(N(g.FormsWithErrors)).Append("</td><td class=\"n\">")
              .Append(g.AverageTotal is { } t ? Num.Fixed(t) : "—").Append("</td><td class=\"n\">").Append(g.AverageExecutionRate is { } x ? Num.Fixed(x) + "%" : "—").Append("</td></tr>\n");
        }
        sb.Append("</tbody></table>\n");
    }

    // ---- SVG charts ------------------------------------------------------------------------------------------

    const string Font = "font-family=\"'WenQuanYi Micro Hei','Noto Sans CJK SC','Microsoft YaHei',sans-serif\"";

    static string Color(Severity s) => s switch { Severity.Error => "#c0392b", Severity.Warning => "#d68910", _ => "#2e86c1" };

    /// <summary>Horizontal bars with the label on the left: long Chinese names stay readable.</summary>
    static string HorizontalBars(IReadOnlyList<(string Label, int Value, Severity Severity)> items)
    {
        if (items.Count == 0) return "<p class=\"note\">（无）</p>\n";
        const int labelWidth = 360, barWidth = 380, row = 24;
        int max = Math.Max(1, items.Max(i => i.Value));
        var sb = new StringBuilder();
        sb.Append($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + barWidth + 80}\" height=\"{items.Count * row + 10}\" {Font} font-size=\"12\" role=\"img\">\n");
        for (int k = 0; k < items.Count; k++)
        {
            var (label, value, severity) = items[k];
            int y = k * row + 5;
            int w = (int)Math.Round((double)value / max * barWidth);
            sb.Append($"<text x=\"{labelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{E(Clip(label, 30))}</text>");
            sb.Append($"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{Math.Max(w, 1)}\" height=\"{row - 8}\" fill=\"{Color(severity)}\"/>");
            sb.Append($"<text x=\"{labelWidth + w + 6}\" y=\"{y + 15}\">{N(value)}</text>\n");
        }
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    /// <summary>Vertical columns over ordered buckets; buckets before <paramref name="highlightBelow"/> are drawn as warnings.</summary>
    static string Columns(IReadOnlyList<(string Label, int Value)> items, int highlightBelow)
    {
        const int col = 70, height = 200, top = 20, bottom = 40;
        int max = Math.Max(1, items.Max(i => i.Value));
        var sb = new StringBuilder();
        sb.Append($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{items.Count * col + 20}\" height=\"{height + top + bottom}\" {Font} font-size=\"12\" role=\"img\">\n");
        sb.Append($"<line x1=\"10\" y1=\"{top + height}\" x2=\"{items.Count * col + 10}\" y2=\"{top + height}\" stroke=\"#888\"/>\n");
        for (int k = 0; k < items.Count; k++)
        {
            var (label, value) = items[k];
            int h = (int)Math.Round((double)value / max * height);
            int x = 10 + k * col;
            sb.Append($"<rect x=\"{x + 10}\" y=\"{top + height - h}\" width=\"{col - 20}\" height=\"{h}\" fill=\"{(k < highlightBelow ? "#d68910" : "#2e86c1")}\"/>");
            sb.Append($"<text x=\"{x + col / 2}\" y=\"{top + height - h - 4}\" text-anchor=\"middle\">{N(value)}</text>");
            sb.Append($"<text x=\"{x + col / 2}\" y=\"{top + height + 18}\" text-anchor=\"middle\">{E(label)}</text>\n");
        }
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    /// <summary>Two bars per category (printed and rule-based grade), with a legend.</summary>
    static string PairedBars(IReadOnlyList<(string Label, int A, int B)> items, string legendA, string legendB)
    {
        const int group = 110, height = 180, top = 40, bottom = 30;
        int max = Math.Max(1, items.Max(i => Math.Max(i.A, i.B)));
        var sb = new StringBuilder();
        sb.Append($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{items.Count * group + 40}\" height=\"{height + top + bottom}\" {Font} font-size=\"12\" role=\"img\">\n");
        sb.Append($"<rect x=\"10\" y=\"6\" width=\"12\" height=\"12\" fill=\"#2e86c1\"/><text x=\"28\" y=\"16\">{E(legendA)}</text>");
        sb.Append($"<rect x=\"130\" y=\"6\" width=\"12\" height=\"12\" fill=\"#7fb3d5\"/><text x=\"148\" y=\"16\">{E(legendB)}</text>\n");
        for (int k = 0; k < items.Count; k++)
        {
            var (label, a, b) = items[k];
            int x = 20 + k * group;
            int ha = (int)Math.Round((double)a / max * height), hb = (int)Math.Round((double)b / max * height);
            sb.Append($"<rect x=\"{x}\" y=\"{top + height - ha}\" width=\"40\" height=\"{ha}\" fill=\"#2e86c1\"/><text x=\"{x + 20}\" y=\"{top + height - ha - 4}\" text-anchor=\"middle\">{N(a)}</text>");
            sb.Append($"<rect x=\"{x + 44}\" y=\"{top + height - hb}\" width=\"40\" height=\"{hb}\" fill=\"#7fb3d5\"/><text x=\"{x + 64}\" y=\"{top + height - hb - 4}\" text-anchor=\"middle\">{N(b)}</text>");
            sb.Append($"<text x=\"{x + 42}\" y=\"{top + height + 18}\" text-anchor=\"middle\">{E(label)}</text>\n");
        }
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    static void Kv(StringBuilder sb, string k, string v) => sb.Append("<tr><th>").Append(E(k)).Append("</th><td>").Append(E(v)).Append("</td></tr>\n");

    static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    static string N(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    static string Pct(int part, int whole) => whole == 0 ? "—" : $"{100.0 * part / whole:0.0}%";

    static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    const string Css = """
        body { font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; margin: 2em; color: #222; max-width: 1200px; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.25em; border-bottom: 2px solid #2e86c1; padding-bottom: .2em; margin-top: 1.8em; }
        table { border-collapse: collapse; margin: .6em 0; font-size: .9em; }
        th, td { border: 1px solid #ccc; padding: .25em .5em; vertical-align: top; }
        thead th { background: #eaf2f8; }
        table.kv th { text-align: left; background: #f4f6f7; font-weight: normal; }
        td.n, th.n { text-align: right; white-space: nowrap; }
        .error { color: #c0392b; font-weight: bold; } .warning { color: #b9770e; } .info { color: #2e86c1; }
        .note { color: #555; font-size: .9em; } .src { color: #777; font-size: .85em; margin-left: .5em; }
        details { margin: .3em 0; } summary { cursor: pointer; }
        svg.chart { display: block; margin: .8em 0; }
        @media print { details { page-break-inside: avoid; } details > ul { display: block; } }

        """;
}
