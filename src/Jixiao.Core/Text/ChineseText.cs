using System.Buffers;
using System.Text;

namespace Jixiao.Core.Text;

/// <summary>
/// The one text normalisation every layout goes through, so that three renderings of one form give one model
/// (docs/json-format.md, "Text"). PDF extractors add spaces beside CJK characters and break cells at arbitrary
/// places; Chinese typesetting has neither, so both are removed where a CJK character stands beside them.
/// </summary>
public static class ChineseText
{
    public static bool IsCjk(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') ||   // unified ideographs
        (c >= '\u3400' && c <= '\u4DBF') ||   // extension A
        (c >= '\u3000' && c <= '\u303F') ||   // CJK punctuation 、。〈〉《》「」【】
        (c >= '\uFF00' && c <= '\uFFEF') ||   // full-width forms （），：；！？
        (c >= '\u2018' && c <= '\u201F') ||   // curly quotes “” ‘’, used as Chinese quotes
        c == '\u2026' || c == '\u2014' || c == '\u00B7'; // … — ·

    private static bool IsAsciiWordChar(char c) => c < 128 && char.IsLetterOrDigit(c);

    /// <summary>Normalises one cell's text: strips HTML tags, joins wrapped lines, folds and drops spaces.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (!NeedsNormalizing(text)) return text;
        // The stages normalise the same cell again and again (each reads it through CellText): the work is done once
        // per cell.
        return IdentityMemo.Get(ref t_normalized, NormalizedMemoSize, text, NormalizeText);
    }

    private const int NormalizedMemoSize = 128;
    [ThreadStatic] private static (string?, string)[]? t_normalized;

    private static string NormalizeText(string text)
    {
        var s = StripTags(text);
        var sb = new StringBuilder(s.Length);
        // Line by line (CR LF, CR, LF): each line's spaces folded (FoldSpaces), the line appended by the wrap rule
        // (AppendWrapped), a line of nothing but spaces left out; in one builder, without a string per line.
        int at = 0;
        while (at <= s.Length)
        {
            int end = s.AsSpan(at).IndexOfAny('\r', '\n');
            end = end < 0 ? s.Length : at + end;
            AppendFoldedLine(sb, s.AsSpan(at, end - at));
            at = end + (end + 1 < s.Length && s[end] == '\r' && s[end + 1] == '\n' ? 2 : 1);
        }
        return sb.ToString();
    }

    /// <summary>
    /// One line's white space runs folded (one space, none between CJK and CJK or digit, none at either end), the line
    /// appended by the wrap rule (<see cref="AppendWrapped"/>), straight into the builder; a line of spaces adds nothing.
    /// </summary>
    private static void AppendFoldedLine(StringBuilder sb, ReadOnlySpan<char> line)
    {
        bool started = false;
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (IsSpace(c))
            {
                int j = i;
                while (j < line.Length && IsSpace(line[j])) j++;
                // The run follows a character of this line (sb[^1]): one space stays unless it disappears.
                if (started && j < line.Length && !SpaceDisappears(sb[^1], line[j])) sb.Append(' ');
                i = j;
                continue;
            }
            if (!started)
            {
                if (sb.Length > 0 && IsAsciiWordChar(sb[^1]) && IsAsciiWordChar(c)) sb.Append(' ');
                started = true;
            }
            // The run of characters up to the next space, appended at once (a goal paragraph has hundreds).
            int end = i + 1;
            while (end < line.Length && !IsSpace(line[end])) end++;
            sb.Append(line[i..end]);
            i = end;
        }
    }

    // '\n' and '\r' are white space; a tag starts with '<'.
    private static bool NeedsNormalizing(string text)
    {
        if (text.Length > 32) return text.AsSpan().ContainsAny(NormalizeTriggers);
        foreach (var c in text) if (c == '<' || IsSpace(c)) return true;
        return false;
    }

    /// <summary>
    /// Appends a wrapped continuation of a cell. The break disappears when the character on either side is not an
    /// ASCII letter or digit (wrapped Chinese re-joins with no seam); between two ASCII words it becomes a space.
    /// </summary>
    public static void AppendWrapped(StringBuilder sb, string fragment)
    {
        if (fragment.Length == 0) return;
        if (sb.Length > 0 && IsAsciiWordChar(sb[^1]) && IsAsciiWordChar(fragment[0])) sb.Append(' ');
        sb.Append(fragment);
    }

    /// <summary>Joins cell fragments that a layout split over lines or tokens, with the wrap rule.</summary>
    public static string JoinWrapped(IEnumerable<string> fragments)
    {
        var sb = new StringBuilder();
        foreach (var f in fragments) AppendWrapped(sb, Normalize(f));
        return sb.ToString();
    }

    /// <summary>
    /// Joins tokens that stood on one line separated by spaces: the space stays unless a CJK character is on
    /// one side and a CJK character or digit on the other.
    /// </summary>
    public static string JoinInline(IEnumerable<string> tokens) => FoldSpaces(string.Join(' ', tokens));

    /// <summary>Folds white space runs to one space and removes it between CJK and CJK or digit.</summary>
    public static string FoldSpaces(string s)
    {
        // Into an empty builder the wrap rule adds nothing: what is left is the folding.
        var sb = new StringBuilder(s.Length);
        AppendFoldedLine(sb, s);
        return sb.ToString();
    }

    private static bool SpaceDisappears(char before, char after) =>
        (IsCjk(before) && (IsCjk(after) || char.IsDigit(after))) ||
        (IsCjk(after) && char.IsDigit(before));

    /// <summary>
    /// White space as <see cref="char.IsWhiteSpace"/> says (NBSP and U+3000 included), and the BOM. Answered without the
    /// runtime's Unicode table for the characters of Chinese text: outside Latin-1 only U+1680, U+2000–U+200A,
    /// U+2028/2029, U+202F, U+205F and U+3000 are white space (a test compares every char with char.IsWhiteSpace).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) =>
        c > '\u3000' ? c == '\uFEFF' : c <= '\u00FF' ? char.IsWhiteSpace(c) : c == '\u3000' || (c >= '\u1680' && char.IsWhiteSpace(c));

    /// <summary>Every character <see cref="IsSpace"/> is true of (a test holds the list to it).</summary>
    public const string SpaceCharacters =
        "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

    private static readonly SearchValues<char> Spaces = SearchValues.Create(SpaceCharacters);
    private static readonly SearchValues<char> NormalizeTriggers = SearchValues.Create(SpaceCharacters + "<");

    /// <summary>Whether the text has a space character (<see cref="IsSpace"/>): a vectorised scan for long text.</summary>
    public static bool HasSpace(ReadOnlySpan<char> s)
    {
        // The search's set-up costs more than a loop over a label's few characters.
        if (s.Length > 32) return s.ContainsAny(Spaces);
        foreach (var c in s) if (IsSpace(c)) return true;
        return false;
    }

    /// <summary>Exactly <see cref="char.IsWhiteSpace"/>, without its Unicode table lookup for CJK characters.</summary>
    public static bool IsWhiteSpace(char c) =>
        c <= '\u00FF' ? char.IsWhiteSpace(c) : c == '\u3000' || (c is >= '\u1680' and <= '\u205F' && char.IsWhiteSpace(c));

    /// <summary>A CJK unified ideograph (U+4E00–U+9FFF): a Chinese character of a name or label.</summary>
    public static bool IsHan(char ch) => ch is >= '\u4e00' and <= '\u9fff';

    /// <summary>Exactly <see cref="char.IsDigit"/>, without its Unicode table lookup for Latin-1 and CJK ideographs.</summary>
    public static bool IsDigit(char c) =>
        c <= '\u00FF' ? char.IsAsciiDigit(c) : c is not (>= '\u4E00' and <= '\u9FFF') && char.IsDigit(c);

    /// <summary>Removes HTML tags such as &lt;p&gt; that web extractions leave in cells.</summary>
    public static string StripTags(string s)
    {
        if (s.IndexOf('<') < 0) return s;
        var sb = new StringBuilder(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            if (s[i] == '<')
            {
                int close = s.IndexOf('>', i + 1);
                if (close > i && IsTag(s.AsSpan(i + 1, close - i - 1)))
                {
                    // A block tag separates text the way a line break does.
                    sb.Append('\n');
                    i = close + 1;
                    continue;
                }
            }
            // Up to the next '<', at once.
            int next = s.IndexOf('<', i + 1);
            if (next < 0) next = s.Length;
            sb.Append(s.AsSpan(i, next - i));
            i = next;
        }
        return sb.ToString();
    }

    private static bool IsTag(ReadOnlySpan<char> inner)
    {
        var t = inner.TrimStart('/').Trim();
        if (t.Length == 0 || t.Length > 40) return false;
        int end = 0;
        while (end < t.Length && char.IsAsciiLetterOrDigit(t[end])) end++;
        var name = t[..end].ToString().ToLowerInvariant();
        return name is "p" or "br" or "div" or "span" or "td" or "tr" or "b" or "strong" or "font";
    }

    /// <summary>Removes every space: for labels and units, where spaces are never meaningful.</summary>
    public static string RemoveSpaces(string s)
    {
        if (!HasSpace(s)) return s;
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) if (!IsSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>Full-width digits, letters, brackets and operators to their ASCII forms (for parsing, not display).</summary>
    public static string ToHalfWidth(string s)
    {
        bool any = false;
        foreach (var c in s) if ((c >= '\uFF01' && c <= '\uFF5E') || c == '\u3000') { any = true; break; }
        if (!any) return s;
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c >= '\uFF01' && c <= '\uFF5E') sb.Append((char)(c - 0xFEE0));
            else if (c == '\u3000') sb.Append(' ');
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
