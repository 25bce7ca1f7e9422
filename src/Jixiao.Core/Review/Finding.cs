using System.Text.Json.Serialization;

namespace Jixiao.Core.Review;

[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    [JsonStringEnumMemberName("error")] Error,     // arithmetic or structure broken
    [JsonStringEnumMemberName("warning")] Warning, // scoring inconsistent, or a target a reviewer would send back
    [JsonStringEnumMemberName("info")] Info,       // worth a look; allowed as it stands
}

public static class Severities
{
    public static string ToCode(this Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    public static string ToChinese(this Severity s) => s switch
    {
        Severity.Error => "错误",
        Severity.Warning => "警告",
        _ => "提示",
    };
}

/// <summary>
/// One thing a reviewer would raise. <see cref="Code"/> is stable (tests, filters and the catalogue in
/// docs/checks.md key on it); <see cref="Message"/> says in Chinese what is wrong and what to do.
/// </summary>
public sealed record Finding(
    string Code,
    Severity Severity,
    string Message,
    string? ProjectName,
    string? IndicatorName,
    int? Line,
    string Rule,
    int? Row = null); // the 1-based indicator row the finding is about, for forms entered without source lines
