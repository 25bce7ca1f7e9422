namespace Jixiao.Core.Scoring;

/// <summary>Whether a row's written target was reached, read with its written comparator.</summary>
public enum Attainment
{
    Met,
    Missed,
}

/// <summary>How a row was scored.</summary>
public enum RowKind
{
    Quantitative, // comparator, number, unit
    Qualitative,  // a word target and an achievement label
    Unscorable,   // weight, target or actual missing, or the values cannot be compared
}

/// <summary>One indicator row: the printed score beside the one the rules give, and why.</summary>
public sealed record IndicatorScore(
    string Name,
    string? Level1,
    string? Level2,
    int? Line,
    RowKind Kind,
    decimal? Weight,
    decimal? PrintedScore,
    decimal? ComputedScore,
    string Explanation,
    Attainment? Attainment = null,
    decimal? BandLow = null,            // qualitative: the band in points, e.g. 1.80
    decimal? BandHigh = null,           // e.g. 2.40
    bool BandHighIncluded = true,
    bool? PrintedInsideBand = null);

/// <summary>
/// A self-evaluation scored against a profile. Two totals: <see cref="TotalScore"/> is the form's own total
/// recomputed (printed row scores), <see cref="RuleBasedTotalScore"/> is what the rules give (see
/// docs/decisions/0002-two-totals.md).
/// </summary>
public sealed record ScoreSheet(
    string? ProjectName,
    string ProfileId,
    decimal? ExecutionRate,          // percent, rounded as the profile says
    decimal? PrintedExecutionRate,
    decimal ExecutionWeight,
    decimal? ExecutionScore,
    decimal? PrintedExecutionScore,
    string ExecutionExplanation,
    IReadOnlyList<IndicatorScore> Indicators,
    decimal? TotalScore,
    decimal? RuleBasedTotalScore,
    decimal? PrintedTotalScore,
    string? Grade,
    string? RuleBasedGrade,
    string? PrintedGrade,
    string? TotalsNote,
    string? ProfileReason = null);   // why this profile (ProfileSelection.Reason), when it was chosen for the form
