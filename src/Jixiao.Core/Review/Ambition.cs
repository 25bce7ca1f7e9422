using System.Text;
using Jixiao.Core.Model;
using Jixiao.Core.Scoring;
using Jixiao.Core.Text;

namespace Jixiao.Core.Review;

/// <summary>
/// How rows of different forms are found to be the same indicator (历史与同类比较): the 一级 read by the framework
/// (产出 / 效益 / 满意度 / 成本, so 产出 and 产出指标 agree), the 二级 and 三级 with full-width characters folded to half
/// width, every space removed, quotes of either width dropped and a trailing 指标 cut from the 二级. 实施单位 and 项目名称
/// are compared the same way (<see cref="Text"/>). Nothing more: 开展活动次数 and 活动开展次数 are two indicators.
/// </summary>
public static class IndicatorKey
{
    public static string Of(Indicator row) => Of(row.Level1, row.Level2, row.Name);

    public static string Of(string? level1, string? level2, string? name)
    {
        var l1 = Framework.Level1Of(Text(level1), Text(level2)) ?? Text(level1);
        var l2 = Text(level2);
        if (l2.EndsWith("指标", StringComparison.Ordinal)) l2 = l2[..^2];
        return $"{l1}/{l2}/{Text(name)}";
    }

    /// <summary>Half width, no spaces, no quotes: a label or a name as the comparison reads it.</summary>
    public static string Text(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var half = ChineseText.ToHalfWidth(s);
        var sb = new StringBuilder(half.Length);
        foreach (var ch in half)
            if (!ChineseText.IsSpace(ch) && ch is not ('"' or '“' or '”' or '\'' or '‘' or '’')) sb.Append(ch);
        return sb.ToString();
    }
}

/// <summary>The same unit's row for the same indicator in an earlier year: its target (申报表 or 自评表) and, from a 自评表, its actual.</summary>
public sealed record PastIndicator(int Year, FormKind Kind, string? Project, TargetValue? Target, ActualValue? Actual);

/// <summary>Another unit's declared quantitative target for the same indicator in the same year.</summary>
public sealed record PeerTarget(string Unit, TargetValue Target);

/// <summary>
/// What the ambition checks see beside the form: the same unit's earlier rows and the peers' targets, by
/// <see cref="IndicatorKey"/>. The host builds it (from the files of a run, or the store) and hands it to the review,
/// which stays a pure function of (form, profile, snapshot). <see cref="AmbitionIndex"/> builds it from forms.
/// </summary>
public sealed class AmbitionSnapshot(
    IReadOnlyDictionary<string, IReadOnlyList<PastIndicator>> history,
    IReadOnlyDictionary<string, IReadOnlyList<PeerTarget>> peers)
{
    public static readonly AmbitionSnapshot Empty = new(new Dictionary<string, IReadOnlyList<PastIndicator>>(), new Dictionary<string, IReadOnlyList<PeerTarget>>());

    public IReadOnlyDictionary<string, IReadOnlyList<PastIndicator>> History { get; } = history;
    public IReadOnlyDictionary<string, IReadOnlyList<PeerTarget>> Peers { get; } = peers;

    public IReadOnlyList<PastIndicator> HistoryOf(Indicator row) => History.GetValueOrDefault(IndicatorKey.Of(row)) ?? [];
    public IReadOnlyList<PeerTarget> PeersOf(Indicator row) => Peers.GetValueOrDefault(IndicatorKey.Of(row)) ?? [];
}

/// <summary>
/// The quantitative rows of many forms, kept as small facts grouped by (实施单位, indicator) and (year, indicator), never
/// the documents: a host adds every form it can see (a run's files, a pass over the store, the store's rows of one unit
/// and one year) and asks for the snapshot of each form it reviews. History: the same unit's forms of the three years
/// before (the checks look no further back); peers: the other units' declarations of the same year. Pure; once built,
/// many threads may ask it for snapshots at once (<see cref="For"/> only reads).
/// </summary>
public sealed class AmbitionIndex
{
    /// <summary>How many years back the history reaches: target-not-raised looks at three.</summary>
    public const int Years = 3;

    // Facts in two growing arrays, each group a chain through Next (-1 ends it): one array slot a row and one
    // dictionary entry a group, rather than a list object per group. Comparator 0 is none, else the enum + 1.
    readonly record struct Fact(int Year, FormKind Kind, byte Comparator, bool HasTarget, bool HasActual, decimal Target, decimal Actual,
        string Project, string? TargetUnit, string? ActualUnit, int Next);

    readonly record struct Peer(string Unit, Comparator Comparator, decimal Value, string? MeasureUnit, int Next);

    readonly List<Fact> facts = [];
    readonly List<Peer> peerFacts = [];
    readonly Dictionary<(string Unit, string Key), int> history = new();
    readonly Dictionary<(int Year, string Key), int> peers = new();
    readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);

    string Intern(string s) => strings.TryGetValue(s, out var kept) ? kept : strings[s] = s;

    /// <summary>How many rows the index holds (history and peers).</summary>
    public int Facts => facts.Count + peerFacts.Count;

    public void Add(PerformanceForm form)
    {
        if (form is MonitoringForm || form.Year is not { } year) return;
        var unit = IndicatorKey.Text(form.ImplementingUnit);
        if (unit.Length == 0) return;
        unit = Intern(unit);
        var project = Intern(IndicatorKey.Text(form.ProjectName));
        foreach (var row in form.Indicators)
        {
            var t = row.Target is { IsQuantitative: true } q ? q : null;
            var a = form is SelfEvaluation && row.Actual is { IsQuantitative: true } qa ? qa : null;
            if (t is null && a is null) continue;
            var key = Intern(IndicatorKey.Of(row));
            var targetUnit = Units.Normalize(t?.Unit) is { } tu ? Intern(tu) : null;
            var actualUnit = Units.Normalize(a?.Unit) is { } au ? Intern(au) : null;
            var next = history.TryGetValue((unit, key), out var head) ? head : -1;
            history[(unit, key)] = facts.Count;
            facts.Add(new Fact(year, form.Kind, t?.Comparator is { } tc ? (byte)(tc + 1) : (byte)0, t is not null, a is not null,
                t?.Value ?? 0, a?.Value ?? 0, project, targetUnit, actualUnit, next));
            if (form is TargetDeclaration && t is { Comparator: { } c })
            {
                var peerNext = peers.TryGetValue((year, key), out var peerHead) ? peerHead : -1;
                peers[(year, key)] = peerFacts.Count;
                peerFacts.Add(new Peer(unit, c, t.Value!.Value, targetUnit, peerNext));
            }
        }
    }

    /// <summary>The snapshot for one form: its unit's rows of earlier years and the other units' targets of its year.</summary>
    public AmbitionSnapshot For(PerformanceForm form)
    {
        var unit = IndicatorKey.Text(form.ImplementingUnit);
        if (form.Year is not { } year || unit.Length == 0 || form.Indicators.Count == 0) return AmbitionSnapshot.Empty;
        var past = new Dictionary<string, IReadOnlyList<PastIndicator>>();
        var others = new Dictionary<string, IReadOnlyList<PeerTarget>>();
        foreach (var key in form.Indicators.Select(IndicatorKey.Of).Distinct())
        {
            var earlier = new List<PastIndicator>();
            for (var i = history.GetValueOrDefault((unit, key), -1); i >= 0; i = facts[i].Next)
            {
                var f = facts[i];
                if (f.Year >= year || f.Year < year - Years) continue;
                Comparator? c = f.Comparator == 0 ? null : (Comparator)(f.Comparator - 1);
                earlier.Add(new PastIndicator(f.Year, f.Kind, f.Project,
                    f.HasTarget ? Target(c, f.Target, f.TargetUnit) : null,
                    f.HasActual ? new ActualValue(Num.Plain(f.Actual) + (f.ActualUnit ?? ""), f.Actual, f.ActualUnit, null) : null));
            }
            // Chains run newest first; the snapshot reads in the order the forms were added.
            earlier.Reverse();
            if (earlier.Count > 0) past[key] = earlier;
            if (form is not TargetDeclaration) continue;
            var theirs = new List<PeerTarget>();
            for (var i = peers.GetValueOrDefault((year, key), -1); i >= 0; i = peerFacts[i].Next)
                if (peerFacts[i] is var p && p.Unit != unit) theirs.Add(new PeerTarget(p.Unit, Target(p.Comparator, p.Value, p.MeasureUnit)));
            theirs.Reverse();
            if (theirs.Count > 0) others[key] = theirs;
        }
        return past.Count == 0 && others.Count == 0 ? AmbitionSnapshot.Empty : new AmbitionSnapshot(past, others);
    }

    static TargetValue Target(Comparator? c, decimal value, string? unit) =>
        new((c?.ToSymbol() ?? "") + Num.Plain(value) + (unit ?? ""), c, value, unit);

    /// <summary>An index of the given forms: for a run over files, and for the store's rows of one form's unit and year.</summary>
    public static AmbitionIndex Of(IEnumerable<PerformanceForm> forms)
    {
        var index = new AmbitionIndex();
        foreach (var f in forms) index.Add(f);
        return index;
    }
}
