using System.Text;
using Jixiao.Core.Monitoring;
using static Jixiao.Formats.Html.HtmlRenderer;

namespace Jixiao.Formats.Reports;

/// <summary>A red project of a round, with each red row's working and the reasons the unit gave.</summary>
public sealed record RedProject(string? ProjectName, string? Department, string? Unit, IReadOnlyList<string> Reasons);

/// <summary>A form still unreported after the round's deadline, or an 整改 item open past its own.</summary>
public sealed record OverdueItem(string? ProjectName, string? Department, string? Unit, string What, string Deadline);

/// <summary>One monitoring round in the portfolio report: its colours by 主管部门 and unit, the red list, what is overdue.</summary>
public sealed record MonitoringRoundReport(
    string Title, string Period, string Deadline, bool Closed, LightTally Total, IReadOnlyList<LightTally> ByDepartment, IReadOnlyList<LightTally> ByUnit,
    IReadOnlyList<RedProject> Red, IReadOnlyList<OverdueItem> OverdueForms, IReadOnlyList<OverdueItem> OverdueRectifications);

/// <summary>The 运行监控 section of the portfolio report's HTML.</summary>
public static class MonitoringRoundHtml
{
    public static void Append(StringBuilder sb, IReadOnlyList<MonitoringRoundReport> rounds, string heading)
    {
        if (rounds.Count == 0) return;
        sb.Append("<section><h2>").Append(Encode(heading)).Append("</h2>\n");
        foreach (var r in rounds)
        {
            var t = r.Total;
            sb.Append("<h3>").Append(Encode(r.Title)).Append("</h3>\n<p>监控期 ").Append(Encode(r.Period)).Append("，报送截止 ").Append(Encode(r.Deadline))
              .Append(r.Closed ? "（已截止）" : "").Append($"。共 {t.Forms} 张：红 {t.Red}，黄 {t.Yellow}，绿 {t.Green}，未填 {t.Unjudged}；已报送 {t.Submitted}，逾期未报 {t.Overdue}；")
              .Append($"逾期未完成的整改 {r.OverdueRectifications.Count} 项。</p>\n");
            Tallies(sb, r.ByDepartment, "主管部门");
            sb.Append("<h4>红灯清单</h4>\n");
            if (r.Red.Count == 0) sb.Append("<p>没有已报送的红灯项目。</p>\n");
            else
            {
                sb.Append("<table><thead><tr><th>项目</th><th>主管部门</th><th>实施单位</th><th>红灯的行与原因</th></tr></thead><tbody>\n");
                foreach (var p in r.Red)
                    sb.Append("<tr><td>").Append(Encode(p.ProjectName)).Append("</td><td>").Append(Encode(p.Department)).Append("</td><td>").Append(Encode(p.Unit))
                      .Append("</td><td><ul>").Append(string.Concat(p.Reasons.Select(x => "<li>" + Encode(x) + "</li>"))).Append("</ul></td></tr>\n");
                sb.Append("</tbody></table>\n");
            }
            Overdue(sb, "逾期未报的监控表", r.OverdueForms);
            Overdue(sb, "逾期未完成的整改", r.OverdueRectifications);
            Tallies(sb, r.ByUnit, "实施单位");
        }
        sb.Append("</section>\n");
    }

    static void Tallies(StringBuilder sb, IReadOnlyList<LightTally> rows, string head)
    {
        sb.Append("<table><thead><tr><th>").Append(head).Append("</th><th class=\"n\">张数</th><th class=\"n\">红</th><th class=\"n\">黄</th><th class=\"n\">绿</th>")
          .Append("<th class=\"n\">未填</th><th class=\"n\">已报送</th><th class=\"n\">逾期未报</th></tr></thead><tbody>\n");
        foreach (var c in rows)
            sb.Append("<tr><td>").Append(Encode(c.Name)).Append($"</td><td class=\"n\">{c.Forms}</td><td class=\"n\">{c.Red}</td><td class=\"n\">{c.Yellow}</td>")
              .Append($"<td class=\"n\">{c.Green}</td><td class=\"n\">{c.Unjudged}</td><td class=\"n\">{c.Submitted}</td><td class=\"n\">{c.Overdue}</td></tr>\n");
        sb.Append("</tbody></table>\n");
    }

    static void Overdue(StringBuilder sb, string heading, IReadOnlyList<OverdueItem> items)
    {
        sb.Append("<h4>").Append(heading).Append($"（{items.Count}）</h4>\n");
        if (items.Count == 0) return;
        sb.Append("<table><thead><tr><th>项目</th><th>主管部门</th><th>实施单位</th><th>事项</th><th>期限</th></tr></thead><tbody>\n");
        foreach (var i in items)
            sb.Append("<tr><td>").Append(Encode(i.ProjectName)).Append("</td><td>").Append(Encode(i.Department)).Append("</td><td>").Append(Encode(i.Unit))
              .Append("</td><td>").Append(Encode(i.What)).Append("</td><td>").Append(Encode(i.Deadline)).Append("</td></tr>\n");
        sb.Append("</tbody></table>\n");
    }
}
