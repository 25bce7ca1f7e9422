using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Library;

/// <summary>
/// An approved 指标库 entry the person may see, as the ranking reads it: its names, tags and 指标解释, its comparator,
/// unit and figures (the offered target is its latest year's median target), and how many stored forms use it, of
/// each 项目类别 (normalised by <see cref="IndicatorKey.Text"/>) and of each 主管部门 (by id).
/// </summary>
public sealed record SuggestionCandidate(
    string Key, string Level1, string Level2, string Name, IReadOnlyList<string> Tags, string? Explanation,
    Comparator? Comparator, string? Unit, IReadOnlyList<YearDistribution> Years, int Forms,
    IReadOnlyDictionary<string, int> FormsByCategory, IReadOnlyDictionary<long, int> FormsByDepartment);

/// <summary>One ranked entry: its points, and why, in Chinese (`因为：…`).</summary>
public sealed record LibrarySuggestion(SuggestionCandidate Entry, int Score, string Because)
{
    public RowSuggestion ToRow() => new(Entry.Level1, Entry.Level2, Entry.Name, LibrarySuggestions.MedianTarget(Entry), "指标库", Because);
}

/// <summary>
/// 推荐指标 from the 指标库 for a declaration, ranked. Chinese has no spaces, so a "word" is a pair of adjacent characters
/// (a bigram) of the project's 项目名称 or 项目类别, without the few pairs every project name has (<see cref="Generic"/>).
/// Each word the entry shares scores where it is found best: in a tag 3, in the 三级 name 2, in the 指标解释 1 (the 一级
/// and 二级 are the framework's, the same for every project). To that are added the forms of the same 项目类别 that use
/// the entry (one a form, at most <see cref="MaxCategoryPoints"/>) and the forms of the unit's own 主管部门 that use it
/// (one a form, at most <see cref="MaxDepartmentPoints"/>). An entry is offered when it shares a word or forms of the
/// same 项目类别 use it (the department only ranks); the rows the declaration has are not. Highest score first, then the
/// more used, then by key; at most <see cref="MaxSuggestions"/>. Pure.
/// </summary>
public static class LibrarySuggestions
{
    public const int TagPoints = 3, NamePoints = 2, ExplanationPoints = 1;
    public const int MaxCategoryPoints = 5, MaxDepartmentPoints = 3;
    public const int MaxSuggestions = 10;

    /// <summary>Pairs found in most project names (项目, 经费 …): they say nothing of what the project does.</summary>
    public static readonly IReadOnlySet<string> Generic = new HashSet<string>(StringComparer.Ordinal) { "项目", "经费", "资金", "专项", "工作", "年度", "目标" };

    /// <summary>A word of the project: the pair, where it was read (项目名称 or 项目类别) and at which character.</summary>
    sealed record Word(string Text, string Source, int At);

    /// <summary>The distinct character pairs of a text, in order, within runs of letters (punctuation and digits end a run).</summary>
    public static IReadOnlyList<string> Words(string? text) => WordsOf(text, "").Select(w => w.Text).ToList();

    static IEnumerable<Word> WordsOf(string? text, string source)
    {
        var t = IndicatorKey.Text(text);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < t.Length; i++)
            if (char.IsLetter(t[i]) && char.IsLetter(t[i + 1]) && t.Substring(i, 2) is var pair && !Generic.Contains(pair) && seen.Add(pair))
                yield return new Word(pair, source, i);
    }

    public static IReadOnlyList<LibrarySuggestion> Rank(TargetDeclaration form, long? departmentId, IEnumerable<SuggestionCandidate> candidates)
    {
        var have = form.Indicators.Select(IndicatorKey.Of).ToHashSet(StringComparer.Ordinal);
        var fromName = WordsOf(form.ProjectName, "项目名称").ToList();
        var known = fromName.Select(w => w.Text).ToHashSet(StringComparer.Ordinal);
        var words = fromName.Concat(WordsOf(form.ProjectCategory, "项目类别").Where(w => !known.Contains(w.Text))).ToList();
        var category = IndicatorKey.Text(form.ProjectCategory);
        var ranked = new List<LibrarySuggestion>();
        foreach (var c in candidates)
        {
            if (have.Contains(c.Key)) continue;
            var tags = c.Tags.Select(IndicatorKey.Text).ToList();
            var name = IndicatorKey.Text(c.Name);
            var explanation = IndicatorKey.Text(c.Explanation);
            var found = new List<(Word Word, string Place, int Points)>();
            foreach (var w in words)
            {
                if (tags.Any(t => t.Contains(w.Text, StringComparison.Ordinal))) found.Add((w, "标签", TagPoints));
                else if (name.Contains(w.Text, StringComparison.Ordinal)) found.Add((w, "指标名称", NamePoints));
                else if (explanation.Contains(w.Text, StringComparison.Ordinal)) found.Add((w, "指标解释", ExplanationPoints));
            }
            var categoryForms = category.Length == 0 ? 0 : c.FormsByCategory.GetValueOrDefault(category);
            if (found.Count == 0 && categoryForms == 0) continue;
            var departmentForms = departmentId is { } d ? c.FormsByDepartment.GetValueOrDefault(d) : 0;
            var score = found.Sum(f => f.Points) + Math.Min(categoryForms, MaxCategoryPoints) + Math.Min(departmentForms, MaxDepartmentPoints);

            // The reasons by their points (tag, name, 指标解释), each place's shared words run together as the project prints them.
            var reasons = found.GroupBy(f => (f.Place, f.Word.Source)).OrderByDescending(g => g.First().Points)
                .Select(g => $"{g.Key.Place}与{g.Key.Source}共有{string.Concat(Segments(g.Key.Source == "项目名称" ? form.ProjectName : form.ProjectCategory, g.Select(f => f.Word)).Select(s => $"“{s}”"))}")
                .ToList();
            if (categoryForms > 0) reasons.Add($"项目类别同为“{form.ProjectCategory!.Trim()}”的 {categoryForms} 张表使用");
            if (departmentForms > 0) reasons.Add($"本部门的单位有 {departmentForms} 张表使用");
            ranked.Add(new LibrarySuggestion(c, score, "因为：" + string.Join("；", reasons)));
        }
        return ranked.OrderByDescending(r => r.Score).ThenByDescending(r => r.Entry.Forms).ThenBy(r => r.Entry.Key, StringComparer.Ordinal)
            .Take(MaxSuggestions).ToList();
    }

    /// <summary>
    /// The shared pairs as the project's text prints them: pairs at adjacent characters run together (生活, 活驿, 驿站
    /// → 生活驿站), in the order of the text.
    /// </summary>
    static IEnumerable<string> Segments(string? source, IEnumerable<Word> words)
    {
        var t = IndicatorKey.Text(source);
        var at = words.Select(w => w.At).Order().ToList();
        for (int i = 0; i < at.Count;)
        {
            var j = i;
            while (j + 1 < at.Count && at[j + 1] == at[j] + 1) j++;
            yield return t.Substring(at[i], at[j] - at[i] + 2);
            i = j + 1;
        }
    }

    /// <summary>The target offered with an entry: its latest year's median target, with its comparator and unit; none without figures.</summary>
    public static TargetValue? MedianTarget(SuggestionCandidate e)
    {
        if (e.Years.Where(y => y.Targets is not null).OrderByDescending(y => y.Year).FirstOrDefault()?.Targets is not { } q) return null;
        // The value as its text prints it: without the trailing zeros of the figures it came from (5.00 → 5).
        var value = q.Median / 1.0000000000000000000000000000m;
        return new TargetValue($"{e.Comparator?.ToSymbol()}{Num.Plain(value)}{(string.IsNullOrEmpty(e.Unit) ? "" : $"({e.Unit})")}", e.Comparator, value, e.Unit);
    }
}
