using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Entry;
using Jixiao.Core.Model;

namespace Jixiao.Core.Interchange;

/// <summary>A JSON form that cannot be read: says which field and why, in Chinese.</summary>
public sealed class FormJsonException(string message, string path) : Exception(message)
{
    public string Path { get; } = path;
}

/// <summary>
/// Reads the JSON format (version 1) back into the model. Leniently for files and the database (fields it does not
/// know are ignored, as docs/json-format.md asks of readers); strictly for the API (<see cref="ReadStrict"/>: unknown
/// fields, and fields of the other form kind, are refused).
/// </summary>
public static class FormJsonReader
{
    public static List<PerformanceForm> ParseArray(string json)
    {
        var node = Node(json);
        if (node is not JsonArray array) throw new FormJsonException("应为表的 JSON 数组", "$");
        return array.Select((n, i) => Read(n as JsonObject ?? throw new FormJsonException($"第 {i + 1} 张表应为对象", $"$[{i}]"), $"$[{i}]")).ToList();
    }

    /// <summary>One form from its JSON text (a stored document, an uploaded file). The fast path: no tree is built.</summary>
    public static PerformanceForm Parse(string json)
    {
        FormDocument? doc;
        try { doc = JsonSerializer.Deserialize<FormDocument>(json, StrictJson.Options); }
        catch (JsonException)
        {
            // Say in Chinese what is wrong, and where.
            return Read(Node(json) as JsonObject ?? throw new FormJsonException("应为表的 JSON 对象", "$"));
        }
        return ToModel(doc ?? throw new FormJsonException("应为表的 JSON 对象", "$"), null);
    }

    public static PerformanceForm Read(JsonObject o, string path = "$")
    {
        if (StrictJson.Check(o, typeof(FormDocument), strict: false) is { Count: > 0 } problems)
            throw new FormJsonException(problems[0].Message, Prefix(path, problems[0].Field));
        return ToModel(o.Deserialize<FormDocument>(StrictJson.Options)!, null);
    }

    /// <summary>
    /// A form from the API: the model and every problem found (unknown fields were refused by the strict reading
    /// that made <paramref name="doc"/>; here, codes that are not in the format and fields of the other kind).
    /// </summary>
    public static (PerformanceForm? Form, List<FieldProblem> Problems) ReadStrict(FormDocument doc)
    {
        var problems = new List<FieldProblem>();
        // A form sent whole: its parts must be there, so that a careless `null` cannot empty what was saved.
        if (doc.Indicators is null) problems.Add(new FieldProblem("indicators", "缺少绩效指标 indicators（没有指标时请给出空数组 []）"));
        if (doc.Funds is null) problems.Add(new FieldProblem("funds", "缺少项目资金 funds（应为对象 { … }）"));
        if (doc.Goals is null) problems.Add(new FieldProblem("goals", "缺少绩效目标 goals（应为对象 { … }）"));
        OtherKindFields(doc, doc.Kind, "", problems);
        if (doc.Funds is { } funds) OtherKindFields(funds, doc.Kind, "funds", problems);
        if (doc.Goals is { } goals) OtherKindFields(goals, doc.Kind, "goals", problems);
        PerformanceForm? form = null;
        try { form = ToModel(doc, problems); }
        catch (FormJsonException ex) { problems.Add(new FieldProblem(ex.Path, ex.Message)); }
        return (problems.Count == 0 ? form : null, problems);
    }

    static JsonNode? Node(string json)
    {
        try { return StrictJson.Parse(json); }
        catch (JsonReadException ex) { throw new FormJsonException(ex.Message, "$"); }
    }

    static string Prefix(string path, string field) => field.Length == 0 ? path : $"{path}.{field}";

    static void OtherKindFields(object record, string kind, string path, List<FieldProblem> problems)
    {
        var label = FormKinds.FromCode(kind)?.ToChinese() ?? kind;
        foreach (var p in record.GetType().GetProperties())
            if (p.GetCustomAttribute<ForKindAttribute>() is { } only && only.Kind != kind && p.GetValue(record) is not null)
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(p.Name);
                var field = path.Length == 0 ? name : $"{path}.{name}";
                problems.Add(new FieldProblem(field, $"{label}没有字段“{field}”（它属于{FormKinds.FromCode(only.Kind)?.ToChinese()}）"));
            }
    }

    /// <summary>The model of a document. Codes outside the format (kind, comparator …) throw, naming the field.</summary>
    static PerformanceForm ToModel(FormDocument doc, List<FieldProblem>? strictProblems)
    {
        var kind = FormKinds.FromCode(doc.Kind) ?? throw new FormJsonException($"kind 应为 \"self-evaluation\" 或 \"target-declaration\"，实际为“{doc.Kind}”", "kind");
        if (doc.FormatVersion is { } v && v != FormJson.FormatVersion)
            throw new FormJsonException($"formatVersion 应为 {FormJson.FormatVersion}，实际为 {v}", "formatVersion");
        PerformanceForm form = kind == FormKind.SelfEvaluation ? new SelfEvaluation() : new TargetDeclaration();
        form.Year = doc.Year;
        form.ProjectName = doc.ProjectName;
        form.Department = doc.Department;
        form.ImplementingUnit = doc.ImplementingUnit;
        form.Complete = doc.Complete ?? true;
        form.Revision = doc.Revision;
        switch (form)
        {
            case TargetDeclaration d:
                d.ProjectNature = doc.ProjectNature;
                d.ProjectCategory = doc.ProjectCategory;
                d.StartDate = Date(doc.StartDate, "startDate");
                d.EndDate = Date(doc.EndDate, "endDate");
                if (doc.Funds is { } f)
                {
                    d.Funds.Unit = Unit(f.Unit) ?? MoneyUnit.Yuan;
                    d.Funds.ProjectTotal = f.ProjectTotal;
                    d.Funds.ProjectFiscal = f.ProjectFiscal;
                    d.Funds.ProjectOther = f.ProjectOther;
                    d.Funds.AnnualTotal = f.AnnualTotal;
                    d.Funds.CurrentYearAppropriation = f.CurrentYearAppropriation;
                    d.Funds.CarryOver = f.CarryOver;
                    d.Funds.Other = f.Other;
                }
                d.OverallGoal = doc.Goals?.Overall;
                d.AnnualGoal = doc.Goals?.Annual;
                break;
            case SelfEvaluation s:
                if (doc.Funds is { } sf)
                {
                    s.Funds.Unit = Unit(sf.Unit) ?? MoneyUnit.WanYuan;
                    if (sf.Rows is { } rows)
                        s.Funds.Rows.AddRange(rows.Select(r => new FundRow
                        {
                            Label = r.Label, InitialBudget = r.InitialBudget, AdjustedBudget = r.AdjustedBudget, Executed = r.Executed,
                            Weight = r.Weight, ExecutionRate = r.ExecutionRate, Score = r.Score, Line = r.Line,
                        }));
                    else if (new[] { sf.InitialBudget, sf.AdjustedBudget, sf.Executed, sf.Weight, sf.ExecutionRate, sf.Score }.Any(x => x is not null))
                        s.Funds.Rows.Add(new FundRow
                        {
                            Label = "年度资金总额", InitialBudget = sf.InitialBudget, AdjustedBudget = sf.AdjustedBudget, Executed = sf.Executed,
                            Weight = sf.Weight, ExecutionRate = sf.ExecutionRate, Score = sf.Score,
                        });
                }
                s.ExpectedGoal = doc.Goals?.Annual;
                s.ActualOutcome = doc.Goals?.Actual;
                s.TotalWeight = doc.TotalWeight;
                s.TotalScore = doc.TotalScore;
                s.Grade = doc.Grade;
                s.ReviewScore = doc.ReviewScore;
                break;
        }
        var indicators = doc.Indicators ?? [];
        for (int i = 0; i < indicators.Count; i++)
        {
            var path = $"indicators[{i}]";
            try { form.Indicators.Add(Indicator(indicators[i], path)); }
            catch (FormJsonException ex) when (strictProblems is not null) { strictProblems.Add(new FieldProblem(ex.Path, ex.Message)); }
        }
        foreach (var w in doc.Warnings ?? []) form.Warnings.Add(new ImportWarning(w.Message ?? "", w.Line));
        if (doc.Source is { } src) form.Source = new SourceRef(src.File, src.Line);
        return form;
    }

    static Indicator Indicator(IndicatorDocument o, string path)
    {
        var ind = new Indicator
        {
            Level1 = o.Level1,
            Level2 = o.Level2,
            Name = o.Name ?? "",
            Weight = o.Weight,
            Score = o.Score,
            DeviationReason = o.DeviationReason,
            Override = o.ScoreOverride is { } so ? new ScoreOverride(so.Score, so.Reason) : null,
            Line = o.Line,
        };
        if (o.Target is { } t)
        {
            Comparator? cmp = t.Comparator is null ? null : Comparators.FromSymbol(t.Comparator)
                ?? throw new FormJsonException($"第 {Row(path)} 行的比较符应为 ≥ > = ≤ < 之一，实际为“{t.Comparator}”", path + ".target.comparator");
            ind.Target = new TargetValue(t.Text ?? "", cmp, t.Value, t.Unit);
        }
        if (o.Actual is { } a)
        {
            Achievement? ach = a.Achievement is null ? null : Achievements.FromCode(a.Achievement)
                ?? throw new FormJsonException($"第 {Row(path)} 行的完成等级应为 achieved / partially-achieved / not-achieved，实际为“{a.Achievement}”", path + ".actual.achievement");
            ind.Actual = new ActualValue(a.Text ?? "", a.Value, a.Unit, ach);
        }
        return ind;
    }

    static int Row(string path) => int.Parse(path[(path.IndexOf('[') + 1)..path.IndexOf(']')], CultureInfo.InvariantCulture) + 1;

    static DateOnly? Date(string? s, string field)
    {
        if (s is null) return null;
        return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new FormJsonException($"{field} 应为 yyyy-MM-dd 格式的日期，实际为“{s}”", field);
    }

    static MoneyUnit? Unit(string? s) =>
        s is null ? null : MoneyUnits.FromChinese(s) ?? throw new FormJsonException($"金额单位 funds.unit 应为“元”或“万元”，实际为“{s}”", "funds.unit");
}
