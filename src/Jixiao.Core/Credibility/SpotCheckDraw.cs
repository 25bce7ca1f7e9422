namespace Jixiao.Core.Credibility;

/// <summary>A self-evaluation that may be drawn: its id, its 主管部门, its credibility.</summary>
public sealed record SpotCheckCandidate(long FormId, string? Department, decimal Credibility);

/// <summary>Why a form is in the sample: among the least credible, or drawn at random within its 主管部门.</summary>
public enum DrawReason
{
    Risk,
    Random,
}

public sealed record DrawnForm(long FormId, DrawReason Reason, int Rank);

/// <summary>
/// 抽查: the riskiest self-evaluations first (lowest credibility, then id), then a random share spread over the
/// 主管部门 in proportion to their remaining forms, at least one each while places remain. The random part comes from
/// <see cref="SplitMix64"/> seeded with the recorded seed, so the same candidates, size and seed give the same sample
/// on any machine and any .NET version. Pure.
/// </summary>
public static class SpotCheckDraw
{
    public static IReadOnlyList<DrawnForm> Draw(IReadOnlyList<SpotCheckCandidate> candidates, int size, long seed, decimal randomShare)
    {
        if (size <= 0 || candidates.Count == 0) return [];
        size = Math.Min(size, candidates.Count);
        var randomPlaces = (int)Math.Round(size * randomShare, MidpointRounding.AwayFromZero);
        var riskPlaces = size - randomPlaces;
        var ordered = candidates.OrderBy(c => c.Credibility).ThenBy(c => c.FormId).ToList();
        var drawn = new List<DrawnForm>();
        foreach (var c in ordered.Take(riskPlaces)) drawn.Add(new DrawnForm(c.FormId, DrawReason.Risk, drawn.Count + 1));

        var rest = ordered.Skip(riskPlaces).GroupBy(c => c.Department ?? "").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(c => c.FormId).ToList()).ToList();
        var places = Allocate(rest.Select(g => g.Count).ToList(), randomPlaces);
        var random = new SplitMix64(seed);
        for (var d = 0; d < rest.Count; d++)
        {
            var pool = rest[d];
            // A partial Fisher–Yates shuffle: the first `places[d]` of the pool, uniformly.
            for (var k = 0; k < places[d]; k++)
            {
                var j = k + random.Below(pool.Count - k);
                (pool[k], pool[j]) = (pool[j], pool[k]);
                drawn.Add(new DrawnForm(pool[k].FormId, DrawReason.Random, drawn.Count + 1));
            }
        }
        return drawn;
    }

    /// <summary>Places for each group: one each while places remain (largest groups first), the rest in proportion (largest remainders).</summary>
    static int[] Allocate(IReadOnlyList<int> sizes, int places)
    {
        var given = new int[sizes.Count];
        var order = Enumerable.Range(0, sizes.Count).OrderByDescending(i => sizes[i]).ThenBy(i => i).ToList();
        foreach (var i in order)
        {
            if (places == 0) break;
            if (sizes[i] == 0) continue;
            given[i] = 1;
            places--;
        }
        var left = sizes.Select((s, i) => s - given[i]).ToArray();
        var total = left.Sum();
        if (places == 0 || total == 0) return given;
        var quotas = left.Select(l => (decimal)places * l / total).ToArray();
        var extra = quotas.Select(q => (int)Math.Floor(q)).ToArray();
        var remaining = places - extra.Sum();
        foreach (var i in Enumerable.Range(0, sizes.Count).OrderByDescending(i => quotas[i] - extra[i]).ThenBy(i => i).Take(remaining)) extra[i]++;
        for (var i = 0; i < given.Length; i++) given[i] += Math.Min(extra[i], left[i]);
        return given;
    }
}

/// <summary>SplitMix64 (Steele, Lea, Flood 2014): a small generator whose sequence is fixed by its seed, here and anywhere.</summary>
public sealed class SplitMix64(long seed)
{
    ulong _state = unchecked((ulong)seed);

    public ulong Next()
    {
        var z = unchecked(_state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, n), without modulo bias (rejection).</summary>
    public int Below(int n)
    {
        if (n <= 1) return 0;
        var bound = (ulong)n;
        var limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong x;
        do x = Next(); while (x >= limit);
        return (int)(x % bound);
    }
}
