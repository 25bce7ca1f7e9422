using System.Text;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>
/// Indicator rows in PDF text: the lines are flattened to tokens, group labels are assembled from their fragments,
/// and each run of tokens is read as a row once its values fit the header's roles.
/// </summary>
internal static class TextIndicators
{
    // The most cells a printed indicator row spreads over (name pieces, values, a reason over several lines), and the
    // most a row whose numbers ran together is tried with splits.
    private const int MaxRowCells = 120;
    private const int MaxSplitRow = 16;
    private const int MaxSpacedCell = 120;

    private sealed record Token(string Text, int Line);

    public static IndicatorTable Read(SourceText source, FormKind kind, List<Role> roles, int dataStart, int end, ScoredColumns.Header? scored = null)
    {
        var indicators = new List<Indicator>();
        var warnings = new List<ImportWarning>();
        bool dangling = false;
        // Flatten to tokens; stop at the footer.
        var tokens = new List<Token>();
        int footerRow = end;
        bool reachedFooter = false;
        var lineBreaks = new HashSet<int>(); // token indexes that start a new line
        for (int r = dataStart; r < end && !reachedFooter; r++)
        {
            var cells = source.Rows[r].NonEmpty.ToList();
            if (cells.Count == 0) continue;
            if (IsFooter(cells[0].Text)) { footerRow = r; reachedFooter = true; break; }
            lineBreaks.Add(tokens.Count);
            foreach (var c in cells) tokens.Add(new Token(CellText.Of(c), c.Line));
        }

        var consumed = new bool[tokens.Count];
        string? level1 = null, level2 = null;
        var buffer = new List<(Token Tok, int Index)>();
        int afterLabel = -1; // the token right after the last group label

        // rowEnds: the next line opens a row of its own (a group label, `指标2:`), so the buffer is a whole row and its
        // last cell is the target however it is worded.
        void Flush(bool rowEnds = false)
        {
            // Try to complete an indicator from the buffer.
            var texts = buffer.Select(b => b.Tok.Text).ToList();
            if (IndicatorColumns.CompletesWeight(texts, roles, indicators.LastOrDefault()))
            {
                buffer.Clear();
                return;
            }
            // A row with only its weight and score is the last reading tried: a cell that ran together may hold the
            // target and the actual, and the split below finds them.
            // A header with a status or several score columns is matched from the row's end first (ScoredColumns).
            var fit = (scored is null ? null : ScoredColumns.Fit(texts, scored))
                ?? IndicatorColumns.FitValues(texts, roles, kind, strictTarget: !rowEnds || texts.Count < 2, scoresOnly: false);
            // A split is tried on a row's worth of cells only: on a longer run of text it would refit the run once per
            // cell and cut (a fuzz input of thousands of cells ran for minutes).
            if (fit is null && buffer.Count <= MaxSplitRow && buffer.Any(b => source.IsGluedLine(b.Tok.Line))
                && RunSplits.SplitIndicatorRow(texts, t => IndicatorColumns.FitValues(t, roles, kind, strictTarget: true, scoresOnly: false)) is { } split)
            {
                var at = buffer[split.Index];
                buffer.RemoveAt(split.Index);
                buffer.InsertRange(split.Index, [(at.Tok with { Text = split.Left }, at.Index), (at.Tok with { Text = split.Right }, at.Index)]);
                warnings.Add(new ImportWarning(
                    $"第{at.Tok.Line}行：“{at.Tok.Text}”是连在一起的两格，按表头的列拆为“{split.Left}”和“{split.Right}”（推测），请核对", at.Tok.Line));
                fit = IndicatorColumns.FitValues(split.Cells, roles, kind, strictTarget: true);
            }
            if (fit is null && buffer.Count <= MaxSplitRow && SplitAtSpaces(buffer, source) is { } spaced
                && IndicatorColumns.FitValues(spaced.Select(b => b.Tok.Text).ToList(), roles, kind, strictTarget: true, scoresOnly: false) is { } spacedFit)
            {
                buffer.Clear();
                buffer.AddRange(spaced);
                fit = spacedFit;
            }
            fit ??= IndicatorColumns.FitValues(texts, roles, kind, strictTarget: true);
            if (fit is null && buffer.All(b => ValueParser.IsDash(b.Tok.Text)))
            {
                // A line of dashes only (`指标1:/ / /`, the placeholder gone): a row left unfilled, not the next row's start.
                buffer.Clear();
                return;
            }
            if (fit is null)
            {
                // Text that fits no row however far it runs is not a row: said, and left, so the fit is not tried
                // again on an ever longer run (each try reads the whole run).
                if (buffer.Count > MaxRowCells)
                {
                    var first = buffer[0].Tok.Line;
                    warnings.Add(new ImportWarning($"第{first}行起：{buffer.Count}格文字读不成指标行（没有与表头相符的指标值），未作为指标导入", first));
                    dangling = true;
                    buffer.Clear();
                }
                return;
            }
            // Reason text only counts on the line of the score.
            var cells = buffer.Select((b, i) => new Cell(b.Tok.Text, b.Tok.Line, i)).ToList();
            int scoreLine = cells[fit.End - 1].Line;
            var keep = cells.Where((c, i) => i < fit.End || c.Line == scoreLine).ToList();
            var p = IndicatorColumns.Build(kind, keep, fit);
            if (p.Unplaced.Count > 0) warnings.Add(IndicatorColumns.OneValueShort(p, p.Indicator.Line ?? cells[0].Line));
            p.Indicator.Level1 = level1;
            p.Indicator.Level2 = level2;
            indicators.Add(p.Indicator);
            buffer.Clear();
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            if (consumed[i]) continue;
            if (lineBreaks.Contains(i) && buffer.Count > 0)
                Flush(rowEnds: OpensRow(tokens[i].Text));

            var label = AssembleLabel(tokens, i, consumed, out int used);
            if (label is not null && used == 1 && i == afterLabel && IsNameRepeatingLevel2(label, level2)) label = null;
            if (label is not null)
            {
                for (int k = i; k < i + used; k++) consumed[k] = true;
                // A group label printed in the 一级 and again in the 二级 column (`满意度指标 满意度指标`) is both; an
                // older form's 成本指标 under 产出指标 printed twice (long-term and annual columns) is the 二级 both times.
                var next = i + used < tokens.Count ? tokens[i + used].Text : "";
                var asLevel1 = Level1Of(label);
                bool level2Follows = Level2Of(next) is not null
                    || (Level1Of(next) is { } n && !(n == asLevel1 && asLevel1 == Framework.Cost && level1 == Framework.Output));
                if (asLevel1 is { } c && IsCostUnderOutput(c, level1, level2Follows)) level2 = c;
                else if (asLevel1 is { } same && same == level1 && level2 is null && i == afterLabel) level2 = same;
                else if (asLevel1 is { } l1) { if (l1 != level1) level2 = null; level1 = l1; }
                else if (Level2Of(label) is { } l2) { level1 = ImpliedLevel1(l2, level1, level2); level2 = l2; }
                i += used - 1;
                afterLabel = i + 1;
                continue;
            }
            var text = tokens[i].Text;
            if (IsTableFurniture(text)) continue;
            buffer.Add((tokens[i], i));
        }
        // A row just above the footer is whole; one the file stopped in may be cut.
        if (buffer.Count > 0) Flush(rowEnds: reachedFooter);
        if (buffer.Count > 0)
        {
            // Text left over with no values: a row cut off, or a row the reader could not read.
            var line = buffer[0].Tok.Line;
            warnings.Add(new ImportWarning($"第{line}行：“{ChineseText.JoinWrapped(buffer.Select(b => b.Tok.Text))}”后没有指标值，未作为指标导入", line));
            dangling = true;
        }
        return new IndicatorTable(indicators, warnings, reachedFooter, footerRow, dangling);
    }

    /// <summary>
    /// Builds a group label from fragments (`满意` `度指` `标`). A fragment run that is the start of exactly one label
    /// is taken as that label when the rest of it follows within a few tokens (a merged cell printed around its rows).
    /// </summary>
    private static string? AssembleLabel(List<Token> tokens, int i, bool[] consumed, out int used)
    {
        used = 0;
        var first = StripScore(Key(tokens[i].Text));
        if (!IsAssemblablePrefix(first) && Level1Of(first) is null && Level2Of(first) is null && !IsNoiseLabel(first))
            return null;
        var sb = new StringBuilder();
        string? best = null;
        int bestUsed = 0;
        int j = i;
        while (j < tokens.Count && j - i < 6)
        {
            if (consumed[j]) break;
            sb.Append(StripScore(Key(tokens[j].Text)));
            var s = sb.ToString();
            if (Level1Of(s) is not null || Level2Of(s) is not null || IsNoiseLabel(s)) { best = s; bestUsed = j - i + 1; }
            if (!IsAssemblablePrefix(s)) break;
            j++;
        }
        // A label printed without its 指标 (服务对象满意度) may be the start of the full one whose `指标` stands a row
        // further on (a merged cell printed around its row): the full label is preferred when its remainder follows.
        if (best is not null && !best.EndsWith("指标", StringComparison.Ordinal) && CompletedLater(tokens, i, consumed, out int laterUsed) is { } full)
        {
            used = laterUsed;
            return full;
        }
        if (best is not null)
        {
            used = bestUsed;
            return Level1Of(best) ?? Level2Of(best) ?? best;
        }
        return CompletedLater(tokens, i, consumed, out used);
    }

    /// <summary>A partial label completed later: the unique label the fragments begin, then its remainder ahead.</summary>
    private static string? CompletedLater(List<Token> tokens, int i, bool[] consumed, out int used)
    {
        used = 0;
        var sb = new StringBuilder();
        int j;
        for (j = i; j < tokens.Count && j - i < 6 && !consumed[j]; j++)
        {
            sb.Append(Key(tokens[j].Text));
            var s = sb.ToString();
            var candidates = AssemblableLabelsLongerThan(s);
            if (candidates.Length == 0) break;
            if (j + 1 < tokens.Count && IsAssemblablePrefix(s + Key(tokens[j + 1].Text))) continue;
            if (candidates.Length != 1 || s.Length < 2) break;
            var label = candidates[0];
            var remainder = label[s.Length..];
            // Look ahead for tokens that spell the remainder.
            for (int k = j + 1; k < tokens.Count && k - j <= 14; k++)
            {
                if (consumed[k]) continue;
                var rest = new StringBuilder();
                int m = k;
                while (m < tokens.Count && rest.Length < remainder.Length && !consumed[m]) { rest.Append(Key(tokens[m].Text)); m++; }
                if (rest.ToString() == remainder)
                {
                    for (int q = k; q < m; q++) consumed[q] = true;
                    used = j - i + 1;
                    return Level1Of(label) ?? Level2Of(label) ?? label;
                }
            }
            break;
        }
        return null;
    }

    /// <summary>
    /// A token that opens a row: a group label, or the first piece of one wrapped over lines (`项目效益` / `指标`), or a
    /// template's numbered name.
    /// </summary>
    private static bool OpensRow(string text)
    {
        if (Level1Of(text) is not null || Level2Of(text) is not null || IsNumberedName(text)) return true;
        var k = Key(text);
        return k.Length >= 3 && StartsGroupLabel(k);
    }

    /// <summary>
    /// The buffer with the cells of glued lines cut where the printed line has spaces: the glued-text pass found the
    /// cells by their labels and dropped the spaces, but text between two labels may still hold the extractor's cell
    /// boundaries (`补助资格合规性 合规 达成预期指标`). Null when no such cell was printed with a space. Taken only when
    /// the cut row fits the header's value columns.
    /// </summary>
    private static List<(Token Tok, int Index)>? SplitAtSpaces(List<(Token Tok, int Index)> buffer, SourceText source)
    {
        List<(Token Tok, int Index)>? result = null;
        for (int b = 0; b < buffer.Count; b++)
        {
            var (tok, index) = buffer[b];
            var pieces = tok.Text.Length >= 4 && source.IsGluedLine(tok.Line) && Printed(source, tok) is { } printed
                ? printed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : [];
            if (pieces.Length < 2)
            {
                result?.Add(buffer[b]);
                continue;
            }
            result ??= buffer.Take(b).ToList();
            foreach (var p in pieces) result.Add((tok with { Text = ChineseText.Normalize(p) }, index));
        }
        return result;
    }

    /// <summary>A cell's text as its line printed it, spaces included: the first span that reads as it without them.</summary>
    private static string? Printed(SourceText source, Token tok)
    {
        if (tok.Line < 1 || tok.Line > source.Lines.Count) return null;
        var line = source.Lines[tok.Line - 1];
        var text = tok.Text;
        // A row's cell is short; the scan below costs the line's length times the cell's (a fuzz input's cell of 158,000
        // characters on a line as long ran for minutes).
        if (text.Length > MaxSpacedCell) return null;
        for (int start = line.IndexOf(text[0]); start >= 0; start = line.IndexOf(text[0], start + 1))
        {
            int i = start, k = 0;
            while (i < line.Length && k < text.Length)
            {
                if (line[i] == text[k]) { i++; k++; }
                else if (line[i] == ' ' && k > 0) i++;
                else break;
            }
            if (k == text.Length) return line[start..i];
        }
        return null;
    }

    /// <summary>
    /// A 三级 name printed as its 二级 without 指标, right after it (服务对象满意度指标 | 服务对象满意度 | …): the name in its
    /// own column, not the group printed again.
    /// </summary>
    private static bool IsNameRepeatingLevel2(string label, string? level2) =>
        level2 is not null && Level1Of(label) is null && Level2Of(label) is { } again && level2 == again + "指标";

    /// <summary>A template's numbered row name (`指标1:安置小区物业费`): it opens a row.</summary>
    private static bool IsNumberedName(string text) =>
        text.Length > 3 && text.StartsWith("指标", StringComparison.Ordinal) && char.IsAsciiDigit(text[2]);

    private static string StripScore(string k)
    {
        int p = k.IndexOf('(');
        return p > 0 && k.EndsWith("分)", StringComparison.Ordinal) ? k[..p] : k;
    }
}
