using System.Globalization;
using System.Text;
using Jixiao.Core.Model;
using Jixiao.Formats.Export;

namespace Jixiao.Formats.Html;

/// <summary>
/// The official table layout as HTML (plain string templates, every text HTML-encoded, Chinese left as UTF-8). The
/// fragment methods give the markup the web app embeds; the document methods wrap it with the print CSS that the PDF
/// export and a browser's own printing use.
/// </summary>
public static class HtmlRenderer
{
    /// <summary>One form: title, year and its two tables (header block; indicator table whose header repeats on each page).</summary>
    public static string RenderFragment(PerformanceForm form)
    {
        var sb = new StringBuilder(8192);
        AppendForm(sb, form);
        return sb.ToString();
    }

    /// <summary>A unit's 汇总表: its heading, then each declaration on its own page.</summary>
    public static string RenderSummaryFragment(DeclarationSummary summary)
    {
        var sb = new StringBuilder(16384);
        sb.Append("<div class=\"jx-summary\">\n<h1 class=\"jx-summary-title\">").Append(Encode(OfficialLayout.SummaryTitle(summary))).Append("</h1>\n");
        foreach (var d in summary.Declarations) AppendForm(sb, d);
        sb.Append("</div>\n");
        return sb.ToString();
    }

    /// <summary>A printable document of forms, each starting on a new page.</summary>
    public static string RenderDocument(IEnumerable<PerformanceForm> forms, string? title = null)
    {
        var list = forms.ToList();
        var body = new StringBuilder(8192 * Math.Max(1, list.Count));
        foreach (var f in list) AppendForm(body, f);
        return Wrap(title ?? (list.Count == 1 ? DocumentTitle(list[0]) : "绩效表"), body.ToString());
    }

    public static string RenderDocument(PerformanceForm form) => RenderDocument([form]);

    public static string RenderSummaryDocument(DeclarationSummary summary) =>
        Wrap(OfficialLayout.SummaryTitle(summary), RenderSummaryFragment(summary));

    /// <summary>The document title: `项目名称 — 表名（年度）`.</summary>
    public static string DocumentTitle(PerformanceForm f) => $"{f.Subject()} — {f.Kind.ToChinese()}{OfficialLayout.YearLine(f.Year)}";

    /// <summary>
    /// Print CSS: A4 portrait (a 监控表, fifteen columns wide, on a landscape page), the indicator header repeated through thead, rows not split across pages, page numbers in
    /// the bottom margin box. The WenQuanYi fonts come first because Chromium embeds them as TrueType, so the PDF's text
    /// extracts cleanly (Noto CJK becomes Type 3 glyphs; decision 0005). They have no bold face, and Chromium draws a
    /// synthesised bold as Type 3 glyphs too, so labels are set apart by a shaded background, not by weight. Spaces
    /// are a little wider than the font's own: pdftotext finds a space only from the gap between glyphs, and the narrow
    /// space beside a CJK character (`元 /片区`) is otherwise lost.
    /// </summary>
    /// <summary>Rules for the printed page and the document body (PDF and stand-alone HTML).</summary>
    public const string PageCss = """
        @page { size: A4 portrait; margin: 12mm 12mm 14mm 12mm;
          @bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-size: 9pt; font-family: "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", sans-serif; } }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-family: "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif;
               font-size: 10pt; line-height: 1.3; color: #000; margin: 0; font-synthesis: none; }
        @media screen { body { max-width: 190mm; margin: 8mm auto; } body:has(.jx-monitoring) { max-width: 277mm; } }
        @page jx-landscape { size: A4 landscape; }
        """;

    /// <summary>Rules for the forms alone (`.jx-…`): what a web page embedding a fragment needs.</summary>
    public const string FormCss = """
        .jx-form + .jx-form { break-before: page; }
        .jx-summary-title { font-size: 15pt; font-weight: normal; text-align: center; margin: 0 0 4mm; }
        .jx-form h1 { font-size: 17pt; font-weight: normal; text-align: center; margin: 0 0 1.5mm; letter-spacing: 1pt; }
        .jx-form .jx-year { text-align: center; margin: 0 0 3mm; }
        .jx-form table { width: 100%; border-collapse: collapse; table-layout: fixed; }
        .jx-form table.jx-indicators { margin-top: -0.75pt; }
        .jx-form th, .jx-form td { border: 0.75pt solid #000; padding: 0.9mm 1.3mm; vertical-align: middle;
               overflow-wrap: anywhere; word-break: normal; word-spacing: 0.2em; }
        .jx-form th { font-weight: normal; text-align: center; background: #ececec; }
        .jx-form td.v { text-align: center; }
        .jx-form td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .jx-form td.t { text-align: left; }
        .jx-form thead { display: table-header-group; }
        .jx-form .nb { white-space: nowrap; }
        .jx-form tr { break-inside: avoid; page-break-inside: avoid; }
        .jx-form .jx-unit { text-align: right; margin: 0 0 1mm; }
        .jx-monitoring { page: jx-landscape; }
        .jx-monitoring th, .jx-monitoring td { padding: 0.9mm 0.8mm; }
        """;

    public const string Css = PageCss + "\n" + FormCss;

    private static string Wrap(string title, string body)
    {
        var sb = new StringBuilder(body.Length + 2048);
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Encode(title)).Append("</title>\n<style>\n")
          .Append(Css).Append("\n</style>\n</head>\n<body>\n").Append(body).Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void AppendForm(StringBuilder sb, PerformanceForm form)
    {
        var g = OfficialLayout.Build(form);
        sb.Append("<section class=\"jx-form jx-").Append(form.Kind.ToCode()).Append("\">\n");
        sb.Append("<h1>").Append(Encode(g.Title)).Append("</h1>\n<p class=\"jx-year\">").Append(Encode(g.Subtitle)).Append("</p>\n");
        if (g.UnitLine is { } unitLine) sb.Append("<p class=\"jx-unit\">").Append(Encode(unitLine)).Append("</p>\n");
        sb.Append("<table class=\"jx-head\">\n");
        AppendColumns(sb, g);
        sb.Append("<tbody>\n");
        AppendRows(sb, g.Head, g.HeadRows, g.Columns);
        sb.Append("</tbody>\n</table>\n<table class=\"jx-indicators\">\n");
        AppendColumns(sb, g);
        sb.Append("<thead>\n");
        AppendRows(sb, g.TableHeader, g.TableHeaderRows, g.Columns);
        sb.Append("</thead>\n<tbody>\n");
        AppendRows(sb, g.Body, g.BodyRows, g.Columns);
        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendColumns(StringBuilder sb, FormGrid g)
    {
        double total = g.ColumnWidths.Sum();
        sb.Append("<colgroup>");
        foreach (var w in g.ColumnWidths)
            sb.Append("<col style=\"width:").Append((w * 100 / total).ToString("0.##", CultureInfo.InvariantCulture)).Append("%\">");
        sb.Append("</colgroup>\n");
    }

    private static void AppendRows(StringBuilder sb, List<GridCell> cells, int rows, int columns)
    {
        var byRow = cells.GroupBy(c => c.Row).ToDictionary(x => x.Key, x => x.OrderBy(c => c.Column).ToList());
        for (int r = 0; r < rows; r++)
        {
            sb.Append("<tr>");
            if (byRow.TryGetValue(r, out var rowCells))
                foreach (var c in rowCells) AppendCell(sb, c);
            sb.Append("</tr>\n");
        }
    }

    private static void AppendCell(StringBuilder sb, GridCell c)
    {
        bool label = c.Kind == CellKind.Label;
        sb.Append(label ? "<th" : "<td");
        if (!label)
            sb.Append(" class=\"").Append(c.Kind switch { CellKind.Number or CellKind.Money => "n", CellKind.Value => "v", _ => "t" }).Append('"');
        if (c.RowSpan > 1) sb.Append(" rowspan=\"").Append(c.RowSpan).Append('"');
        if (c.ColSpan > 1) sb.Append(" colspan=\"").Append(c.ColSpan).Append('"');
        // A cell of several parts (a 监控表's 备注: remark, 原因, 措施) prints each part on a line of its own.
        sb.Append('>').AppendJoin("<br>", c.Text.Split('\n').Select(CellMarkup)).Append(label ? "</th>" : "</td>");
    }

    /// <summary>
    /// A cell's text, encoded, with every space that stands beside a non-alphanumeric character glued to its two
    /// neighbours (a no-break space inside a no-wrap span). Where the browser wraps a line at a space the space
    /// disappears, and a reader of the printed page (our PDF import, or a person copying text) cannot tell
    /// `元 /片区` from `元/片区`; a wrap between two ASCII letters or digits is safe, because the text rule
    /// (docs/json-format.md) restores exactly that space.
    /// </summary>
    public static string CellMarkup(string text)
    {
        if (!text.Contains(' ')) return Encode(text);
        var sb = new StringBuilder(text.Length + 32);
        int i = 0;
        while (i < text.Length)
        {
            if (i + 2 < text.Length && text[i + 1] == ' ' && Glued(text, i + 1))
            {
                sb.Append("<span class=\"nb\">").Append(Encode(text[i].ToString()));
                i++;
                while (i + 1 < text.Length && text[i] == ' ' && Glued(text, i))
                {
                    sb.Append("&nbsp;").Append(Encode(text[i + 1].ToString()));
                    i += 2;
                }
                sb.Append("</span>");
            }
            else
            {
                sb.Append(text[i] == ' ' && Glued(text, i) ? "&nbsp;" : Encode(text[i].ToString()));
                i++;
            }
        }
        return sb.ToString();
    }

    private static bool Glued(string t, int space) =>
        !(space > 0 && space + 1 < t.Length && char.IsAsciiLetterOrDigit(t[space - 1]) && char.IsAsciiLetterOrDigit(t[space + 1]));

    /// <summary>HTML-encodes the five markup characters only, so Chinese stays readable in the source.</summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
            sb.Append(ch switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&#39;", _ => ch.ToString() });
        return sb.ToString();
    }
}
