using Jixiao.Core.Model;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Review;

/// <summary>
/// The ambition checks (issue 13): a declaration's quantitative target against what the same unit achieved in the
/// years before and what other units declare for the same indicator in the same year. The figures come from the
/// host's <see cref="AmbitionSnapshot"/>; a check whose figures are missing (no row last year, another unit of
/// measure, too few peers) says nothing.
/// </summary>
public static partial class Reviewer
{
    static void Ambition(Context ctx, Indicator row, AmbitionSnapshot snapshot)
    {
        if (row.Target is not { IsQuantitative: true, Comparator: { } c } t || ctx.Form.Year is not { } year) return;
        var past = snapshot.HistoryOf(row);
        if (past.Count > 0)
        {
            ctx.Run(Checks.TargetBelowLastActual, () => BelowLastActual(ctx, row, t, c, year, past));
            ctx.Run(Checks.TargetNotRaised, () => NotRaised(ctx, row, t, c, year, past));
        }
        var peers = snapshot.PeersOf(row);
        if (peers.Count > 0) ctx.Run(Checks.TargetFarBelowPeers, () => FarBelowPeers(ctx, row, t, c, peers));
    }

    /// <summary>≥3.00次: a target as the ambition messages print it.</summary>
    static string Printed(TargetValue t) => $"{t.Comparator?.ToSymbol()}{Num.Fixed(t.Value!.Value)}{Units.Normalize(t.Unit)}";

    /// <summary>The unit of measure of a past row: its actual's, else its target's.</summary>
    static string? MeasureOf(PastIndicator p) => Units.Normalize(p.Actual?.Unit ?? p.Target?.Unit);

    /// <summary>The unit's rows of one year: those of the same project when it has any, else all of them.</summary>
    static List<PastIndicator> InYear(Context ctx, IReadOnlyList<PastIndicator> past, int year)
    {
        var rows = past.Where(p => p.Year == year).ToList();
        var project = IndicatorKey.Text(ctx.Form.ProjectName);
        var same = rows.Where(p => IndicatorKey.Text(p.Project) == project).ToList();
        return same.Count > 0 ? same : rows;
    }

    static void BelowLastActual(Context ctx, Indicator row, TargetValue t, Comparator c, int year, IReadOnlyList<PastIndicator> past)
    {
        if (c == Comparator.Equal) return;
        // A ≤ on a count of outputs is most likely a reversed ≥ (comparator-reversed): its "ceiling" means nothing.
        if (c.IsUpperBound() && ReadsReversed(ctx.Profile, row)) return;
        var unit = Units.Normalize(t.Unit);
        var actuals = InYear(ctx, past, year - 1)
            .Where(p => p.Actual is { IsQuantitative: true } && MeasureOf(p) == unit)
            .Select(p => p.Actual!.Value!.Value).ToList();
        if (actuals.Count == 0) return;
        var value = t.Value!.Value;
        if (c.IsLowerBound())
        {
            // Several rows that year (several projects): the lowest, so that the finding holds for each.
            var last = actuals.Min();
            if (value >= last) return;
            ctx.Add(Checks.TargetBelowLastActual,
                $"指标{Q(row.Name)}目标 {Printed(t)} 低于 {year - 1} 年实际完成的 {V(last, unit)}。目标一般不应低于上年已达到的水平：请提高指标值，或说明下调的原因。",
                row);
        }
        else
        {
            var last = actuals.Max();
            if (value <= last) return;
            ctx.Add(Checks.TargetBelowLastActual,
                $"指标{Q(row.Name)}目标 {Printed(t)} 高于 {year - 1} 年实际的 {V(last, unit)}：上限放宽到了上年已做到的水平之外。请收紧指标值，或说明放宽的原因。",
                row);
        }
    }

    static void NotRaised(Context ctx, Indicator row, TargetValue t, Comparator c, int year, IReadOnlyList<PastIndicator> past)
    {
        if (!c.IsLowerBound()) return;
        var unit = Units.Normalize(t.Unit);
        var ratio = ctx.Profile.FarExceededRatio;
        // Per year, the targets that were far exceeded: (target, actual) of the year's self-evaluation rows, the target
        // being the row's own or, when it has none, the year's declaration's.
        var years = new List<(int Year, List<(decimal Target, decimal Actual)> Hits)>();
        for (var y = year - 1; y >= year - AmbitionIndex.Years; y--)
        {
            var rows = InYear(ctx, past, y);
            var declared = rows.FirstOrDefault(p => p.Kind == FormKind.TargetDeclaration && p.Target is { IsQuantitative: true })?.Target;
            var hits = rows
                .Where(p => p.Kind == FormKind.SelfEvaluation && p.Actual is { IsQuantitative: true } && MeasureOf(p) == unit)
                .Select(p => (Target: p.Target is { IsQuantitative: true } own ? own : declared, Actual: p.Actual!.Value!.Value))
                .Where(x => x.Target is { Comparator: { } tc, Value: > 0 } && tc.IsLowerBound() && x.Actual >= x.Target.Value!.Value * ratio)
                .Select(x => (x.Target!.Value!.Value, x.Actual))
                .ToList();
            if (hits.Count == 0) return;
            years.Add((y, hits));
        }
        // The same target all three years, and this year's no higher.
        var same = years.Select(y => y.Hits.Select(h => h.Target).ToHashSet())
            .Aggregate((a, b) => { a.IntersectWith(b); return a; })
            .Where(v => t.Value!.Value <= v).ToList();
        if (same.Count == 0) return;
        var kept = same.Max();
        var detail = string.Join("、", years.OrderBy(y => y.Year)
            .Select(y => $"{y.Year} 年 {V(y.Hits.Where(h => h.Target == kept).Max(h => h.Actual), unit)}"));
        ctx.Add(Checks.TargetNotRaised,
            $"指标{Q(row.Name)}连续三年目标为 {V(kept, unit)}，实际均达目标的 {Num.Plain(ratio)} 倍以上（{detail}），本年目标 {Printed(t)} 仍未提高。请按近年实际完成水平提高指标值。",
            row);
    }

    static void FarBelowPeers(Context ctx, Indicator row, TargetValue t, Comparator c, IReadOnlyList<PeerTarget> peers)
    {
        if (!c.IsLowerBound()) return;
        var rules = ctx.Profile.Ambition;
        var unit = Units.Normalize(t.Unit);
        var perUnit = PeerFigures(peers.Where(p => p.Target.Comparator is { } pc && pc.IsLowerBound()), unit);
        if (perUnit.Count < rules.MinPeers) return;
        var median = Num.Median(perUnit);
        if (median <= 0) return;
        var shortfall = (median - t.Value!.Value) / median * 100m;
        if (shortfall <= rules.PeerShortfallPercent) return;
        ctx.Add(Checks.TargetFarBelowPeers,
            $"指标{Q(row.Name)}目标 {Printed(t)} 比同年 {perUnit.Count} 家其他单位同一指标目标的中位数 {V(median, unit)} 低 {Num.Fixed(shortfall)}%（评分方案以低于中位数 {Num.Plain(rules.PeerShortfallPercent)}% 为界）。请对照同类单位复核目标是否定得过低；确有原因的请说明。",
            row);
    }

    /// <summary>
    /// The peers' quantitative targets in one unit of measure, one figure a peer unit (the median of its rows), so that
    /// a unit with many projects does not make the median alone. The ambition check and the editor's row context share it.
    /// </summary>
    public static IReadOnlyList<decimal> PeerFigures(IEnumerable<PeerTarget> peers, string? unit) =>
        peers.Where(p => p.Target is { IsQuantitative: true } && Units.Normalize(p.Target.Unit) == unit)
            .GroupBy(p => p.Unit, StringComparer.Ordinal)
            .Select(g => Num.Median(g.Select(p => p.Target.Value!.Value)))
            .ToList();
}
