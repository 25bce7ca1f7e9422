using Jixiao.Core.Model;

namespace Jixiao.Core.Regions;

/// <summary>A place name found on a form: the word, the field it stood in, and where it lies.</summary>
public sealed record PlaceMatch(Place Place, string Field, string Text);

/// <summary>
/// The province a form belongs to, read from its names, with the evidence. <see cref="Province"/> is null when no
/// name was found or the names point to two provinces equally (<see cref="Candidates"/> then lists them).
/// </summary>
public sealed record InferredRegion(string? Province, IReadOnlyList<string> Candidates, IReadOnlyList<PlaceMatch> Evidence)
{
    public static readonly InferredRegion Unknown = new(null, [], []);

    /// <summary>The matches that support a province, strongest first.</summary>
    public IEnumerable<PlaceMatch> For(string province) =>
        Evidence.Where(m => m.Place.Province == province).OrderByDescending(m => m.Place.Level);

    /// <summary>In Chinese: which province and which words say so, or why none could be told.</summary>
    public string Describe()
    {
        if (Province is { } p)
            return $"{p}，据{string.Join("、", For(p).GroupBy(m => m.Place).Take(2).Select(Words))}";
        if (Candidates.Count > 1)
            return $"不能确定：{string.Join("、", Evidence.Select(m => $"“{m.Place.Name}”").Distinct())} 可属 {string.Join("或", Candidates)}";
        return "未能从主管部门、实施单位和项目名称中认出省份";
    }

    /// <summary>“隆阳区”（保山市；实施单位、主管部门）</summary>
    static string Words(IGrouping<Place, PlaceMatch> place)
    {
        var prefecture = place.Key.Prefecture is { } pf && pf != place.Key.Name ? $"{pf}；" : "";
        return $"“{place.Key.Name}”（{prefecture}{string.Join("、", place.Select(m => m.Field).Distinct())}）";
    }
}

/// <summary>
/// Which province a form is from, when the form does not say: the place names in its 主管部门, 实施单位 and 项目名称
/// (<see cref="PlaceNames"/>). Pure: the same names always give the same answer, with the words that gave it.
/// </summary>
public static class RegionInference
{
    // A unit's own name says where it is; a project name may name another place (沪滇协作 projects of Shanghai units).
    static readonly (string Field, Func<PerformanceForm, string?> Read, decimal Weight)[] Fields =
    [
        ("实施单位", f => f.ImplementingUnit, 2m),
        ("主管部门", f => f.Department, 2m),
        ("项目名称", f => f.ProjectName, 1m),
    ];

    // A province's own name outweighs a prefecture's, which outweighs a county's (a county name may repeat elsewhere).
    static decimal LevelWeight(PlaceLevel level) => level switch
    {
        PlaceLevel.Province => 4m,
        PlaceLevel.Prefecture => 3m,
        PlaceLevel.County => 2m,
        _ => 1m,
    };

    public static InferredRegion Infer(PerformanceForm form)
    {
        var evidence = new List<PlaceMatch>();
        var score = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (field, read, weight) in Fields)
        {
            var text = read(form);
            if (string.IsNullOrWhiteSpace(text)) continue;
            foreach (var names in Scan(text))
            {
                // A name two provinces share counts half for each.
                var share = weight * LevelWeight(names[0].Level) / names.Count;
                foreach (var place in names)
                {
                    evidence.Add(new PlaceMatch(place, field, text.Trim()));
                    score[place.Province] = score.GetValueOrDefault(place.Province) + share;
                }
            }
        }
        if (score.Count == 0) return InferredRegion.Unknown;
        var best = score.Values.Max();
        var top = score.Where(kv => kv.Value == best).Select(kv => kv.Key)
            .OrderBy(PlaceNames.OrderOf).ToList();
        return new InferredRegion(top.Count == 1 ? top[0] : null, top, evidence);
    }

    /// <summary>
    /// The names in a text, leftmost longest first (河北区 is 天津's, not 河北's; 海南州 is 青海's): each item is one
    /// name as it occurs, with every province that has it.
    /// </summary>
    static IEnumerable<IReadOnlyList<Place>> Scan(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var found = PlaceNames.ByFirstChar.TryGetValue(text[i], out var options)
                ? options.FirstOrDefault(p => string.CompareOrdinal(text, i, p.Name, 0, p.Name.Length) == 0)
                : null;
            if (found is null)
            {
                i++;
                continue;
            }
            yield return options!.Where(p => p.Name == found.Name).ToList();
            i += found.Name.Length;
        }
    }
}
