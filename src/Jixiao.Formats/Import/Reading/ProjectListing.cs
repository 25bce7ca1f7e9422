using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>
/// A department's listing of its projects' targets (安徽's …项目绩效目标和指标: 单位编码 | 单位名称(项目类别/支出项目) |
/// 年度预算安排 | 项目内容 | 绩效目标), not a form of its own: each entry is a name and its amount, and a project's
/// entry is followed by its content in bracketed headings (【项目概况】, 【产出指标-数量指标】) with its indicators under
/// them as `指标1:名称(目标)`. Totals and subtotals have the same cells but no content: they are not forms.
/// </summary>
internal static class ProjectListing
{
    // Indexes into the listing's printed lines (a glued-text pass may have cut one line into several rows: the
    // listing is read by its lines).
    private sealed record Entry(int Name, int Amount, int First, bool Coded);

    /// <summary>The listing's title row, or -1 when the file is not a listing.</summary>
    public static int Find(SourceText source)
    {
        var rows = source.Rows;
        for (int r = 0; r < rows.Count; r++)
        {
            // Every row is asked: its joined text (a new string) only when its last cell can end the title.
            if (!MayEndListingTitle(rows[r])) continue;
            var text = rows[r].JoinedText;
            if (text.Length is 0 or > 90 || !IsListingTitle(text)) continue;
            // The listing's heads follow its title: a budget column and a target column.
            bool budget = false, goal = false;
            for (int h = r + 1; h < Math.Min(rows.Count, r + 24); h++)
                foreach (var c in rows[h].NonEmptyCells)
                {
                    budget |= ProjectColumnOf(c.Text) == ProjectColumn.Budget;
                    goal |= ProjectColumnOf(c.Text) == ProjectColumn.Goal;
                }
            if (budget && goal) return r;
        }
        return -1;
    }

    private static bool MayEndListingTitle(Row row)
    {
        var cells = row.NonEmptyCells;
        if (cells.Length == 0) return false;
        var last = cells[^1].Text;
        int end = last.Length - 1;
        while (end >= 0 && ChineseText.IsSpace(last[end])) end--;
        return end >= 0 && last[end] == ListingTitleEnd[^1];
    }

    public static List<PerformanceForm> Read(SourceText source, int titleRow)
    {
        var rows = source.Rows;
        // The non-blank printed lines after the title, each with its number.
        var text = new List<(int Line, string Text)>();
        for (int l = rows[titleRow].Line; l < source.Lines.Count; l++)
            if (ChineseText.Normalize(source.Lines[l]).Trim() is { Length: > 0 } t) text.Add((l + 1, t));
        var entries = Entries(text);
        var title = rows[titleRow].JoinedText;
        int? year = ValueParser.ParseYear(title) ?? (Regex.Match(title, @"((?:19|20)\d{2})年") is { Success: true } m ? int.Parse(m.Groups[1].Value) : null);
        var forms = new List<PerformanceForm>();
        for (int e = 0; e < entries.Count; e++)
        {
            var entry = entries[e];
            int end = e + 1 < entries.Count ? entries[e + 1].First : text.Count;
            bool hasContent = entry.Amount + 1 < end && text[entry.Amount + 1].Text.StartsWith('【');
            bool cut = entry.Amount + 1 == text.Count;
            // A total or a subtotal has no content; an entry the file stopped after its amount is a project when it
            // prints its unit's code (a 项目类别's subtotal does not), its content lost.
            if (!hasContent && !(cut && entry.Coded)) continue;
            var form = new TargetDeclaration
            {
                Source = new SourceRef(source.File, text[entry.Name].Line),
                Year = year,
                ProjectName = text[entry.Name].Text,
            };
            form.Funds.AnnualTotal = ValueParser.ParseNumber(text[entry.Amount].Text);
            if (hasContent) form.Indicators.AddRange(Indicators(text.Skip(entry.Amount + 1).Take(end - entry.Amount - 1), form.Warnings));
            form.Complete = hasContent && form.Indicators.Count > 0 && e + 1 < entries.Count;
            if (!form.Complete) form.Warnings.Add(Completeness.CutOff(text[end - 1].Line));
            forms.Add(form);
        }
        return forms;
    }

    /// <summary>
    /// The entries: a text row followed by a row holding only an amount; the unit's code printed on the row before the
    /// name is part of the entry.
    /// </summary>
    private static List<Entry> Entries(List<(int Line, string Text)> text)
    {
        var entries = new List<Entry>();
        for (int i = 0; i + 1 < text.Count; i++)
        {
            var name = text[i].Text;
            var next = text[i + 1].Text;
            if (!IsAmount(next) || IsCode(next) || IsAmount(name) || IsCode(name) || name.StartsWith('【') || ProjectColumnOf(name) is not null) continue;
            bool coded = i > 0 && IsCode(text[i - 1].Text);
            entries.Add(new Entry(i, i + 1, coded ? i - 1 : i, coded));
        }
        return entries;
    }

    /// <summary>
    /// A project's indicators: a heading `【一级-二级】` sets the group, a line under it is `name(target)`, the target in
    /// the brackets at its end. Headings that are not groups (【项目概况】, 【总体目标】) and their text are not indicators.
    /// </summary>
    private static IEnumerable<Indicator> Indicators(IEnumerable<(int Line, string Text)> content, List<ImportWarning> warnings)
    {
        string? level1 = null, level2 = null;
        bool inGroup = false;
        foreach (var (lineNo, line) in content)
        {
            if (line.StartsWith('【'))
            {
                int close = line.IndexOf('】');
                var heading = close > 0 ? line[1..close] : line[1..];
                int dash = heading.IndexOf('-');
                // The second part is printed as the 二级 whatever the framework calls it (产出指标-成本指标).
                inGroup = dash > 0 && Level1Of(heading[..dash]) is { } l1 && (Level2Of(heading[(dash + 1)..]) ?? Level1Of(heading[(dash + 1)..])) is { } l2
                    && (level1 = l1) is not null && (level2 = l2) is not null;
                continue;
            }
            if (!inGroup) continue;
            if (TargetInBrackets(line) is not { } split)
            {
                warnings.Add(new ImportWarning($"第{lineNo}行：“{line}”没有括号中的指标值，未作为指标导入", lineNo));
                continue;
            }
            yield return new Indicator { Level1 = level1, Level2 = level2, Name = split.Name, Target = ValueParser.ParseTarget(split.Target), Line = lineNo };
        }
    }

    /// <summary>`指标1:机柜数量(≥77台)`: the name, and the target in the brackets that end the line.</summary>
    private static (string Name, string Target)? TargetInBrackets(string line)
    {
        if (line.Length < 4 || line[^1] != ')') return null;
        int depth = 0;
        for (int i = line.Length - 1; i >= 0; i--)
        {
            if (line[i] == ')') depth++;
            else if (line[i] == '(' && --depth == 0)
                return i > 0 && i < line.Length - 2 ? (line[..i].TrimEnd(), line[(i + 1)..^1].Trim()) : null;
        }
        return null;
    }

    private static bool IsAmount(string text) => text.Length > 0 && text.All(ch => char.IsAsciiDigit(ch) || ch is '.' or ',') && ValueParser.IsNumber(text);

    /// <summary>A unit's code (`037001`): digits only, printed on a row of its own before the unit's or project's name.</summary>
    private static bool IsCode(string text) => text.Length is >= 3 and <= 12 && text.All(char.IsAsciiDigit) && text[0] == '0';
}
