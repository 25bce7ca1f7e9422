using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Results;

namespace Jixiao.Core.Scoring;

/// <summary>How a figure is cut to its printed decimals.</summary>
public enum RoundingMode
{
    HalfUp,   // 四舍五入
    Truncate, // 截尾 (the Shanghai seeds print 执行率 this way)
}

/// <summary>What a missed quantitative target earns, as a formula named in the profile.</summary>
public enum MissedTargetFormula
{
    Proportional, // w × B / A   (≥ > and = with A > 0)
    Ratio,        // w × A / B   (≤ <, the default)
    Linear,       // w × (1 − (B − A) / A), 0 at B ≥ 2A   (≤ <, a deployed variant)
    AllOrNothing, // 0
}

/// <summary>A share of the weight, in percent: [Min, Max] or [Min, Max).</summary>
public sealed record ScoreBand(decimal Min, decimal Max, bool MaxIncluded)
{
    public bool Contains(decimal percent) => percent >= Min && (MaxIncluded ? percent <= Max : percent < Max);

    public string Describe() => $"{Num.Plain(Min)}%–{(MaxIncluded ? "" : "<")}{Num.Plain(Max)}%";
}

public sealed record GradeBand(string Grade, decimal Min);

/// <summary>A name pattern and the units it may be measured in (a …率 in %, a …人数 in 人).</summary>
public sealed record UnitRule(string? NameEndsWith, string? NameContains, IReadOnlyList<string> Units)
{
    public bool AppliesTo(string name) =>
        (NameEndsWith is not null && name.EndsWith(NameEndsWith, StringComparison.Ordinal))
        || (NameContains is not null && name.Contains(NameContains, StringComparison.Ordinal));

    public string Describe() => NameEndsWith is not null ? $"以“{NameEndsWith}”结尾" : $"含“{NameContains}”";
}

/// <summary>
/// The scoring and review rules of one region and year. Read from a <c>profiles/*.json</c> file by
/// <see cref="Parse"/>; nothing here is a constant of the code, because regions differ (执行率 10 or 20, 60/80 or
/// 50/80 bands, ratio or linear formulas).
/// </summary>
public sealed class ScoringProfile
{
    public required string Id { get; init; }
    public required string Region { get; init; }

    /// <summary>The province <see cref="Region"/> names (云南省), or null for a national profile (全国…).</summary>
    public string? Province => Regions.PlaceNames.IsProvince(Region) ? Region : null;

    public required int Year { get; init; }
    public string? Basis { get; init; }

    /// <summary>The profile this one is laid over (`basedOn`), if any: it differs from that one only where its file says.</summary>
    public string? BasedOn { get; init; }
    public string? Notes { get; init; }

    public required decimal ExecutionWeight { get; init; }
    public required RoundingMode ExecutionRateRounding { get; init; }

    /// <summary>Decimals of the 执行率 (`executionRate.decimals`; by default those of the scores): some forms print 86%.</summary>
    public required int ExecutionRateDecimals { get; init; }
    public required decimal LowExecutionThreshold { get; init; }      // percent
    public required decimal SharpAdjustmentPercent { get; init; }     // |全年 − 年初| / 年初, percent
    public required IReadOnlyList<string> ExecutionExplanationWords { get; init; }

    /// <summary>Default 一级 weights (产出 50, 效益 30, 满意度 10); a departure is only reported.</summary>
    public required IReadOnlyDictionary<string, decimal> Level1Weights { get; init; }

    public required IReadOnlyDictionary<Comparator, MissedTargetFormula> MissedTargetFormulas { get; init; }
    public required IReadOnlyDictionary<Achievement, ScoreBand> QualitativeBands { get; init; }

    /// <summary>Highest first.</summary>
    public required IReadOnlyList<GradeBand> GradeBands { get; init; }

    public required int Decimals { get; init; }
    public required RoundingMode ScoreRounding { get; init; }
    public required decimal Tolerance { get; init; }
    public required decimal FarExceededRatio { get; init; }
    public required int MinIndicators { get; init; }

    /// <summary>
    /// How much of an indicator's name (share of its Han bigrams) a sentence of the goal must contain for a number in
    /// that sentence to be read as that indicator's target (goal-number-contradicts-indicator).
    /// </summary>
    public required decimal GoalNameOverlap { get; init; }

    public required IReadOnlyList<string> CountUnits { get; init; }
    public required IReadOnlyList<string> VagueWords { get; init; }
    public required IReadOnlyList<string> UndesirableOutcomeWords { get; init; }
    public required IReadOnlyList<string> SatisfactionNameWords { get; init; }
    public required IReadOnlyList<string> OutputMeasuresNotEffects { get; init; }
    public required IReadOnlyList<UnitRule> UnitRules { get; init; }

    /// <summary>
    /// Two-stage approval: after the 主管部门 approves, finance approves too (`approval.financeStage`, default true).
    /// Where false, the 主管部门's approval is final. Data, because regions differ.
    /// </summary>
    public bool FinanceStage { get; init; } = true;

    /// <summary>
    /// The choices of a declaration's 项目性质 and 项目类别 (`enumerations.projectNatures`, `.projectCategories`; by
    /// default <see cref="Enumerations"/>' lists). The editor offers them; a value outside the list that an imported form
    /// carries stays possible.
    /// </summary>
    public IReadOnlyList<string> ProjectNatures { get; init; } = Enumerations.ProjectNatures;

    public IReadOnlyList<string> ProjectCategories { get; init; } = Enumerations.ProjectCategories;

    /// <summary>运行监控's warning rules (the `monitoring` section; <see cref="MonitoringRules.Default"/> when absent).</summary>
    public MonitoringRules Monitoring { get; init; } = MonitoringRules.Default;

    /// <summary>What lowers a self-evaluation's credibility, in points (the `credibility` section; the defaults when absent).</summary>
    public Credibility.CredibilityRules Credibility { get; init; } = Jixiao.Core.Credibility.CredibilityRules.Default;

    /// <summary>结果应用: each grade's suggested action for next year's budget (the `resultsApplication` section; <see cref="ResultsApplicationRules.Default"/> when absent).</summary>
    public ResultsApplicationRules ResultsApplication { get; init; } = ResultsApplicationRules.Default;

    /// <summary>The ambition checks' figures (the `ambition` section; <see cref="AmbitionRules.Default"/> when absent).</summary>
    public AmbitionRules Ambition { get; init; } = AmbitionRules.Default;

    public decimal RoundScore(decimal value) => Num.Round(value, Decimals, ScoreRounding);

    public decimal RoundExecutionRate(decimal value) => Num.Round(value, ExecutionRateDecimals, ExecutionRateRounding);

    /// <summary>Where each figure comes from and how firm it is (the `sources` section; rules.md's S K V P I U).</summary>
    public IReadOnlyList<FigureSource> Sources { get; init; } = [];

    /// <summary>
    /// Why this profile was chosen for the form at hand (<see cref="ProfileSelector"/>); null on a profile as loaded.
    /// The review reads the weights tried from it, the pages show its reason.
    /// </summary>
    public ProfileSelection? Selection { get; private set; }

    /// <summary>This profile, carrying why it was chosen for one form (the rules are shared, not copied).</summary>
    public ScoringProfile WithSelection(ProfileSelection selection)
    {
        var copy = (ScoringProfile)MemberwiseClone();
        copy.Selection = selection;
        return copy;
    }

    public string? GradeOf(decimal? total)
    {
        if (total is null) return null;
        foreach (var band in GradeBands)
            if (total.Value >= band.Min) return band.Grade;
        return GradeBands.Count > 0 ? GradeBands[^1].Grade : null;
    }

    public MissedTargetFormula FormulaFor(Comparator c) =>
        MissedTargetFormulas.TryGetValue(c, out var f) ? f
        : c.IsUpperBound() ? MissedTargetFormula.Ratio : MissedTargetFormula.Proportional;

    /// <summary>Reads a profile; a bad one throws <see cref="ProfileException"/> naming the field, in Chinese.</summary>
    /// <param name="findBase">Another profile's text by its id, for a file that is `basedOn` it (the catalog gives it).</param>
    public static ScoringProfile Parse(string json, Func<string, string?>? findBase = null) => ProfileParser.Parse(json, findBase);
}

/// <summary>One figure of a profile (`executionRate.weight`), the source it rests on, and how firm that source is.</summary>
public sealed record FigureSource(string Figure, RuleSource Basis);

/// <summary>A profile file that cannot be used. The message names the field and says what was expected.</summary>
public sealed class ProfileException(string message, string? field = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string? Field { get; } = field;
}

/// <summary>
/// target-far-below-peers: a target more than <see cref="PeerShortfallPercent"/> below the median of the peers'
/// targets, counted only with at least <see cref="MinPeers"/> peer units (two peers do not make a median).
/// </summary>
public sealed record AmbitionRules(decimal PeerShortfallPercent, int MinPeers)
{
    public static readonly AmbitionRules Default = new(50m, 5);
}
