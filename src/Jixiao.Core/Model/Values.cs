namespace Jixiao.Core.Model;

/// <summary>≥ &gt; = ≤ &lt;. Printed variants (&gt;=, ≧, ＝, ═ …) normalise to these.</summary>
public enum Comparator
{
    GreaterOrEqual, // ≥
    Greater,        // >
    Equal,          // =
    LessOrEqual,    // ≤
    Less,           // <
}

public static class Comparators
{
    public static string ToSymbol(this Comparator c) => c switch
    {
        Comparator.GreaterOrEqual => "≥",
        Comparator.Greater => ">",
        Comparator.Equal => "=",
        Comparator.LessOrEqual => "≤",
        Comparator.Less => "<",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static Comparator? FromSymbol(string? symbol) => symbol switch
    {
        "≥" => Comparator.GreaterOrEqual,
        ">" => Comparator.Greater,
        "=" => Comparator.Equal,
        "≤" => Comparator.LessOrEqual,
        "<" => Comparator.Less,
        _ => null,
    };

    /// <summary>True for the comparators a "more is better" target uses.</summary>
    public static bool IsLowerBound(this Comparator c) => c is Comparator.GreaterOrEqual or Comparator.Greater;

    public static bool IsUpperBound(this Comparator c) => c is Comparator.LessOrEqual or Comparator.Less;
}

/// <summary>The three achievement labels of a qualitative actual value (实际完成值).</summary>
public enum Achievement
{
    Achieved,          // 达成指标 / 达成预期指标
    PartiallyAchieved, // 部分达成指标并具有一定效果
    NotAchieved,       // 未达成指标且效果较差
}

public static class Achievements
{
    public static string ToCode(this Achievement a) => a switch
    {
        Achievement.Achieved => "achieved",
        Achievement.PartiallyAchieved => "partially-achieved",
        Achievement.NotAchieved => "not-achieved",
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };

    public static Achievement? FromCode(string? code) => code switch
    {
        "achieved" => Achievement.Achieved,
        "partially-achieved" => Achievement.PartiallyAchieved,
        "not-achieved" => Achievement.NotAchieved,
        _ => null,
    };

    public static string ToChinese(this Achievement a) => a switch
    {
        Achievement.Achieved => "达成指标",
        Achievement.PartiallyAchieved => "部分达成指标并具有一定效果",
        Achievement.NotAchieved => "未达成指标且效果较差",
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };
}

/// <summary>
/// A target value (年度指标值) as printed and as read: quantitative (comparator, value, unit) or qualitative (a word
/// such as 及时). <see cref="Text"/> keeps the printed text.
/// </summary>
public sealed record TargetValue(string Text, Comparator? Comparator, decimal? Value, string? Unit)
{
    public bool IsQuantitative => Value is not null;

    /// <summary>The qualitative word (及时, 良好 …) when the target has no number.</summary>
    public string? Word => Value is null ? Text : null;
}

/// <summary>An actual value (实际完成值): a number with unit, an achievement label, or other text.</summary>
public sealed record ActualValue(string Text, decimal? Value, string? Unit, Achievement? Achievement)
{
    public bool IsQuantitative => Value is not null;
}
