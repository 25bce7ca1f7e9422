using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Model;

namespace Jixiao.Formats.Json;

/// <summary>A JSON form that cannot be read: says which field and why, in Chinese.</summary>
public sealed class FormJsonException(string message, string path) : Exception(message)
{
    public string Path { get; } = path;
}

/// <summary>Reads the JSON format (version 1) back into the model: the API's and the database's way in.</summary>
public static class FormJsonReader
{
    public static List<PerformanceForm> ParseArray(string json)
    {
        var node = ParseNode(json);
        if (node is not JsonArray array) throw new FormJsonException("应为表的 JSON 数组", "$");
        return array.Select((n, i) => Read(n as JsonObject ?? throw new FormJsonException("应为对象", $"$[{i}]"), $"$[{i}]")).ToList();
    }

    public static PerformanceForm Parse(string json) =>
        Read(ParseNode(json) as JsonObject ?? throw new FormJsonException("应为表的 JSON 对象", "$"), "$");

    private static JsonNode? ParseNode(string json)
    {
        try { return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }); }
        catch (JsonException ex) { throw new FormJsonException($"不是有效的 JSON：{ex.Message}", "$"); }
    }

    public static PerformanceForm Read(JsonObject o, string path = "$")
    {
        var kind = FormKinds.FromCode(Str(o, "kind", path))
                   ?? throw new FormJsonException("kind 应为 \"self-evaluation\" 或 \"target-declaration\"", path + ".kind");
        PerformanceForm form = kind == FormKind.SelfEvaluation ? new SelfEvaluation() : new TargetDeclaration();
        form.Year = Int(o, "year", path);
        form.ProjectName = Str(o, "projectName", path);
        form.Department = Str(o, "department", path);
        form.ImplementingUnit = Str(o, "implementingUnit", path);
        form.Complete = o["complete"] is JsonValue c && c.TryGetValue<bool>(out var b) ? b : true;
        form.Revision = Int(o, "revision", path);
        var funds = o["funds"] as JsonObject;
        var goals = o["goals"] as JsonObject;
        switch (form)
        {
            case TargetDeclaration d:
                d.ProjectNature = Str(o, "projectNature", path);
                d.ProjectCategory = Str(o, "projectCategory", path);
                d.StartDate = Date(o, "startDate", path);
                d.EndDate = Date(o, "endDate", path);
                if (funds is not null)
                {
                    d.Funds.Unit = Unit(funds, path + ".funds") ?? MoneyUnit.Yuan;
                    d.Funds.ProjectTotal = Dec(funds, "projectTotal", path + ".funds");
                    d.Funds.ProjectFiscal = Dec(funds, "projectFiscal", path + ".funds");
                    d.Funds.ProjectOther = Dec(funds, "projectOther", path + ".funds");
                    d.Funds.AnnualTotal = Dec(funds, "annualTotal", path + ".funds");
                    d.Funds.CurrentYearAppropriation = Dec(funds, "currentYearAppropriation", path + ".funds");
                    d.Funds.CarryOver = Dec(funds, "carryOver", path + ".funds");
                    d.Funds.Other = Dec(funds, "other", path + ".funds");
                }
                if (goals is not null)
                {
                    d.OverallGoal = Str(goals, "overall", path + ".goals");
                    d.AnnualGoal = Str(goals, "annual", path + ".goals");
                }
                break;
            case SelfEvaluation s:
                if (funds is not null)
                {
                    s.Funds.Unit = Unit(funds, path + ".funds") ?? MoneyUnit.WanYuan;
                    if (funds["rows"] is JsonArray rows)
                        for (int i = 0; i < rows.Count; i++)
                        {
                            var p = $"{path}.funds.rows[{i}]";
                            var r = rows[i] as JsonObject ?? throw new FormJsonException("应为对象", p);
                            s.Funds.Rows.Add(new FundRow
                            {
                                Label = Str(r, "label", p) ?? throw new FormJsonException("资金行缺少 label", p + ".label"),
                                InitialBudget = Dec(r, "initialBudget", p),
                                AdjustedBudget = Dec(r, "adjustedBudget", p),
                                Executed = Dec(r, "executed", p),
                                Weight = Dec(r, "weight", p),
                                ExecutionRate = Dec(r, "executionRate", p),
                                Score = Dec(r, "score", p),
                                Line = Int(r, "line", p),
                            });
                        }
                    else if (funds.Count > 1)
                        s.Funds.Rows.Add(new FundRow
                        {
                            Label = "年度资金总额",
                            InitialBudget = Dec(funds, "initialBudget", path + ".funds"),
                            AdjustedBudget = Dec(funds, "adjustedBudget", path + ".funds"),
                            Executed = Dec(funds, "executed", path + ".funds"),
                            Weight = Dec(funds, "weight", path + ".funds"),
                            ExecutionRate = Dec(funds, "executionRate", path + ".funds"),
                            Score = Dec(funds, "score", path + ".funds"),
                        });
                }
                if (goals is not null)
                {
                    s.ExpectedGoal = Str(goals, "annual", path + ".goals");
                    s.ActualOutcome = Str(goals, "actual", path + ".goals");
                }
                s.TotalWeight = Dec(o, "totalWeight", path);
                s.TotalScore = Dec(o, "totalScore", path);
                s.Grade = Str(o, "grade", path);
                s.ReviewScore = Dec(o, "reviewScore", path);
                break;
        }
        if (o["indicators"] is JsonArray indicators)
            for (int i = 0; i < indicators.Count; i++)
                form.Indicators.Add(ReadIndicator(indicators[i] as JsonObject ?? throw new FormJsonException("应为对象", $"{path}.indicators[{i}]"), $"{path}.indicators[{i}]"));
        if (o["warnings"] is JsonArray warnings)
            foreach (var w in warnings.OfType<JsonObject>())
                form.Warnings.Add(new ImportWarning(Str(w, "message", path) ?? "", Int(w, "line", path)));
        if (o["source"] is JsonObject src) form.Source = new SourceRef(Str(src, "file", path), Int(src, "line", path));
        return form;
    }

    private static Indicator ReadIndicator(JsonObject o, string path)
    {
        var ind = new Indicator
        {
            Level1 = Str(o, "level1", path),
            Level2 = Str(o, "level2", path),
            Name = Str(o, "name", path) ?? "",
            Weight = Dec(o, "weight", path),
            Score = Dec(o, "score", path),
            DeviationReason = Str(o, "deviationReason", path),
            Line = Int(o, "line", path),
        };
        if (o["target"] is JsonObject t)
        {
            var cmpText = Str(t, "comparator", path + ".target");
            Comparator? cmp = cmpText is null ? null : Comparators.FromSymbol(cmpText)
                ?? throw new FormJsonException($"comparator 应为 ≥ > = ≤ < 之一，实际为“{cmpText}”", path + ".target.comparator");
            ind.Target = new TargetValue(Str(t, "text", path + ".target") ?? "", cmp, Dec(t, "value", path + ".target"), Str(t, "unit", path + ".target"));
        }
        if (o["actual"] is JsonObject a)
        {
            var achText = Str(a, "achievement", path + ".actual");
            Achievement? ach = achText is null ? null : Achievements.FromCode(achText)
                ?? throw new FormJsonException($"achievement 应为 achieved / partially-achieved / not-achieved，实际为“{achText}”", path + ".actual.achievement");
            ind.Actual = new ActualValue(Str(a, "text", path + ".actual") ?? "", Dec(a, "value", path + ".actual"), Str(a, "unit", path + ".actual"), ach);
        }
        return ind;
    }

    private static string? Str(JsonObject o, string key, string path)
    {
        var n = o[key];
        if (n is null) return null;
        if (n is JsonValue v && v.TryGetValue<string>(out var s)) return s;
        throw new FormJsonException($"{key} 应为文字", $"{path}.{key}");
    }

    private static decimal? Dec(JsonObject o, string key, string path)
    {
        var n = o[key];
        if (n is null) return null;
        if (n is JsonValue v)
        {
            // Numbers keep their exact decimal text; a string holding a number is accepted too.
            if (v.GetValueKind() == JsonValueKind.Number && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
            if (v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var ds)) return ds;
        }
        throw new FormJsonException($"{key} 应为数字，实际为 {n.ToJsonString()}", $"{path}.{key}");
    }

    private static int? Int(JsonObject o, string key, string path)
    {
        var d = Dec(o, key, path);
        if (d is null) return null;
        if (d != decimal.Truncate(d.Value) || d < int.MinValue || d > int.MaxValue) throw new FormJsonException($"{key} 应为整数", $"{path}.{key}");
        return (int)d.Value;
    }

    private static DateOnly? Date(JsonObject o, string key, string path)
    {
        var s = Str(o, key, path);
        if (s is null) return null;
        return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new FormJsonException($"{key} 应为 yyyy-MM-dd 格式的日期，实际为“{s}”", $"{path}.{key}");
    }

    private static MoneyUnit? Unit(JsonObject funds, string path)
    {
        var s = Str(funds, "unit", path);
        if (s is null) return null;
        return MoneyUnits.FromChinese(s) ?? throw new FormJsonException($"unit 应为“元”或“万元”，实际为“{s}”", path + ".unit");
    }
}
