using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Text;

namespace Jixiao.Core.Parsing;

/// <summary>Reads printed numbers, target values, actual values and dates. Pure; never throws on bad text.</summary>
public static partial class ValueParser
{
    // A value: optional comparator, a number, and a unit in brackets or written after it.
    [GeneratedRegex(@"^(?<cmp>>=|<=|≥|≤|≧|≦|>|<|=|═|≥=|=>|=<)?\s*(?<num>[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?<pct>%)?\s*(?:\((?<bu>[^()]*)\)|(?<tu>[^\d\s()][^()]*))?$")]
    private static partial Regex ValueRegex();

    [GeneratedRegex(@"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")]
    private static partial Regex NumberRegex();

    /// <summary>A plain number as printed: `6,481.38`, `0.00`, full-width digits. Null when it is not one.</summary>
    public static decimal? ParseNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text.Length > 40 || !char.IsDigit(text[^1]) && text[^1] is not ('０' or '１' or '２' or '３' or '４' or '５' or '６' or '７' or '８' or '９') && !char.IsWhiteSpace(text[^1])) return null;
        var s = ChineseText.RemoveSpaces(ChineseText.ToHalfWidth(text));
        if (!NumberRegex().IsMatch(s)) return null;
        return decimal.TryParse(s.Replace(",", ""), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    /// <summary>A percentage such as `97.44`, `100%`, `100.00%`; the value is in percent.</summary>
    public static decimal? ParsePercent(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = ChineseText.RemoveSpaces(ChineseText.ToHalfWidth(text)).TrimEnd('%');
        return ParseNumber(s);
    }

    public static bool IsNumber(string? text) => ParseNumber(text) is not null;

    /// <summary>`-`, `/`, `—`: printed in cells that carry no figure.</summary>
    public static bool IsDash(string? text)
    {
        var s = ChineseText.RemoveSpaces(text ?? "");
        return s is "-" or "/" or "—" or "--" or "－" or "／" or "—" or "——";
    }

    private static string NormalizeOperators(string s) => s.AsSpan().IndexOfAny("=<>≧≦═＝＞＜") < 0 ? s : s
        .Replace("≥=", "≥").Replace("=>", "≥").Replace("=<", "≤")
        .Replace(">=", "≥").Replace("<=", "≤").Replace("≧", "≥").Replace("≦", "≤").Replace("═", "=")
        .Replace("＝", "=").Replace("＞", ">").Replace("＜", "<");

    private readonly record struct Quantity(Comparator? Comparator, decimal Value, string? Unit);

    private static Quantity? ParseQuantity(string text)
    {
        // No digit, no quantity: most cells are names and words.
        bool digit = false;
        foreach (var c in text) if (char.IsDigit(c)) { digit = true; break; }
        if (!digit) return null;
        var s = NormalizeOperators(ChineseText.ToHalfWidth(ChineseText.Normalize(text))).Trim();
        var m = ValueRegex().Match(s);
        if (!m.Success) return null;
        if (!decimal.TryParse(m.Groups["num"].Value.Replace(",", ""), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var value)) return null;
        string? unit = null;
        if (m.Groups["pct"].Success) unit = "%";
        if (m.Groups["bu"].Success) unit = ChineseText.RemoveSpaces(m.Groups["bu"].Value);
        else if (m.Groups["tu"].Success) unit = (unit ?? "") + ChineseText.RemoveSpaces(m.Groups["tu"].Value);
        if (unit == "") unit = null;
        // A "unit" longer than a few characters is prose (e.g. `2023年1月至12月`), not a quantity.
        if (unit is { Length: > 12 }) return null;
        Comparator? cmp = m.Groups["cmp"].Success ? Comparators.FromSymbol(m.Groups["cmp"].Value) : null;
        return new Quantity(cmp, value, unit);
    }

    /// <summary>
    /// A target value (年度指标值): `≥4.00(次)`, `=100.00 (%)`, `>=20平方米`, `≦500元/亩`, `100%` — or a word
    /// (及时, 良好 …). The printed text is kept (normalised as every text is).
    /// </summary>
    public static TargetValue ParseTarget(string text)
    {
        var printed = ChineseText.Normalize(text);
        var q = ParseQuantity(printed);
        return q is { } v ? new TargetValue(printed, v.Comparator, v.Value, v.Unit) : new TargetValue(printed, null, null, null);
    }

    /// <summary>True when the text reads as a target value with a number (with or without a comparator).</summary>
    public static bool LooksQuantitative(string text) => ParseQuantity(text) is not null;

    /// <summary>True when the text starts with a comparator: the strongest sign of a target cell.</summary>
    public static bool StartsWithComparator(string text)
    {
        var s = NormalizeOperators(ChineseText.ToHalfWidth(text)).TrimStart();
        return s.Length > 0 && s[0] is '≥' or '≤' or '>' or '<' or '=';
    }

    /// <summary>An actual value (实际完成值): a number with unit, an achievement label, or text.</summary>
    public static ActualValue ParseActual(string text)
    {
        var printed = ChineseText.Normalize(text);
        var achievement = ParseAchievement(printed);
        if (achievement is not null) return new ActualValue(printed, null, null, achievement);
        var q = ParseQuantity(printed);
        return q is { Comparator: null } v
            ? new ActualValue(printed, v.Value, v.Unit, null)
            : new ActualValue(printed, null, null, null);
    }

    /// <summary>The Shanghai and national wordings of the three achievement labels.</summary>
    public static Achievement? ParseAchievement(string text)
    {
        var s = ChineseText.RemoveSpaces(text);
        if (s.Length == 0) return null;
        if (s.StartsWith("未达成")) return Achievement.NotAchieved;
        if (s.StartsWith("部分达成")) return Achievement.PartiallyAchieved;
        if (s is "达成指标" or "达成预期指标" or "达成" or "已达成" or "达成目标") return Achievement.Achieved;
        return null;
    }

    /// <summary>Dates as printed: 2024-01-01, 2024/1/1, 2024年1月1日, 2024.01.01.</summary>
    public static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = ChineseText.RemoveSpaces(ChineseText.ToHalfWidth(text));
        var m = Regex.Match(s, @"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$");
        if (!m.Success) return null;
        int y = int.Parse(m.Groups[1].Value), mo = int.Parse(m.Groups[2].Value), d = int.Parse(m.Groups[3].Value);
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
        return new DateOnly(y, mo, d);
    }

    /// <summary>The year of a form: `（2024年度）`, `(2024 年度)`, `2019年度)`.</summary>
    public static int? ParseYear(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains("年度", StringComparison.Ordinal) && !text.Contains("年 度", StringComparison.Ordinal)) return null;
        var s = ChineseText.RemoveSpaces(ChineseText.ToHalfWidth(text));
        var m = Regex.Match(s, @"((?:19|20)\d{2})年度");
        return m.Success ? int.Parse(m.Groups[1].Value) : null;
    }
}
