using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Text;

namespace Jixiao.Core.Parsing;

/// <summary>Reads printed numbers, target values, actual values and dates. Pure; never throws on bad text.</summary>
public static partial class ValueParser
{
    /// <summary>A plain number as printed: `6,481.38`, `0.00`, full-width digits. Null when it is not one.</summary>
    public static decimal? ParseNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text.Length > 40 || !char.IsDigit(text[^1]) && text[^1] is not ('０' or '１' or '２' or '３' or '４' or '５' or '６' or '７' or '８' or '９') && !char.IsWhiteSpace(text[^1])) return null;
        // A plain number is a quantity with neither comparator nor unit.
        return ParseQuantity(text) is { Comparator: null, Unit: null } q ? q.Value : null;
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

    // A loop over a cell's few characters: IndexOfAny over a literal of more than five characters built its lookup
    // on every call, and a prebuilt search's set-up still cost more than the loop on short text.
    private static bool HasOperator(string s)
    {
        foreach (var c in s)
            if (c is '=' or '<' or '>' or '≧' or '≦' or '═' or '＝' or '＞' or '＜') return true;
        return false;
    }

    private static string NormalizeOperators(string s) => !HasOperator(s) ? s : s
        .Replace("≥=", "≥").Replace("=>", "≥").Replace("=<", "≤")
        .Replace(">=", "≥").Replace("<=", "≤").Replace("≧", "≥").Replace("≦", "≤").Replace("═", "=")
        .Replace("＝", "=").Replace("＞", ">").Replace("＜", "<");

    private readonly record struct Quantity(Comparator? Comparator, decimal Value, string? Unit);

    /// <summary>
    /// Reads `comparator? number %? ((unit) | unit)?` — in regex terms
    /// `^(cmp)?\s*([+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?)\s*(%)?\s*(\(([^()]*)\)|([^\d\s()][^()]*))?$` — scanned by hand
    /// because it runs on every cell of every form and a regex match allocates.
    /// </summary>
    private static Quantity? ParseQuantity(string text)
    {
        // Most value cells are plain ASCII numbers (`10.00`, `100`): read without normalising or the general parse.
        if (PlainAsciiNumber(text) is { } plain) return new Quantity(null, plain, null);
        // No digit, no quantity: most cells are names and words.
        bool digit = false;
        foreach (var c in text) if (ChineseText.IsDigit(c)) { digit = true; break; }
        if (!digit) return null;
        var s = NormalizeOperators(ChineseText.ToHalfWidth(ChineseText.Normalize(text))).AsSpan().Trim();
        int i = 0;
        Comparator? cmp = null;
        if (i < s.Length && s[i] is '≥' or '≤' or '>' or '<' or '=')
        {
            cmp = s[i] switch { '≥' => Comparator.GreaterOrEqual, '≤' => Comparator.LessOrEqual, '>' => Comparator.Greater, '<' => Comparator.Less, _ => Comparator.Equal };
            i++;
        }
        while (i < s.Length && ChineseText.IsWhiteSpace(s[i])) i++;
        int numberStart = i;
        if (i < s.Length && s[i] is '+' or '-') i++;
        int intStart = i, commas = 0, groupLength = 0, firstGroup = 0;
        bool commaGroupsOk = true;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || (s[i] == ',' && i > intStart)))
        {
            if (s[i] == ',')
            {
                if (commas == 0) firstGroup = groupLength; else if (groupLength != 3) commaGroupsOk = false;
                commas++;
                groupLength = 0;
            }
            else groupLength++;
            i++;
        }
        if (i == intStart || s[i - 1] == ',') return null;
        if (commas > 0 && (!commaGroupsOk || groupLength != 3 || firstGroup is < 1 or > 3)) return null;
        if (i < s.Length && s[i] == '.')
        {
            int fractionStart = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == fractionStart) return null;
        }
        var numberText = s[numberStart..i];
        decimal value;
        bool parsed = commas == 0
            ? decimal.TryParse(numberText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            : decimal.TryParse(numberText.ToString().Replace(",", ""), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        if (!parsed) return null;
        while (i < s.Length && ChineseText.IsWhiteSpace(s[i])) i++;
        bool percent = false;
        if (i < s.Length && s[i] == '%') { percent = true; i++; }
        while (i < s.Length && ChineseText.IsWhiteSpace(s[i])) i++;
        var rest = s[i..];
        string? unit = percent ? "%" : null;
        if (rest.Length > 0)
        {
            if (rest[0] == '(')
            {
                // `(unit)` with no other bracket inside, and nothing after it.
                if (rest[^1] != ')' || rest[1..^1].IndexOfAny('(', ')') >= 0) return null;
                unit = ChineseText.RemoveSpaces(rest[1..^1].ToString());
            }
            else
            {
                if (char.IsDigit(rest[0]) || char.IsWhiteSpace(rest[0]) || rest[0] == ')' || rest.IndexOfAny('(', ')') >= 0) return null;
                unit = (unit ?? "") + ChineseText.RemoveSpaces(rest.ToString());
            }
        }
        if (unit == "") unit = null;
        // A "unit" longer than a few characters is prose (e.g. `2023年1月至12月`), not a quantity.
        if (unit is { Length: > 12 }) return null;
        return new Quantity(cmp, value, unit);
    }

    /// <summary>
    /// `digits` or `digits.digits` in ASCII, at most 18 digits: the value decimal.TryParse gives it, with the same scale
    /// (`10.00` stays 10.00); null for any other text.
    /// </summary>
    private static decimal? PlainAsciiNumber(string text)
    {
        if (text.Length is 0 or > 19) return null;
        long mantissa = 0;
        int scale = -1, digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c)) { mantissa = mantissa * 10 + (c - '0'); digits++; if (scale >= 0) scale++; }
            else if (c == '.' && scale < 0) scale = 0;
            else return null;
        }
        if (digits == 0 || digits > 18 || scale == 0 || text[0] == '.') return null;
        return new decimal((int)mantissa, (int)(mantissa >> 32), 0, false, (byte)Math.Max(scale, 0));
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
        if (s.StartsWith("未达成", StringComparison.Ordinal)) return Achievement.NotAchieved;
        if (s.StartsWith("部分达成", StringComparison.Ordinal)) return Achievement.PartiallyAchieved;
        if (s is "达成指标" or "达成预期指标" or "达成" or "已达成" or "达成目标") return Achievement.Achieved;
        return null;
    }

    /// <summary>Dates as printed: 2024-01-01, 2024/1/1, 2024年1月1日, 2024.01.01.</summary>
    public static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = ChineseText.RemoveSpaces(ChineseText.ToHalfWidth(text));
        var m = DatePattern().Match(s);
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
        var m = YearPattern().Match(s);
        return m.Success ? int.Parse(m.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"((?:19|20)\d{2})年度")]
    private static partial Regex YearPattern();
}
