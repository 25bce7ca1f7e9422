using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Text;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>The goals block in PDF text: its cells are paragraphs of lines, or quoted cells side by side.</summary>
internal static partial class GoalParagraphs
{
    /// <summary>
    /// Goals in PDF text: the header line, then the cells' text. Quoted cells (`"…"` from a spreadsheet export)
    /// run to their closing quote; otherwise a cell is a paragraph: a new one starts where a line is indented or the
    /// previous line was short and ended a sentence.
    /// </summary>
    public static List<GoalText> Read(SourceText source, FormKind kind, int from, int end, List<ImportWarning> warnings)
    {
        var lines = new List<(string Text, int Line)>();
        var headers = new List<GoalColumn>();
        var labelBreaks = new HashSet<int>(); // indexes of lines printed right after a label
        var afterBlank = new HashSet<int>(); // indexes of lines printed after a blank line
        bool blank = false;
        for (int r = from; r < end; r++)
        {
            var raw = ChineseText.StripTags(source.Rows[r].Raw).Replace("\n", "");
            var trimmed = raw.Trim();
            if (trimmed.Length == 0) { blank = true; continue; }
            if (blank) afterBlank.Add(lines.Count);
            blank = false;
            var tokens = source.Rows[r].NonEmpty.Select(c => c.Text).ToList();
            var goalHeaders = tokens.Select(t => GoalColumnOf(t, kind)).Where(g => g is not null).Select(g => g!.Value).ToList();
            if (goalHeaders.Count > 0 && tokens.All(t => GoalColumnOf(t, kind) is not null || IsAnnotation(t) || IsGoalsBlockSideLabel(t)))
            {
                // A label between texts (label, text, label, text) ends the text before it.
                if (lines.Count > 0) labelBreaks.Add(lines.Count);
                headers.AddRange(goalHeaders);
                continue;
            }
            // A frame label (绩效指标 over the indicator table's side) is no goal text.
            if (GoalBlockLabelFragments.Contains(Key(trimmed)) || IsAnnotation(trimmed) || IsNoiseLabel(trimmed)) continue;
            // A head with its text after it on the line (`年度绩效目标 进一步提高…`, cells that ran together): the head
            // is the column's, the rest the text.
            if (goalHeaders.Count == 1 && tokens.Count >= 2 && GoalColumnOf(tokens[0], kind) is { } head
                && raw.IndexOf(tokens[0], StringComparison.Ordinal) is >= 0 and var at && raw[(at + tokens[0].Length)..].Trim().Length > 0)
            {
                if (lines.Count > 0) labelBreaks.Add(lines.Count);
                headers.Add(head);
                lines.Add((raw[(at + tokens[0].Length)..], source.Rows[r].Line));
                continue;
            }
            lines.Add((raw, source.Rows[r].Line));
        }

        var cells = new List<(string Text, int Line)>();
        if (TwoQuotedColumns(lines) is { } two) cells.AddRange(two);
        // As many lines as goal heads (the indicator section's label aside), a blank line between each: one cell per
        // paragraph (a Word file's text), each line a cell of its own. PDF text that double-spaces a cell's wrapped
        // lines has more lines than heads.
        int textLines = lines.Count(l => !IndicatorSectionLabels.Contains(Key(l.Text)));
        if (cells.Count == 0 && textLines >= 2 && textLines == headers.Count && Enumerable.Range(1, lines.Count - 1).All(afterBlank.Contains))
            cells.AddRange(lines.Select(l => (ChineseText.Normalize(l.Text.Trim()), l.Line)));
        // Two heads and one line of text with one run of spaces in it: the two cells side by side, each short enough for
        // one line (`历城区文化馆免费开放 用于历城区文化馆全年免费开放,…`).
        if (cells.Count == 0 && headers.Count == 2 && lines.Count == 1 && OneSpaceRun().Match(lines[0].Text.Trim()) is { Success: true } two2)
            cells.AddRange([(ChineseText.Normalize(two2.Groups[1].Value), lines[0].Line), (ChineseText.Normalize(two2.Groups[2].Value), lines[0].Line)]);
        int i = cells.Count > 0 ? lines.Count : 0;
        while (i < lines.Count)
        {
            var (text, line) = lines[i];
            var t = text.Trim();
            if (t.StartsWith('"'))
            {
                var sb = new StringBuilder();
                int startLine = line;
                var body = t[1..];
                while (true)
                {
                    var closing = body.TrimEnd().EndsWith('"');
                    ChineseText.AppendWrapped(sb, ChineseText.Normalize(closing ? body.TrimEnd()[..^1] : body));
                    i++;
                    if (closing || i >= lines.Count) break;
                    body = lines[i].Text.Trim();
                }
                cells.Add((sb.ToString(), startLine));
                continue;
            }
            // Paragraph cells.
            int width = lines.Skip(i).TakeWhile(l => !l.Text.Trim().StartsWith('"')).Max(l => DisplayWidth(l.Text.Trim()));
            var para = new StringBuilder();
            int paraLine = line;
            while (i < lines.Count && !lines[i].Text.Trim().StartsWith('"'))
            {
                var raw = lines[i].Text;
                bool indented = raw.Length > 0 && ChineseText.IsSpace(raw[0]);
                if (para.Length > 0 && (indented || labelBreaks.Contains(i)))
                {
                    cells.Add((para.ToString(), paraLine));
                    para.Clear();
                    paraLine = lines[i].Line;
                }
                var piece = raw.Trim();
                ChineseText.AppendWrapped(para, ChineseText.Normalize(piece));
                i++;
                bool endsSentence = piece.EndsWith('。') || piece.EndsWith('；') || piece.EndsWith('！');
                // A line that does not fill the column and ends a sentence ends the cell's paragraph.
                if (endsSentence && DisplayWidth(piece) < width - 1 && i < lines.Count)
                {
                    cells.Add((para.ToString(), paraLine));
                    para.Clear();
                    if (i < lines.Count) paraLine = lines[i].Line;
                }
            }
            if (para.Length > 0) cells.Add((para.ToString(), paraLine));
        }

        var order = headers.Count >= cells.Count && headers.Count > 0 ? headers
            : kind == FormKind.TargetDeclaration
                ? (cells.Count >= 2 ? [GoalColumn.Overall, GoalColumn.Annual] : [GoalColumn.Annual])
                : [GoalColumn.Expected, GoalColumn.Actual];
        var result = new List<GoalText>();
        for (int c = 0; c < cells.Count; c++)
        {
            var column = order[Math.Min(c, order.Count - 1)];
            result.Add(new GoalText(column, cells[c].Text, cells[c].Line));
        }
        int expected = kind == FormKind.TargetDeclaration ? Math.Max(1, Math.Min(2, headers.Count)) : 2;
        if (cells.Count > expected && lines.Count > 0)
            warnings.Add(new ImportWarning(
                $"第{cells[0].Line}行起：目标栏分出{cells.Count}段，多于{expected}栏，后面的段落并入最后一栏，请核对", cells[0].Line));
        if (cells.Count == 1 && kind == FormKind.SelfEvaluation)
            warnings.Add(new ImportWarning($"第{cells[0].Line}行起：目标栏只读出一段文字，已作为预期目标，实际完成情况为空，请核对", cells[0].Line));
        return result;
    }

    /// <summary>
    /// Two quoted cells side by side, interleaved line by line by the extractor (`"left… "right…`): each line holds
    /// the left cell's piece, a space, and the right cell's piece, until the left cell's closing quote; then the
    /// right cell runs on alone.
    /// </summary>
    private static List<(string Text, int Line)>? TwoQuotedColumns(List<(string Text, int Line)> lines)
    {
        if (lines.Count == 0) return null;
        var first = lines[0].Text.Trim();
        var m = Regex.Match(first, "^\"(?<l>[^\"]*?) \"(?<r>.*)$");
        if (!m.Success) return null;
        var left = new StringBuilder();
        var right = new StringBuilder();
        ChineseText.AppendWrapped(left, ChineseText.Normalize(m.Groups["l"].Value));
        ChineseText.AppendWrapped(right, ChineseText.Normalize(m.Groups["r"].Value));
        bool leftOpen = true;
        for (int i = 1; i < lines.Count; i++)
        {
            var t = lines[i].Text.Trim();
            if (GoalBlockLabelFragments.Contains(Key(t))) continue;
            if (leftOpen)
            {
                int space = t.IndexOf(' ');
                var l = space < 0 ? t : t[..space];
                var r = space < 0 ? "" : t[(space + 1)..];
                if (l.EndsWith('"')) { l = l[..^1]; leftOpen = false; }
                ChineseText.AppendWrapped(left, ChineseText.Normalize(l));
                ChineseText.AppendWrapped(right, ChineseText.Normalize(r));
            }
            else ChineseText.AppendWrapped(right, ChineseText.Normalize(t));
        }
        var rightText = right.ToString();
        if (rightText.EndsWith('"')) rightText = rightText[..^1];
        return [(left.ToString(), lines[0].Line), (rightText, lines[0].Line)];
    }

    /// <summary>Width in half-width columns: CJK characters take two, as on the printed page.</summary>
    private static int DisplayWidth(string s)
    {
        int w = 0;
        foreach (var c in s) w += ChineseText.IsCjk(c) ? 2 : 1;
        return w;
    }

    /// <summary>A bracketed note or a year range printed beside the block (`(2024年)`), not goal text.</summary>
    private static bool IsAnnotation(string text)
    {
        var k = Key(text);
        return (k.StartsWith('(') && k.EndsWith(')') && k.Length < 30) || YearNote().IsMatch(k) || AnnotationFragments.Contains(k);
    }

    [GeneratedRegex(@"^(\S+)\s+(\S+)$")]
    private static partial Regex OneSpaceRun();

    [GeneratedRegex(@"^\(?\d{4}年?-?\d{0,4}年?\)?$")]
    private static partial Regex YearNote();
}
