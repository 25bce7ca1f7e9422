using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Jixiao.Core.Text;
using Jixiao.Formats.Import;

namespace Jixiao.Formats.Pdf;

/// <summary>
/// Rebuilds the ruled tables of a PDF into rows of cells for the existing reader (stack.md, "PDF text extraction"):
/// words and their boxes from `pdftotext -bbox-layout`, ruling lines from `pdftocairo -svg` (thin filled rectangles
/// from Chromium and Word, stroked lines from others), each word placed in the cell its nearest rules bound, cells
/// grouped into rows by their top edge and into columns by their left edge. A merged cell's text lands in its top-left
/// cell, as in an xlsx. Text outside any cell (titles, the year line) becomes a row of its own; page numbers and header
/// rows repeated on later pages are dropped.
/// </summary>
public static partial class PdfTableReader
{
    public static TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    public sealed record Word(int Page, double XMin, double YMin, double XMax, double YMax, string Text)
    {
        public double Cx => (XMin + XMax) / 2;
        public double Cy => (YMin + YMax) / 2;
    }

    /// <summary>A ruling line: horizontal (Y fixed, from A to B in x) or vertical (X fixed, from A to B in y).</summary>
    public sealed record Rule(int Page, bool Horizontal, double At, double A, double B);

    public static List<string[]> ReadGrid(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("jixiao-pdf-");
        try
        {
            var file = Path.Combine(dir.FullName, "in.pdf");
            File.WriteAllBytes(file, pdf);
            var bbox = Path.Combine(dir.FullName, "words.html");
            var svg = Path.Combine(dir.FullName, "rules.svg");
            Run("pdftotext", ["-bbox-layout", "-enc", "UTF-8", file, bbox]);
            var words = ReadWords(File.ReadAllText(bbox, Encoding.UTF8));
            if (words.Count == 0)
                throw new UnreadableFileException("PDF 没有文字层（可能是扫描件或图片），暂不能读取；OCR 识别尚未支持");
            Run("pdftocairo", ["-svg", file, svg]);
            var rules = ReadRules(File.ReadAllText(svg, Encoding.UTF8));
            return BuildGrid(words, rules);
        }
        finally
        {
            try { dir.Delete(true); } catch (IOException) { /* a temp folder left behind is harmless */ }
        }
    }

    private static void Run(string tool, string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process? p;
        try { p = Process.Start(psi); }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new UnreadableFileException($"读取 PDF 需要 poppler-utils（未找到 {tool}）：apt-get install -y poppler-utils");
        }
        if (p is null) throw new UnreadableFileException($"无法运行 {tool}");
        using (p)
        {
            var err = p.StandardError.ReadToEndAsync();
            _ = p.StandardOutput.ReadToEndAsync();
            if (!p.WaitForExit(ToolTimeout))
            {
                try { p.Kill(true); } catch (InvalidOperationException) { }
                throw new UnreadableFileException("PDF 过于复杂，读取超时");
            }
            if (p.ExitCode != 0)
            {
                var msg = err.Result;
                if (msg.Contains("password", StringComparison.OrdinalIgnoreCase) || msg.Contains("encrypt", StringComparison.OrdinalIgnoreCase))
                    throw new UnreadableFileException("PDF 设有密码（已加密），无法读取；请提供未加密的文件");
                throw new UnreadableFileException("PDF 文件损坏或格式不符，无法读取");
            }
        }
    }

    // ---------------------------------------------------------------- words

    public static List<Word> ReadWords(string bboxHtml)
    {
        var words = new List<Word>();
        using var xr = XmlReader.Create(new StringReader(bboxHtml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        int page = -1;
        while (xr.Read())
        {
            if (xr.NodeType != XmlNodeType.Element) continue;
            if (xr.LocalName == "page") page++;
            else if (xr.LocalName == "word")
            {
                double x0 = D(xr, "xMin"), y0 = D(xr, "yMin"), x1 = D(xr, "xMax"), y1 = D(xr, "yMax");
                var text = xr.ReadElementContentAsString();
                if (!string.IsNullOrWhiteSpace(text)) words.Add(new Word(Math.Max(page, 0), x0, y0, x1, y1, text.Trim()));
            }
        }
        return words;
    }

    private static double D(XmlReader xr, string name) =>
        double.TryParse(xr.GetAttribute(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;

    // ---------------------------------------------------------------- rules

    public const double MaxRuleThickness = 2.5, MinRuleLength = 3;

    public static List<Rule> ReadRules(string svg)
    {
        var rules = new List<Rule>();
        using var xr = XmlReader.Create(new StringReader(svg), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        int page = 0, pages = 0, defs = 0;
        var transforms = new Stack<Matrix>();
        transforms.Push(Matrix.Identity);
        var depthTransforms = new Stack<int>();
        while (xr.Read())
        {
            if (xr.NodeType == XmlNodeType.EndElement)
            {
                if (xr.LocalName == "defs") defs--;
                if (xr.LocalName == "g" && depthTransforms.Count > 0 && depthTransforms.Peek() == xr.Depth) { depthTransforms.Pop(); transforms.Pop(); }
                continue;
            }
            if (xr.NodeType != XmlNodeType.Element) continue;
            switch (xr.LocalName)
            {
                case "defs": if (!xr.IsEmptyElement) defs++; break;
                case "page": page = pages++; break;
                case "g":
                    if (xr.GetAttribute("transform") is { } gt && !xr.IsEmptyElement)
                    {
                        transforms.Push(transforms.Peek().Then(Matrix.Parse(gt)));
                        depthTransforms.Push(xr.Depth);
                    }
                    break;
                case "path" when defs == 0:
                    var m = xr.GetAttribute("transform") is { } pt ? Matrix.Parse(pt).Then(transforms.Peek()) : transforms.Peek();
                    AddPath(rules, page, xr.GetAttribute("d") ?? "", xr.GetAttribute("style") ?? "", m);
                    break;
                case "rect" when defs == 0:
                    double x = Attr(xr, "x"), y = Attr(xr, "y"), w = Attr(xr, "width"), h = Attr(xr, "height");
                    AddBox(rules, page, [transforms.Peek().Apply(x, y), transforms.Peek().Apply(x + w, y + h)], 0);
                    break;
            }
        }
        return rules;
    }

    private static double Attr(XmlReader xr, string name) =>
        double.TryParse(xr.GetAttribute(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static void AddPath(List<Rule> rules, int page, string d, string style, Matrix m)
    {
        if (d.Length == 0 || d.Contains('C') || d.Contains('c')) return; // curves are glyphs or drawings, not rules
        var nums = NumberRx().Matches(d).Select(x => double.Parse(x.Value, CultureInfo.InvariantCulture)).ToList();
        if (nums.Count < 4 || nums.Count % 2 != 0) return;
        var pts = new List<(double X, double Y)>();
        for (int i = 0; i < nums.Count; i += 2) pts.Add(m.Apply(nums[i], nums[i + 1]));
        bool stroked = style.Contains("stroke:") && !style.Contains("stroke:none");
        double width = 1;
        var sw = StrokeWidthRx().Match(style);
        if (sw.Success) width = double.Parse(sw.Groups[1].Value, CultureInfo.InvariantCulture) * Math.Abs(m.A == 0 ? 1 : m.A);
        if (stroked)
        {
            // A stroked path: each axis-aligned segment is a rule.
            for (int i = 1; i < pts.Count; i++) AddSegment(rules, page, pts[i - 1], pts[i]);
            return;
        }
        AddBox(rules, page, pts, width);
    }

    private static void AddBox(List<Rule> rules, int page, List<(double X, double Y)> pts, double _)
    {
        double x0 = pts.Min(p => p.X), x1 = pts.Max(p => p.X), y0 = pts.Min(p => p.Y), y1 = pts.Max(p => p.Y);
        double w = x1 - x0, h = y1 - y0;
        // Only thin filled rectangles are rules; shaded cell backgrounds are wide in both directions.
        if (h <= MaxRuleThickness && w >= MinRuleLength) rules.Add(new Rule(page, true, (y0 + y1) / 2, x0, x1));
        else if (w <= MaxRuleThickness && h >= MinRuleLength) rules.Add(new Rule(page, false, (x0 + x1) / 2, y0, y1));
    }

    private static void AddSegment(List<Rule> rules, int page, (double X, double Y) a, (double X, double Y) b)
    {
        if (Math.Abs(a.Y - b.Y) < 0.5 && Math.Abs(a.X - b.X) >= MinRuleLength)
            rules.Add(new Rule(page, true, (a.Y + b.Y) / 2, Math.Min(a.X, b.X), Math.Max(a.X, b.X)));
        else if (Math.Abs(a.X - b.X) < 0.5 && Math.Abs(a.Y - b.Y) >= MinRuleLength)
            rules.Add(new Rule(page, false, (a.X + b.X) / 2, Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y)));
    }

    [GeneratedRegex(@"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")]
    private static partial Regex NumberRx();

    [GeneratedRegex(@"stroke-width:\s*([\d.]+)")]
    private static partial Regex StrokeWidthRx();

    /// <summary>An SVG affine transform [a c e; b d f].</summary>
    private readonly record struct Matrix(double A, double B, double C, double D, double E, double F)
    {
        public static readonly Matrix Identity = new(1, 0, 0, 1, 0, 0);

        public (double X, double Y) Apply(double x, double y) => (A * x + C * y + E, B * x + D * y + F);

        /// <summary>This transform applied first, then <paramref name="outer"/>.</summary>
        public Matrix Then(Matrix outer) => new(
            outer.A * A + outer.C * B, outer.B * A + outer.D * B,
            outer.A * C + outer.C * D, outer.B * C + outer.D * D,
            outer.A * E + outer.C * F + outer.E, outer.B * E + outer.D * F + outer.F);

        public static Matrix Parse(string t)
        {
            var result = Identity;
            foreach (Match m in Regex.Matches(t, @"(matrix|translate|scale)\s*\(([^)]*)\)"))
            {
                var v = NumberRx().Matches(m.Groups[2].Value).Select(x => double.Parse(x.Value, CultureInfo.InvariantCulture)).ToArray();
                var next = m.Groups[1].Value switch
                {
                    "matrix" when v.Length == 6 => new Matrix(v[0], v[1], v[2], v[3], v[4], v[5]),
                    "translate" => new Matrix(1, 0, 0, 1, v.ElementAtOrDefault(0), v.ElementAtOrDefault(1)),
                    "scale" => new Matrix(v.ElementAtOrDefault(0), 0, 0, v.Length > 1 ? v[1] : v.ElementAtOrDefault(0), 0, 0),
                    _ => Identity,
                };
                // Listed transforms apply right to left: the last one acts on the point first.
                result = next.Then(result);
            }
            return result;
        }
    }

    // ---------------------------------------------------------------- cells and rows

    private const double Tolerance = 1.0;

    private sealed record Box(int Page, double Left, double Top, double Right, double Bottom);

    [GeneratedRegex(@"^第\s*\d+\s*页\s*(/|／)\s*共\s*\d+\s*页$")]
    private static partial Regex PageNumberRx();

    public static List<string[]> BuildGrid(List<Word> words, List<Rule> rules)
    {
        var byPage = rules.GroupBy(r => r.Page).ToDictionary(g => g.Key, g => (H: g.Where(r => r.Horizontal).ToList(), V: g.Where(r => !r.Horizontal).ToList()));
        var inCells = new Dictionary<Box, List<Word>>();
        var free = new List<Word>();
        foreach (var w in words)
        {
            if (!byPage.TryGetValue(w.Page, out var pr)) { free.Add(w); continue; }
            foreach (var part in SplitAtRules(w, pr.V))
            {
                var box = CellOf(part, pr.H, pr.V);
                if (box is null) free.Add(part);
                else (inCells.TryGetValue(box, out var l) ? l : inCells[box] = new()).Add(part);
            }
        }
        // Columns: the distinct left edges of all cells, so that a cell's index is stable across rows and pages.
        var lefts = Cluster(inCells.Keys.Select(b => b.Left));
        var rows = new List<(int Page, double Y, string[] Cells)>();
        foreach (var group in inCells.GroupBy(kv => (kv.Key.Page, Top: Math.Round(kv.Key.Top / 2) * 2)))
        {
            var cells = new string[lefts.Count];
            foreach (var (box, ws) in group) cells[Index(lefts, box.Left)] = CellText(ws);
            rows.Add((group.Key.Page, group.Min(kv => kv.Key.Top), cells.Select(c => c ?? "").ToArray()));
        }
        foreach (var line in Lines(free))
        {
            var text = ChineseText.FoldSpaces(string.Join(' ', line.OrderBy(w => w.XMin).Select(w => w.Text)));
            if (PageNumberRx().IsMatch(text)) continue;
            rows.Add((line[0].Page, line.Min(w => w.YMin), [text]));
        }
        var ordered = rows.OrderBy(r => r.Page).ThenBy(r => r.Y).Select(r => r.Cells).ToList();
        return DropRepeatedHeaders(ordered);
    }

    /// <summary>A word that pdftotext ran across a cell border is cut there, by character widths.</summary>
    private static IEnumerable<Word> SplitAtRules(Word w, List<Rule> vertical)
    {
        var cuts = vertical.Where(v => v.At > w.XMin + 1 && v.At < w.XMax - 1 && v.A <= w.Cy && v.B >= w.Cy).Select(v => v.At).Distinct().Order().ToList();
        if (cuts.Count == 0 || w.Text.Length < 2) { yield return w; yield break; }
        double per = (w.XMax - w.XMin) / w.Text.Length;
        var sb = new StringBuilder();
        double start = w.XMin;
        int cut = 0;
        for (int i = 0; i < w.Text.Length; i++)
        {
            double cx = w.XMin + per * (i + 0.5);
            if (cut < cuts.Count && cx > cuts[cut])
            {
                if (sb.Length > 0) yield return w with { XMin = start, XMax = cuts[cut], Text = sb.ToString() };
                sb.Clear();
                start = cuts[cut];
                cut++;
            }
            sb.Append(w.Text[i]);
        }
        if (sb.Length > 0) yield return w with { XMin = start, Text = sb.ToString() };
    }

    private static Box? CellOf(Word w, List<Rule> h, List<Rule> v)
    {
        double cx = w.Cx, cy = w.Cy;
        double? left = null, right = null, top = null, bottom = null;
        foreach (var r in v)
        {
            if (r.A - Tolerance > cy || r.B + Tolerance < cy) continue;
            if (r.At <= cx && (left is null || r.At > left)) left = r.At;
            if (r.At >= cx && (right is null || r.At < right)) right = r.At;
        }
        foreach (var r in h)
        {
            if (r.A - Tolerance > cx || r.B + Tolerance < cx) continue;
            if (r.At <= cy && (top is null || r.At > top)) top = r.At;
            if (r.At >= cy && (bottom is null || r.At < bottom)) bottom = r.At;
        }
        if (left is null || right is null || top is null || bottom is null) return null;
        return new Box(w.Page, Math.Round(left.Value, 1), Math.Round(top.Value, 1), Math.Round(right.Value, 1), Math.Round(bottom.Value, 1));
    }

    private static List<double> Cluster(IEnumerable<double> xs)
    {
        var result = new List<double>();
        foreach (var x in xs.Order())
            if (result.Count == 0 || x - result[^1] > 2) result.Add(x);
        return result;
    }

    private static int Index(List<double> lefts, double x)
    {
        int best = 0;
        for (int i = 0; i < lefts.Count; i++) if (Math.Abs(lefts[i] - x) < Math.Abs(lefts[best] - x)) best = i;
        return best;
    }

    /// <summary>Words on one printed line: same page, overlapping vertically.</summary>
    private static List<List<Word>> Lines(IEnumerable<Word> words)
    {
        var lines = new List<List<Word>>();
        foreach (var w in words.OrderBy(w => w.Page).ThenBy(w => w.YMin))
        {
            var last = lines.Count > 0 ? lines[^1] : null;
            if (last is not null && last[0].Page == w.Page && Math.Abs(last.Average(x => x.Cy) - w.Cy) < (w.YMax - w.YMin) * 0.5) last.Add(w);
            else lines.Add([w]);
        }
        return lines;
    }

    /// <summary>A cell's words: lines top to bottom joined by a line break (the reader's text rule re-joins them), words on a line by a space.</summary>
    private static string CellText(List<Word> words) =>
        string.Join('\n', Lines(words).Select(l => string.Join(' ', l.OrderBy(w => w.XMin).Select(w => w.Text))));

    /// <summary>The indicator header that thead repeats at the top of each later page is not a row of the form.</summary>
    private static List<string[]> DropRepeatedHeaders(List<string[]> rows)
    {
        var result = new List<string[]>(rows.Count);
        string? header = null;
        foreach (var r in rows)
        {
            var key = string.Concat(r.Select(c => ChineseText.RemoveSpaces(c)));
            bool isHeader = key.Contains("一级指标") && key.Contains("三级指标");
            if (isHeader && key == header) continue;
            if (isHeader) header = key;
            else if (r.Length == 1 && (key.Contains("自评表") || key.Contains("申报表"))) header = null; // a new form starts
            result.Add(r);
        }
        return result;
    }
}
