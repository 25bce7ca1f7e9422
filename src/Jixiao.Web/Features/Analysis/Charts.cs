using System.Globalization;
using System.Text;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Analysis;

/// <summary>One bar: what it is, its size, the number printed beside it, and the list it opens (null: none).</summary>
public sealed record Bar(string Label, decimal Value, string Text, string? Link, string Color);

/// <summary>
/// Server-side SVG charts (decision 0016): drawn in C# like the CLI's report (PortfolioHtml), no script and no library;
/// vector in print, readable without JavaScript, and each bar a link to the forms it counts. Every chart has its
/// numbers in a table beside it; the chart is the picture of that table, not the only place the numbers are.
/// </summary>
public static class Charts
{
    const string Font = "font-family=\"'WenQuanYi Micro Hei','Noto Sans CJK SC','Microsoft YaHei',sans-serif\"";

    /// <summary>Vertical columns over ordered categories (等级, 执行率 bands).</summary>
    public static string Columns(IReadOnlyList<Bar> bars, string title)
    {
        const int col = 84, height = 170, top = 22, bottom = 34, left = 10;
        var max = Math.Max(1m, bars.Count == 0 ? 1m : bars.Max(b => b.Value));
        var width = bars.Count * col + 2 * left;
        var sb = Open(width, height + top + bottom, title);
        sb.Append(Invariant($"<line x1=\"{left}\" y1=\"{top + height}\" x2=\"{width - left}\" y2=\"{top + height}\" stroke=\"#888\"/>\n"));
        for (int k = 0; k < bars.Count; k++)
        {
            var b = bars[k];
            var h = (int)Math.Round(b.Value / max * height);
            var x = left + k * col;
            var rect = Invariant($"<rect x=\"{x + 14}\" y=\"{top + height - h}\" width=\"{col - 28}\" height=\"{Math.Max(h, b.Value > 0 ? 1 : 0)}\" fill=\"{b.Color}\"/>");
            var text = Invariant($"<text x=\"{x + col / 2}\" y=\"{top + height - h - 5}\" text-anchor=\"middle\">{E(b.Text)}</text>");
            sb.Append(Linked(b, rect + text));
            sb.Append(Invariant($"<text x=\"{x + col / 2}\" y=\"{top + height + 20}\" text-anchor=\"middle\">{E(b.Label)}</text>\n"));
        }
        return sb.Append("</svg>\n").ToString();
    }

    /// <summary>Horizontal bars with the label on the left, so that long Chinese names stay readable.</summary>
    public static string HorizontalBars(IReadOnlyList<Bar> bars, string title)
    {
        const int label = 230, room = 220, row = 24, right = 70;
        if (bars.Count == 0) return "<p class=\"note\">（无）</p>";
        var max = Math.Max(0.01m, bars.Max(b => b.Value));
        var sb = Open(label + room + right, bars.Count * row + 8, title);
        for (int k = 0; k < bars.Count; k++)
        {
            var b = bars[k];
            var y = k * row + 4;
            var w = (int)Math.Round(b.Value / max * room);
            sb.Append(Invariant($"<text x=\"{label - 6}\" y=\"{y + 15}\" text-anchor=\"end\"><title>{E(b.Label)}</title>{E(Clip(b.Label, 17))}</text>"));
            var rect = Invariant($"<rect x=\"{label}\" y=\"{y + 3}\" width=\"{Math.Max(w, b.Value > 0 ? 1 : 0)}\" height=\"{row - 8}\" fill=\"{b.Color}\"/>");
            var text = Invariant($"<text x=\"{label + w + 5}\" y=\"{y + 15}\">{E(b.Text)}</text>");
            sb.Append(Linked(b, rect + text)).Append('\n');
        }
        return sb.Append("</svg>\n").ToString();
    }

    /// <summary>Two bars per category (申报资金 and 全年执行数 of a 主管部门), with a legend.</summary>
    public static string PairedBars(IReadOnlyList<(string Label, Bar A, Bar B)> rows, string legendA, string legendB, string title)
    {
        const int label = 215, room = 170, row = 34, right = 80, top = 24;
        if (rows.Count == 0) return "<p class=\"note\">（无）</p>";
        var max = Math.Max(0.01m, rows.Max(r => Math.Max(r.A.Value, r.B.Value)));
        var sb = Open(label + room + right, rows.Count * row + top + 6, title);
        var (colourA, colourB) = (rows[0].A.Color, rows[0].B.Color);
        sb.Append(Invariant($"<rect x=\"{label}\" y=\"4\" width=\"12\" height=\"12\" fill=\"{colourA}\"/><text x=\"{label + 16}\" y=\"14\">{E(legendA)}</text>"));
        sb.Append(Invariant($"<rect x=\"{label + 90}\" y=\"4\" width=\"12\" height=\"12\" fill=\"{colourB}\"/><text x=\"{label + 106}\" y=\"14\">{E(legendB)}</text>\n"));
        for (int k = 0; k < rows.Count; k++)
        {
            var (name, a, b) = rows[k];
            var y = top + k * row;
            sb.Append(Invariant($"<text x=\"{label - 6}\" y=\"{y + 19}\" text-anchor=\"end\"><title>{E(name)}</title>{E(Clip(name, 16))}</text>"));
            foreach (var (bar, dy) in new[] { (a, 2), (b, 16) })
            {
                var w = (int)Math.Round(bar.Value / max * room);
                var rect = Invariant($"<rect x=\"{label}\" y=\"{y + dy}\" width=\"{Math.Max(w, bar.Value > 0 ? 1 : 0)}\" height=\"12\" fill=\"{bar.Color}\"/>");
                var text = Invariant($"<text x=\"{label + w + 5}\" y=\"{y + dy + 11}\" font-size=\"11\">{E(bar.Text)}</text>");
                sb.Append(Linked(bar, rect + text));
            }
            sb.Append('\n');
        }
        return sb.Append("</svg>\n").ToString();
    }

    static StringBuilder Open(int width, int height, string title) =>
        new StringBuilder().Append(Invariant(
            $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" {Font} font-size=\"12\" role=\"img\" aria-label=\"{E(title)}\">\n"));

    /// <summary>A bar that counts forms opens their list; its tooltip says what it is.</summary>
    static string Linked(Bar b, string inner) => b.Link is { } link
        ? $"<a class=\"bar\" href=\"{E(link)}\"><title>{E(b.Label)}：{E(b.Text)}</title>{inner}</a>"
        : $"<g><title>{E(b.Label)}：{E(b.Text)}</title>{inner}</g>";

    static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
