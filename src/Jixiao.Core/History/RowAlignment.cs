namespace Jixiao.Core.History;

/// <summary>
/// Which row of one version is which row of the next. A row is who it is by its identity (一级, 二级, 三级), not by
/// its place: the longest common subsequence of identities stays in place; a row whose identity left one place and
/// turned up at another moved; between two rows that stayed, rows left over on both sides are the same rows edited
/// (renamed, re-filed) when as many went as came, else paired by likeness; the rest were added or removed. So one
/// inserted row is one addition, and the rows after it are not "changed".
/// </summary>
public static class RowAlignment
{
    /// <summary>A row in both versions (<see cref="Old"/> and <see cref="New"/>), only the old one (removed) or only the new one (added).</summary>
    public readonly record struct Pair(int? Old, int? New, bool Moved);

    /// <summary>
    /// Aligns <paramref name="oldKeys"/> with <paramref name="newKeys"/>. <paramref name="likeness"/> scores two rows
    /// of different identity (higher is more alike); a pair needs at least <paramref name="threshold"/> when the rows
    /// left over between two anchors are not as many on each side.
    /// </summary>
    public static IReadOnlyList<Pair> Align(IReadOnlyList<string> oldKeys, IReadOnlyList<string> newKeys, Func<int, int, int> likeness, int threshold)
    {
        int n = oldKeys.Count, m = newKeys.Count;
        var oldTo = new int?[n];
        var newFrom = new int?[m];
        var moved = new bool[m];

        // 1. The longest common subsequence of identities: the rows that kept their place relative to each other.
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                lcs[i, j] = oldKeys[i] == newKeys[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var anchors = new List<(int Old, int New)>();
        for (int i = 0, j = 0; i < n && j < m;)
        {
            if (oldKeys[i] == newKeys[j]) { anchors.Add((i, j)); oldTo[i] = j; newFrom[j] = i; i++; j++; }
            else if (lcs[i + 1, j] >= lcs[i, j + 1]) i++;
            else j++;
        }

        // 2. An identity that left its place and is found elsewhere: the row moved.
        for (int i = 0; i < n; i++)
        {
            if (oldTo[i] is not null) continue;
            for (int j = 0; j < m; j++)
                if (newFrom[j] is null && oldKeys[i] == newKeys[j]) { oldTo[i] = j; newFrom[j] = i; moved[j] = true; break; }
        }

        // 3. Between two anchors, what is left on both sides: the same rows edited in place.
        var bounds = new List<(int Old, int New)> { (-1, -1) };
        bounds.AddRange(anchors);
        bounds.Add((n, m));
        for (int g = 0; g + 1 < bounds.Count; g++)
        {
            var olds = Enumerable.Range(bounds[g].Old + 1, bounds[g + 1].Old - bounds[g].Old - 1).Where(i => oldTo[i] is null).ToList();
            var news = Enumerable.Range(bounds[g].New + 1, bounds[g + 1].New - bounds[g].New - 1).Where(j => newFrom[j] is null).ToList();
            if (olds.Count == 0 || news.Count == 0) continue;
            if (olds.Count == news.Count)
            {
                for (int k = 0; k < olds.Count; k++) { oldTo[olds[k]] = news[k]; newFrom[news[k]] = olds[k]; }
                continue;
            }
            foreach (var (i, j) in MostAlike(olds, news, likeness, threshold)) { oldTo[i] = j; newFrom[j] = i; }
        }

        var pairs = new List<Pair>();
        for (int j = 0; j < m; j++) pairs.Add(new Pair(newFrom[j], j, moved[j]));
        for (int i = 0; i < n; i++)
            if (oldTo[i] is null) pairs.Add(new Pair(i, null, false));
        return pairs;
    }

    /// <summary>The order-keeping pairing of two runs of rows with the greatest total likeness (each pair above the threshold).</summary>
    static List<(int Old, int New)> MostAlike(List<int> olds, List<int> news, Func<int, int, int> likeness, int threshold)
    {
        int p = olds.Count, q = news.Count;
        var best = new int[p + 1, q + 1];
        for (int a = p - 1; a >= 0; a--)
            for (int b = q - 1; b >= 0; b--)
            {
                var s = likeness(olds[a], news[b]);
                var take = s >= threshold ? s + best[a + 1, b + 1] : int.MinValue;
                best[a, b] = Math.Max(take, Math.Max(best[a + 1, b], best[a, b + 1]));
            }
        var result = new List<(int, int)>();
        for (int a = 0, b = 0; a < p && b < q;)
        {
            var s = likeness(olds[a], news[b]);
            if (s >= threshold && best[a, b] == s + best[a + 1, b + 1]) { result.Add((olds[a], news[b])); a++; b++; }
            else if (best[a + 1, b] >= best[a, b + 1]) a++;
            else b++;
        }
        return result;
    }
}
