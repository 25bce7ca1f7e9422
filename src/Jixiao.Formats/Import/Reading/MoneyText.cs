using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;

namespace Jixiao.Formats.Import;

/// <summary>An amount read from a cell that carries more than a number: its value, the unit the cell names, and whether text was dropped.</summary>
internal sealed record MoneyAmount(decimal Value, MoneyUnit? Unit, bool WithText);

/// <summary>
/// Amounts written with their unit or with text in the cell (`854万`, `3359.62万`, `50万元`, `854万854万(高标准农田建设400万元,…)`):
/// the first amount is read, with the unit it names, and the caller warns that the cell said more than a number.
/// </summary>
internal static partial class MoneyText
{
    public static MoneyAmount? Parse(string text)
    {
        if (ValueParser.ParseNumber(text) is { } plain) return new MoneyAmount(plain, null, false);
        var m = Amount().Match(text);
        if (!m.Success || m.Index != 0) return null;
        if (!decimal.TryParse(m.Groups["n"].Value.Replace(",", ""), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value)) return null;
        var unit = m.Groups["u"].Value.StartsWith('万') ? MoneyUnit.WanYuan : MoneyUnit.Yuan;
        return new MoneyAmount(value, unit, m.Length < text.Trim().Length);
    }

    /// <summary>The amount in the form's unit.</summary>
    public static decimal InUnit(MoneyAmount a, MoneyUnit formUnit) => (a.Unit, formUnit) switch
    {
        (MoneyUnit.WanYuan, MoneyUnit.Yuan) => a.Value * 10000m,
        (MoneyUnit.Yuan, MoneyUnit.WanYuan) => a.Value / 10000m,
        _ => a.Value,
    };

    [GeneratedRegex(@"^\s*(?<n>\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?)\s*(?<u>万元|万|元)")]
    private static partial Regex Amount();
}
