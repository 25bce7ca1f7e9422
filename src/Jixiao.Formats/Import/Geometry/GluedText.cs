using System.Text;
using Jixiao.Core.Text;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>
/// The geometry pass for text whose cells ran together (a Word or PDF file's text with every cell glued to the
/// next: `项目名称水土保持监测主管部门黄冈市水利和湖泊局…`). Cells are found again by the vocabulary (every label the
/// reader knows, longest first) and by the value grammar (a comparator, digits, a percent sign, a unit); a title
/// (`…绩效自评表`) becomes a row of its own, a label starts a row, and the name after a row's values starts the next
/// one, as the printed table's rows did.
/// </summary>
internal static class GluedText
{
    private enum Kind { Label, Value, Text, Title }

    private const int WholeFormOnOneLine = 300;

    private readonly record struct Token(Kind Kind, string Text);

    /// <summary>
    /// A line is glued when its text has no separators and holds labels run into other text: two labels or more, or
    /// one label with a value or a title run on behind it. A line that is one label, or a sentence that mentions one,
    /// is not.
    /// </summary>
    public static bool IsGlued(string line)
    {
        var t = line.Trim();
        if (t.Length < 8 || t.Contains('\t') || t.Contains('|') || t.Contains("  ") || IsNote(t)) return false;
        // Cells separated by single spaces are a spaced layout, not glued text.
        // Cells separated by single spaces are a spaced layout, not glued text, unless a whole form stands on one
        // line (an office file's text): then its rows are found the same way.
        int spaces = t.AsSpan().Count(' ');
        if (spaces * 15 > t.Length && t.Length < WholeFormOnOneLine && LabelsAcrossSpaces(t) < 2) return false;
        var key = KeyChars(ChineseText.Normalize(t));
        int labels = 0, glued = 0, first = -1;
        for (int i = 0; i < key.Length; i++)
        {
            if (LabelAt(key, i) is not { } l) continue;
            if (first < 0) first = i;
            labels++;
            if (i > 0 && key[i - 1] != ' ') glued++;
            if (i + l.Length < key.Length && key[i + l.Length] != ' ') glued++;
            i += l.Length - 1;
        }
        if (labels == 0) return false;
        // An indicator row glued to its group label: `质量指标校舍维修改造质量合格率100%`.
        // A header label glued to its value: `项目名称农村义务教育薄弱学校改造补助资金`.
        if (labels == 1)
            return first == 0 && glued == 1 && spaces == 0 &&
                   (char.IsAsciiDigit(key[^1]) || key[^1] == '%' || HeaderFieldOf(LabelAt(key, 0)!) is not null);
        // Labels close together, not a sentence that names one or two of them.
        return glued >= 2 && labels * 100 >= 5 * key.Length / 2;
    }

    /// <summary>
    /// Labels broken by a space inside them (`质量 指标`, `一级 指标`): a Word file's text wraps cells so, a spaced layout
    /// never does. Two or more make the spaces breaks inside cells, not separators.
    /// </summary>
    private static int LabelsAcrossSpaces(string t)
    {
        var sb = new StringBuilder(t.Length);
        var spaceAt = new List<int>();
        foreach (var c in t)
            if (c == ' ') spaceAt.Add(sb.Length); else sb.Append(c);
        if (spaceAt.Count == 0) return 0;
        var key = KeyChars(sb.ToString());
        int n = 0;
        for (int i = 0; i < key.Length; i++)
        {
            if (LabelAt(key, i) is not { } l) continue;
            int from = i, to = i + l.Length;
            if (AnyBetween(spaceAt, from, to)) n++;
            i = to - 1;
        }
        return n;
    }

    private static bool AnyBetween(List<int> positions, int from, int to)
    {
        foreach (var p in positions) if (p > from && p < to) return true;
        return false;
    }

    private static bool IsNote(string t) => t.StartsWith('注') || t.StartsWith("说明", StringComparison.Ordinal) || StartsScoringMethodNote(t);

    /// <summary>
    /// A long line that carries a form's title inside run-on text (a notice, then `附件2…绩效目标表项目名称…`): the
    /// line cut before each title, so the title starts a part of its own and the form after it can be read. A line
    /// without a title inside it is one part.
    /// </summary>
    public static List<string> Parts(string line)
    {
        if (line.Length < LongLine) return [line];
        var cuts = new SortedSet<int>();
        foreach (var end in TitleWordEnds(line))
        {
            int start = end - 1;
            while (start > 0 && end - start < 48 && !EndsTitleSearch(line[start - 1]) && !AfterAnnexNumber(line, start)) start--;
            if (start > 0) cuts.Add(start);
        }
        if (cuts.Count == 0) return [line];
        var parts = new List<string>(cuts.Count + 1);
        int from = 0;
        foreach (var cut in cuts)
        {
            if (cut - from > 0) parts.Add(line[from..cut]);
            from = cut;
        }
        parts.Add(line[from..]);
        return parts;
    }

    private const int LongLine = 120;

    /// <summary>`附件2` or `附件` just before: the title starts after it.</summary>
    private static bool AfterAnnexNumber(string line, int at)
    {
        int i = at;
        while (i > 0 && char.IsAsciiDigit(line[i - 1])) i--;
        return i >= AnnexWord.Length && string.CompareOrdinal(line, i - AnnexWord.Length, AnnexWord, 0, AnnexWord.Length) == 0;
    }

    /// <summary>
    /// A table's first cell that carries the text before the table glued to its first column head (`详情见附件(…)一级指标`):
    /// the text and the head as two cells, or null.
    /// </summary>
    public static (string Before, string Head)? TrailingHead(string cell)
    {
        var t = cell.Trim();
        foreach (var head in LeadingColumnHeads)
            if (t.Length - head.Length >= 6 && t.EndsWith(head, StringComparison.Ordinal)) return (t[..^head.Length], head);
        return null;
    }

    private static readonly string[] LeadingColumnHeads = ["一级指标", "项目名称"];

    /// <summary>The glued line's rows, each a list of cell texts.</summary>
    public static List<List<string>> Rows(string line)
    {
        var tokens = NumbersInNames(Tokens(WithUnitNotesOnLabels(KeyChars(ChineseText.Normalize(line.Trim())))));
        var rows = new List<List<string>>();
        List<string>? row = null;
        Token? previous = null;
        foreach (var t in tokens)
        {
            bool newRow = row is null || t.Kind switch
            {
                Kind.Title => true,
                Kind.Label => previous is not { Kind: Kind.Label } p || !(IsColumnHead(p.Text) && IsColumnHead(t.Text)),
                Kind.Text => previous is { Kind: Kind.Value or Kind.Title },
                _ => previous is { Kind: Kind.Title },
            };
            if (newRow) rows.Add(row = new List<string>());
            row!.Add(t.Text);
            previous = t;
        }
        return rows;
    }

    /// <summary>
    /// A value inside a name is the name's (`5000吨稻谷、500吨成品粮储备到位率`): a value between two texts, or between a
    /// group label and a text, is joined to the text after it.
    /// </summary>
    private static List<Token> NumbersInNames(List<Token> tokens)
    {
        var joined = new List<Token>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            bool inName = t.Kind == Kind.Value && i + 1 < tokens.Count && tokens[i + 1].Kind == Kind.Text && i > 0
                          && (tokens[i - 1].Kind == Kind.Text || (tokens[i - 1].Kind == Kind.Label && (Level1Of(tokens[i - 1].Text) ?? Level2Of(tokens[i - 1].Text)) is not null));
            if (!inName) { joined.Add(t); continue; }
            var text = t.Text + tokens[i + 1].Text;
            i++;
            if (joined.Count > 0 && joined[^1].Kind == Kind.Text && tokens[i - 2].Kind == Kind.Text) joined[^1] = joined[^1] with { Text = joined[^1].Text + text };
            else joined.Add(new Token(Kind.Text, text));
        }
        return joined;
    }

    /// <summary>
    /// A line of a glued text that holds a name and its value run together and no label (`购置设施设备质量合格率100%`):
    /// the name and the value, or null.
    /// </summary>
    public static (string Name, string Value)? TrailingValue(string line)
    {
        var t = line.Trim();
        if (t.Length < 4 || t.Any(ChineseText.IsSpace)) return null;
        int end = t.Length;
        foreach (var u in ValueUnits)
            if (t.EndsWith(u, StringComparison.Ordinal)) { end -= u.Length; break; }
        if (end == t.Length && t[^1] == '%') end--;
        int i = end;
        while (i > 0 && (char.IsAsciiDigit(t[i - 1]) || t[i - 1] == '.')) i--;
        if (i == end || end == 0 || !char.IsAsciiDigit(t[end - 1])) return null;
        while (i > 0 && IsComparatorChar(t[i - 1])) i--;
        if (i < 2 || !ChineseText.IsCjk(t[i - 1]) || TitleKindOf(t) is not null) return null;
        return (t[..i], t[i..]);
    }

    private static List<Token> Tokens(string s)
    {
        var tokens = new List<Token>();
        var text = new StringBuilder();
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (ChineseText.IsSpace(c) || c == '：') { Flush(); i++; continue; }
            // A page's list marker (`1、`, `2、`) is not part of any cell: document mirrors number their pages so.
            if (char.IsAsciiDigit(c) && ListMarkerLength(s, i) is > 0 and var marker) { Flush(); i += marker; continue; }
            if (LabelAt(s, i) is { } label)
            {
                Flush();
                int end = i + label.Length;
                // A bracketed note belongs to its label: 预算数(A), 执行率(B/A), 产出指标(50分).
                if (end < s.Length && s[end] == '(')
                {
                    int close = s.IndexOf(')', end);
                    if (close > end && close - end <= 16 && s.AsSpan(end + 1, close - end - 1).IndexOf('(') < 0) end = close + 1;
                }
                tokens.Add(new Token(Kind.Label, s[i..end]));
                i = end;
                continue;
            }
            // A year after a title is the title's (`…绩效目标表(2025年度)`, `…绩效目标表2023年度`), not a value of the header.
            if (text.Length > 0 && TitleYearLength(s, i, text[^1]) is > 0 and var yearLength && TitleKindOf(text.ToString()) is not null)
            {
                text.Append(s, i, yearLength);
                i += yearLength;
                Flush();
                continue;
            }
            // A code joined to a name by a dash (`219-池州市…`, a 主管部门 with its code) is the name's, not a value.
            if (CodePrefixLength(s, i) is > 0 and var codeLength)
            {
                text.Append(s, i, codeLength);
                i += codeLength;
                continue;
            }
            if (IsValueStart(s, i) && text.Length > 0 is var afterText && !(afterText && EndsInNumberWord(text)))
            {
                Flush();
                int end = ValueEnd(s, i);
                tokens.Add(new Token(Kind.Value, s[i..end]));
                i = end;
                continue;
            }
            text.Append(c);
            i++;
        }
        Flush();
        return tokens;

        void Flush()
        {
            if (text.Length == 0) return;
            var t = text.ToString();
            text.Clear();
            // A year before a title is the title's: `2020` + `年度…绩效自评表`.
            if (TitleKindOf(t) is not null && t.Contains(TitleEnding))
            {
                if (tokens.Count > 0 && tokens[^1] is { Kind: Kind.Value } y && y.Text.Length == 4 && t.StartsWith('年'))
                {
                    tokens.RemoveAt(tokens.Count - 1);
                    t = y.Text + t;
                }
                tokens.Add(new Token(Kind.Title, t));
            }
            // A target and an actual value that ran together, both the same word: `显著提升显著提升`.
            else if (t.Length is >= 4 and <= 16 && t.Length % 2 == 0 && t[..(t.Length / 2)] == t[(t.Length / 2)..] && tokens.Count > 0 && tokens[^1].Kind == Kind.Value)
            {
                tokens.Add(new Token(Kind.Text, t[..(t.Length / 2)]));
                tokens.Add(new Token(Kind.Text, t[(t.Length / 2)..]));
            }
            // A name and its 指标解释 ran together: `开展修复工程(个)反映防洪水利设施…`.
            else if (t.Length > 6 && t.IndexOf(ExplanationWord, 2, StringComparison.Ordinal) is var at and > 1 && IsIndicatorExplanation(t[at..]))
            {
                tokens.Add(new Token(Kind.Text, t[..at]));
                tokens.Add(new Token(Kind.Text, t[at..]));
            }
            else tokens.Add(new Token(Kind.Text, t));
        }
    }

    /// <summary>Digits and the dash after them when a CJK character follows (`219-` of `219-池州市…`): their length, or 0.</summary>
    private static int CodePrefixLength(string s, int i)
    {
        if (i > 0 && char.IsAsciiDigit(s[i - 1])) return 0;
        int j = i;
        while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
        return j - i >= 2 && j + 1 < s.Length && s[j] is '-' or '－' && ChineseText.IsCjk(s[j + 1]) ? j - i + 1 : 0;
    }

    /// <summary>
    /// A title's year at <paramref name="i"/>: after an opening bracket `2025年度)` or `2025年)`, right after the title's
    /// 表 `2023年度`; its length, or 0.
    /// </summary>
    private static int TitleYearLength(string s, int i, char before)
    {
        if (before is not ('(' or TitleEnding) || i + 6 > s.Length || s.AsSpan(i, 4).ContainsAnyExceptInRange('0', '9') || s[i + 4] != '年') return 0;
        if (before == TitleEnding) return s[i + 5] == '度' ? 6 : 0;
        if (s[i + 5] == ')') return 6;
        return i + 7 <= s.Length && s[i + 5] == '度' && s[i + 6] == ')' ? 7 : 0;
    }

    private static int ListMarkerLength(string s, int i)
    {
        int j = i;
        while (j < s.Length && j - i < 2 && char.IsAsciiDigit(s[j])) j++;
        return j < s.Length && s[j] == '、' && (i == 0 || !char.IsAsciiDigit(s[i - 1])) ? j - i + 1 : 0;
    }

    /// <summary>Digits inside a word stay in it: `第1季度`, `2020年度`, a name ending in `1、`.</summary>
    private static bool EndsInNumberWord(StringBuilder text) => text[^1] is '第' or '近' or '前' or '后';

    private static bool IsValueStart(string s, int i) =>
        char.IsAsciiDigit(s[i]) || (IsComparatorChar(s[i]) && i + 1 < s.Length && (char.IsAsciiDigit(s[i + 1]) || s[i + 1] == '='));

    /// <summary>A comparator, the number (digits, a point, commas, a range dash), a percent sign, a known unit.</summary>
    private static int ValueEnd(string s, int i)
    {
        while (i < s.Length && IsComparatorChar(s[i])) i++;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] is '.' or ',' || (s[i] == '-' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))) i++;
        if (i < s.Length && s[i] == '%') return i + 1;
        foreach (var u in ValueUnits)
            if (string.CompareOrdinal(s, i, u, 0, u.Length) == 0 && LabelAt(s, i) is null && !StartsYearWord(s, i)) return i + u.Length;
        return i;
    }

    /// <summary>`2020年度…`: the year's 年 belongs to the word 年度 (a title), not to a value `2020年`.</summary>
    private static bool StartsYearWord(string s, int i) => s[i] == '年' && i + 1 < s.Length && s[i + 1] == '度';

    /// <summary>
    /// A money unit in brackets after a space (`项目资金 (万元)`, `年初预算数 (万元)`) is the note of the label before it, as
    /// when it is printed against it: the space is dropped so the label and its note are one cell.
    /// </summary>
    private static string WithUnitNotesOnLabels(string s) =>
        s.Contains(" (", StringComparison.Ordinal) ? s.Replace(" (万元)", "(万元)", StringComparison.Ordinal).Replace(" (元)", "(元)", StringComparison.Ordinal) : s;

    /// <summary>The text with brackets and colons as the vocabulary's keys have them (`(`, `：`), character for character.</summary>
    private static string KeyChars(string s)
    {
        // Most lines have none of these: the line itself, not a copy.
        if (s.AsSpan().IndexOfAny("（）:％") < 0) return s;
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            chars[i] = chars[i] switch { '（' => '(', '）' => ')', ':' => '：', '％' => '%', _ => chars[i] };
        return new string(chars);
    }
}
