using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>
/// The geometry of a header in PDF text, where a row of labels is printed with its values' wrapped lines above and
/// below it. Puts each value's pieces back together before the header is read.
/// </summary>
internal static class HeaderBands
{
    /// <summary>
    /// Header lines in PDF text. A line with two or more labels (`主管部门 实施单位`) is a band: its cells are
    /// centred on it, so their other lines stand just above and below it, one fragment per cell. Those fragments
    /// are put back into their cells. Other lines pass through as they are.
    /// </summary>
    public static List<Cell> Cells(SourceText source, int from, int end)
    {
        var rows = Enumerable.Range(from, Math.Max(0, end - from)).Select(r => source.Rows[r]).Where(r => !r.IsBlank).ToList();
        bool IsBand(Row r) => r.NonEmpty.Count(c => HeaderFieldOf(c.Text) is not null) >= 2;
        bool IsFree(Row r) => r.NonEmpty.All(c => HeaderFieldOf(c.Text) is null && !IsFundsMarker(c.Text) &&
                                                  DeclarationFundOf(c.Text) is null && ValueParser.ParseNumber(c.Text) is null &&
                                                  ValueParser.ParseYear(c.Text) is null && FundColumnOf(c.Text) is null);
        // Slots of each band: (label cell, in-line value cells, fragments above, fragments below).
        var bands = new Dictionary<int, List<(Cell Label, List<Cell> Inline, List<Cell> Above, List<Cell> Below)>>();
        for (int i = 0; i < rows.Count; i++)
        {
            if (!IsBand(rows[i])) continue;
            var slots = new List<(Cell, List<Cell>, List<Cell>, List<Cell>)>();
            foreach (var c in rows[i].NonEmpty)
            {
                if (HeaderFieldOf(c.Text) is not null) slots.Add((c, new List<Cell>(), new List<Cell>(), new List<Cell>()));
                else if (slots.Count > 0) slots[^1].Item2.Add(c);
            }
            bands[i] = slots;
        }
        if (bands.Count == 0) return rows.SelectMany(r => r.NonEmpty).ToList();

        var attached = new HashSet<int>();
        var single = new Dictionary<int, (List<Cell> Above, List<Cell> Below)>();
        foreach (var (bi, slots) in bands)
        {
            // Lines below the band, up to the next band or a non-free line.
            var below = new List<int>();
            for (int j = bi + 1; j < rows.Count && !bands.ContainsKey(j) && IsFree(rows[j]); j++) below.Add(j);
            int nextBand = below.Count > 0 && below[^1] + 1 < rows.Count && bands.ContainsKey(below[^1] + 1) ? below[^1] + 1 : -1;
            foreach (var j in below)
            {
                // A line that fits the next band's empty cells belongs to that band (it stands above it).
                if (nextBand >= 0 && rows[j].NonEmpty.Count() == bands[nextBand].Count(s => s.Inline.Count == 0) && bands[nextBand].Any(s => s.Inline.Count == 0))
                {
                    for (int k = j; k <= below[^1]; k++) { Place(bands[nextBand], rows[k], above: true, nextBand); attached.Add(k); }
                    break;
                }
                Place(slots, rows[j], above: false, bi);
                attached.Add(j);
            }
            // Lines above the first band, after the title: at most two, and never `标签:值` metadata.
            if (bi == bands.Keys.Min())
                for (int j = bi - 1; j >= 0 && j >= bi - 2 && IsFree(rows[j]) && !attached.Contains(j) && rows[j].NonEmpty.Count() <= slots.Count
                                     && !rows[j].NonEmpty.Any(c => c.Text.Contains(':') || c.Text.Contains('：')); j--)
                {
                    if (ValueParser.ParseYear(rows[j].JoinedText) is not null) break;
                    Place(slots, rows[j], above: true, bi);
                    attached.Add(j);
                }
        }
        foreach (var (bi, frags) in single) ResolveSingles(bands[bi], frags.Above, frags.Below);

        var cells = new List<Cell>();
        for (int i = 0; i < rows.Count; i++)
        {
            if (attached.Contains(i)) continue;
            if (!bands.TryGetValue(i, out var slots)) { cells.AddRange(rows[i].NonEmpty); continue; }
            foreach (var (label, inline, above, below) in slots)
            {
                cells.Add(label);
                var parts = above.Concat(inline).Concat(below).ToList();
                if (parts.Count > 0) cells.Add(parts[0] with { Text = ChineseText.JoinWrapped(parts.Select(p => p.Text)) });
            }
        }
        return cells;

        void Place(List<(Cell Label, List<Cell> Inline, List<Cell> Above, List<Cell> Below)> slots, Row row, bool above, int bandIndex)
        {
            var tokens = row.NonEmpty.ToList();
            var empty = slots.Where(s => s.Inline.Count == 0).ToList();
            List<(Cell Label, List<Cell> Inline, List<Cell> Above, List<Cell> Below)>? targets =
                tokens.Count == empty.Count && empty.Count > 0 ? empty : tokens.Count == slots.Count ? slots : null;
            if (targets is not null)
            {
                for (int t = 0; t < tokens.Count; t++)
                {
                    if (above) targets[t].Above.Insert(targets[t].Above.Count, tokens[t]);
                    else targets[t].Below.Add(tokens[t]);
                }
                return;
            }
            // One fragment for a band whose cells are all filled in-line: which cell it continues is decided later.
            if (!single.TryGetValue(bandIndex, out var f)) single[bandIndex] = f = (new List<Cell>(), new List<Cell>());
            (above ? f.Above : f.Below).AddRange(tokens);
        }
    }

    private static void ResolveSingles(List<(Cell Label, List<Cell> Inline, List<Cell> Above, List<Cell> Below)> slots, List<Cell> above, List<Cell> below)
    {
        if (above.Count == 0 && below.Count == 0) return;
        // The wrapped cell is the one whose pieces make a known value (阶段 + 性项 + 目 = 阶段性项目); else the
        // shortest in-line value, a fragment being shorter than a whole value.
        var text = (List<Cell> cs) => string.Concat(cs.Select(c => Key(c.Text)));
        int pick = slots.FindIndex(s => Enumerations.IsKnown(text(above) + text(s.Inline) + text(below)));
        if (pick < 0) pick = slots.Select((s, i) => (Len: text(s.Inline).Length, i)).OrderBy(x => x.Len).First().i;
        slots[pick].Above.InsertRange(0, above);
        slots[pick].Below.AddRange(below);
    }
}
