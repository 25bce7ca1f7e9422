using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Model;

namespace Jixiao.Core.History;

/// <summary>
/// Values of the JSON format as the form prints them: a target or actual value by its printed text (<c>4(个)</c>),
/// an override as its score and reason, a row as its filing and figures. What the history shows instead of JSON.
/// </summary>
public static class Printed
{
    static readonly HashSet<string> Wholes =
    [
        "indicators[].target", "indicators[].actual", "indicators[].scoreOverride",
        "indicators[].progress", "indicators[].forecast", "indicators[].deviation", "funds.rows[].deviation",
    ];

    /// <summary>The fields compared and printed as one value (a target is its printed text, not three leaves).</summary>
    public static bool IsWhole(string pattern) => Wholes.Contains(pattern);

    /// <summary>The value at <paramref name="path"/> as printed; null for an absent value.</summary>
    public static string? Of(JsonNode? node, string path)
    {
        if (node is null) return null;
        var pattern = FieldLabels.Pattern(path);
        return pattern switch
        {
            "indicators[].target" => Target(node),
            "indicators[].actual" => Actual(node),
            "indicators[].scoreOverride" => Override(node),
            "indicators[].progress" or "indicators[].forecast" => Actual(node),
            "indicators[].deviation" or "funds.rows[].deviation" => Deviation(node),
            "indicators[].likelihood" => MonitoringChoices.LikelihoodFromCode(FormHistory.Str(node))?.ToChinese() ?? Leaf(node),
            "indicators[]" => node is JsonObject row ? Row(row) : Leaf(node),
            "funds.rows[]" => node is JsonObject fund ? FundRow(fund) : Leaf(node),
            _ => Leaf(node, Counts.Contains(pattern)),
        };
    }

    // Whole numbers that are counts, not figures: printed as they are, never with places.
    static readonly HashSet<string> Counts = ["year", "formatVersion", "revision", "indicators[].line", "funds.rows[].line"];

    /// <summary>
    /// A value an older history row stored as text: JSON objects (a whole added row, a target) are printed as the
    /// form prints them; anything else stands as it is.
    /// </summary>
    public static string? Stored(string? value, string path)
    {
        if (value is not { Length: > 1 } || value[0] != '{') return value;
        try { return JsonNode.Parse(value) is JsonObject o ? Of(o, path) : value; }
        catch (JsonException) { return value; }
    }

    /// <summary>A row without its name (the label names it): <c>产出指标·数量指标，指标值 ≥4(个)，实际完成值 4(个)，分值 25.00</c>.</summary>
    public static string Row(JsonObject row)
    {
        var parts = new List<string>();
        var filing = string.Join("·", new[] { FormHistory.Str(row["level1"]), FormHistory.Str(row["level2"]) }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (filing.Length > 0) parts.Add(filing);
        void Add(string label, string? value) { if (!string.IsNullOrWhiteSpace(value)) parts.Add($"{label} {value}"); }
        Add("指标值", row["target"] is { } t ? Target(t) : null);
        Add("实际完成值", row["actual"] is { } a ? Actual(a) : null);
        Add("分值", Leaf(row["weight"]));
        Add("得分", Leaf(row["score"]));
        Add("执行情况", row["progress"] is { } p ? Actual(p) : null);
        Add("全年预计", row["forecast"] is { } f ? Actual(f) : null);
        Add("完成目标可能性", row["likelihood"] is { } l ? Of(l, "indicators[].likelihood") : null);
        return parts.Count == 0 ? "空行" : string.Join("，", parts);
    }

    public static string FundRow(JsonObject row)
    {
        var parts = new List<string>();
        foreach (var (key, label) in new[]
                 {
                     ("initialBudget", "年初预算数"), ("adjustedBudget", "全年预算数"), ("executed", "全年执行数"), ("executedToDate", "执行数"),
                     ("weight", "分值"), ("executionRate", "执行率"), ("score", "得分"), ("forecastExecuted", "全年预计执行数"),
                 })
            if (Leaf(row[key]) is { } v) parts.Add($"{label} {v}");
        return parts.Count == 0 ? "无金额" : string.Join("，", parts);
    }

    /// <summary>A target by its printed text; when it has none, its parts (<c>≥</c>, 4, 个 → <c>≥4(个)</c>).</summary>
    public static string? Target(JsonNode node) =>
        FormHistory.Str(node["text"]) is { Length: > 0 } text ? text : Parts(node);

    /// <summary>A target or actual value from its parts alone (comparator, value, unit).</summary>
    public static string? Parts(JsonNode node)
    {
        if (node is not JsonObject) return Leaf(node);
        var value = Leaf(node["value"]);
        if (value is null) return FormHistory.Str(node["text"]);
        var unit = FormHistory.Str(node["unit"]);
        return $"{FormHistory.Str(node["comparator"])}{value}{(string.IsNullOrEmpty(unit) ? "" : $"({unit})")}";
    }

    public static string? Actual(JsonNode node)
    {
        if (FormHistory.Str(node["text"]) is { Length: > 0 } text) return text;
        if (Achievements.FromCode(FormHistory.Str(node["achievement"])) is { } a) return a.ToChinese();
        return Parts(node);
    }

    /// <summary>偏差原因 as the form prints it: the causes ticked, the reason, the 纠偏措施.</summary>
    static string? Deviation(JsonNode node)
    {
        if (node is not JsonObject) return Leaf(node);
        var causes = (node["causes"] as JsonArray ?? []).Select(c => MonitoringChoices.CauseFromCode(FormHistory.Str(c))?.ToChinese() ?? FormHistory.Str(c));
        var parts = new List<string>();
        if (string.Join("、", causes) is { Length: > 0 } ticked) parts.Add(ticked);
        if (FormHistory.Str(node["reason"]) is { Length: > 0 } reason) parts.Add($"原因：{reason}");
        if (FormHistory.Str(node["correctiveAction"]) is { Length: > 0 } action) parts.Add($"措施：{action}");
        return string.Join("；", parts);
    }

    static string? Override(JsonNode node) =>
        node is JsonObject ? $"{Leaf(node["score"])}（理由：{FormHistory.Str(node["reason"])}）" : Leaf(node);

    /// <summary>A leaf as printed; figures (money, weights, scores, rates) with at least two places, as the forms print them.</summary>
    static string? Leaf(JsonNode? node, bool count = false) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "是",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "否",
        JsonValue v when !count && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var d) =>
            Scoring.Num.TwoPlaces(d).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };
}
