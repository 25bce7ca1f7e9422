using System.Text;
using Jixiao.Core.Model;
using Jixiao.Core.Text;

namespace Jixiao.Core.Review;

/// <summary>The 一级 dimension a row belongs to (rules.md §4).</summary>
public enum Dimension
{
    Unknown,
    Cost,         // 成本指标
    Output,       // 产出指标
    Effect,       // 效益指标 (可持续影响 included: it is one of 效益's 二级)
    Satisfaction, // 满意度指标
}

/// <summary>Readings of a row's labels that several checks share.</summary>
public static class IndicatorFacts
{
    /// <summary>Text without white space: imported labels may keep a wrap (可持 续影 响指 标).</summary>
    public static string Squash(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
            if (!char.IsWhiteSpace(ch)) sb.Append(ch);
        return sb.ToString();
    }

    /// <summary>A name for comparing rows: no spaces, no quotes of either width.</summary>
    public static string NameKey(string? name) =>
        new(Squash(name).Where(ch => ch is not ('"' or '“' or '”' or '\'' or '‘' or '’')).ToArray());

    /// <summary>The row's dimension: the framework's reading of its labels (<see cref="Framework.Level1Of"/>).</summary>
    public static Dimension DimensionOf(Indicator row) => Framework.Level1Of(row.Level1, row.Level2) switch
    {
        Framework.Cost => Dimension.Cost,
        Framework.Output => Dimension.Output,
        Framework.Benefit => Dimension.Effect,
        Framework.Satisfaction => Dimension.Satisfaction,
        _ => Dimension.Unknown,
    };

    /// <summary>Cost rows: their own 一级, or 成本指标 under 产出 as older forms have it.</summary>
    public static bool IsCost(Indicator row) => Framework.IsCost(row.Level1, row.Level2);

    public static string ToChinese(this Dimension d) => d switch
    {
        Dimension.Cost => "成本指标",
        Dimension.Output => "产出指标",
        Dimension.Effect => "效益指标",
        Dimension.Satisfaction => "满意度指标",
        _ => "未知",
    };

    /// <summary>The dimension a profile's 一级 weight key (产出指标 …) names.</summary>
    public static Dimension DimensionOfLevel1(string label)
    {
        var probe = new Indicator { Level1 = label };
        return DimensionOf(probe);
    }

    /// <summary>Character bigrams of the Han text in s; the only language model the goal matcher needs.</summary>
    public static HashSet<string> HanBigrams(string s)
    {
        var han = new string(s.Where(IsHan).ToArray());
        var set = new HashSet<string>();
        for (var i = 0; i + 1 < han.Length; i++) set.Add(han.Substring(i, 2));
        return set;
    }

    public static bool IsHan(char ch) => ChineseText.IsHan(ch);
}
