using Jixiao.Core.Model;

namespace Jixiao.Core.Review;

/// <summary>A row the editor offers (推荐指标): its place in the tree, its target, where it comes from and why it is offered (`因为：…`).</summary>
public sealed record RowSuggestion(string? Level1, string? Level2, string Name, TargetValue? Target, string Source, string Because);

/// <summary>
/// 推荐指标 from the unit's own past: the rows of last year's form of the same project (its declaration, else its
/// self-evaluation) that the declaration does not have yet, in their printed order. Pure.
/// </summary>
public static class RowSuggestions
{
    public static IReadOnlyList<RowSuggestion> FromLastYear(TargetDeclaration form, IEnumerable<PerformanceForm> history)
    {
        if (form.Year is not { } year || string.IsNullOrWhiteSpace(form.ProjectName)) return [];
        var project = IndicatorKey.Text(form.ProjectName);
        var last = history.Where(f => f.Year == year - 1 && IndicatorKey.Text(f.ProjectName) == project)
            .OrderBy(f => f.Kind == FormKind.TargetDeclaration ? 0 : 1).ThenByDescending(f => f.Revision ?? 0).FirstOrDefault();
        if (last is null) return [];
        var have = form.Indicators.Select(IndicatorKey.Of).ToHashSet(StringComparer.Ordinal);
        var source = $"{year - 1} 年本项目{last.Kind.ShortName()}";
        var because = $"因为：本单位 {year - 1} 年本项目的{last.Kind.ShortName()}有这一指标，本表还没有";
        return last.Indicators.Where(i => !string.IsNullOrWhiteSpace(i.Name) && have.Add(IndicatorKey.Of(i)))
            .Select(i => new RowSuggestion(i.Level1, i.Level2, i.Name, i.Target, source, because)).ToList();
    }
}
