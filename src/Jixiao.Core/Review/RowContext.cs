using Jixiao.Core.Model;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Review;

/// <summary>
/// What a person declaring a row should see beside it: the same unit's target and actual for that indicator last year,
/// and the median target of the other units that declare it this year (one figure per unit, in the row's unit of
/// measure). Null parts when there is nothing to show.
/// </summary>
public sealed record RowContext(int Row, int? LastYear, string? LastTarget, string? LastActual, decimal? PeersMedian, string? PeersUnit, int Peers)
{
    /// <summary>The rows' context from the ambition snapshot the review uses; pure.</summary>
    public static IReadOnlyList<RowContext> Of(PerformanceForm form, AmbitionSnapshot snapshot)
    {
        var rows = new List<RowContext>();
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var row = form.Indicators[i];
            if (string.IsNullOrWhiteSpace(row.Name)) continue;
            // Last year: the same project's row when there is one (its self-evaluation before its declaration), else the unit's.
            var last = snapshot.HistoryOf(row).Where(p => p.Year == form.Year - 1)
                .OrderByDescending(p => IndicatorKey.Text(p.Project) == IndicatorKey.Text(form.ProjectName))
                .ThenByDescending(p => p.Actual is not null)
                .FirstOrDefault();
            var peers = snapshot.PeersOf(row).Where(p => p.Target is { IsQuantitative: true }).ToList();
            var unit = row.Target is { IsQuantitative: true } t ? Units.Normalize(t.Unit)
                : peers.GroupBy(p => Units.Normalize(p.Target.Unit)).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
            var perUnit = Reviewer.PeerFigures(peers, unit);
            if (last is null && perUnit.Count == 0) continue;
            rows.Add(new RowContext(i + 1, last?.Year, last?.Target?.Text, last?.Actual?.Text,
                perUnit.Count == 0 ? null : Num.TwoPlaces(Num.Median(perUnit)), perUnit.Count == 0 ? null : unit, perUnit.Count));
        }
        return rows;
    }
}
