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
        var kindOf = FormKinds.FromCode(doc.Kind);
        if (doc.Funds is null && kindOf != FormKind.DepartmentDeclaration) problems.Add(new FieldProblem("funds", "缺少项目资金 funds（应为对象 { … }）"));
        if (doc.Tasks is null && kindOf?.IsDepartmentWhole() == true)
            problems.Add(new FieldProblem("tasks", "缺少年度主要任务 tasks（没有任务时请给出 { \"rows\": [] }）"));
        if (doc.Goals is null) problems.Add(new FieldProblem("goals", "缺少绩效目标 goals（应为对象 { … }）"));
        OtherKindFields(doc, doc.Kind, "", problems);
        if (doc.Funds is { } funds) OtherKindFields(funds, doc.Kind, "funds", problems);
        if (doc.Goals is { } goals) OtherKindFields(goals, doc.Kind, "goals", problems);
        if (doc.Funds?.Rows is { } fundRows)
            for (var i = 0; i < fundRows.Count; i++) OtherKindFields(fundRows[i], doc.Kind, $"funds.rows[{i}]", problems);
        if (doc.Indicators is { } rows)
            for (var i = 0; i < rows.Count; i++) OtherKindFields(rows[i], doc.Kind, $"indicators[{i}]", problems);
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
            if (p.GetCustomAttribute<ForKindAttribute>() is { } only && !only.Allows(kind) && p.GetValue(record) is not null)
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(p.Name);
                var field = path.Length == 0 ? name : $"{path}.{name}";
                var owners = string.Join("、", only.Kinds.Select(k => FormKinds.FromCode(k)?.ToChinese() ?? k));
                problems.Add(new FieldProblem(field, $"{label}没有字段“{field}”（它属于{owners}）"));
            }
    }

    /// <summary>The model of a document. Codes outside the format (kind, comparator …) throw, naming the field.</summary>
    static PerformanceForm ToModel(FormDocument doc, List<FieldProblem>? strictProblems)
    {
        var kind = FormKinds.FromCode(doc.Kind) ?? throw new FormJsonException($"kind 应为 {FormKinds.CodeList}，实际为“{doc.Kind}”", "kind");
        if (doc.FormatVersion is { } v && v != FormJson.FormatVersion)
            throw new FormJsonException($"formatVersion 应为 {FormJson.FormatVersion}，实际为 {v}", "formatVersion");
        PerformanceForm form = kind switch
        {
            FormKind.SelfEvaluation => new SelfEvaluation(),
            FormKind.Monitoring => new MonitoringForm(),
            FormKind.DepartmentDeclaration => new DepartmentDeclaration(),
            FormKind.DepartmentSelfEvaluation => new DepartmentSelfEvaluation(),
            _ => new TargetDeclaration(),
        };
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
            case DepartmentDeclaration dd:
                dd.UnitCode = doc.UnitCode;
                dd.Contact = doc.Contact;
                dd.Phone = doc.Phone;
                dd.Functions = doc.Functions;
                dd.Tasks = Tasks(doc.Tasks);
                dd.AnnualGoal = doc.Goals?.Annual;
                break;
            case EvaluationForm s:
                if (s is DepartmentSelfEvaluation ds)
                {
                    ds.UnitCode = doc.UnitCode;
                    ds.Contact = doc.Contact;
                    ds.Phone = doc.Phone;
                    ds.Tasks = Tasks(doc.Tasks);
                    ds.AdjustedGoal = doc.Goals?.Adjusted;
                }
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
            case MonitoringForm m:
                if (doc.Period is { } period)
                {
                    if (period.EndMonth is < 1 or > 12)
                        throw new FormJsonException($"监控期末月份 period.endMonth 应为 1 到 12，实际为 {period.EndMonth}", "period.endMonth");
                    m.Period = new MonitoringPeriod(period.EndMonth, string.IsNullOrWhiteSpace(period.Name) ? null : period.Name.Trim());
                }
                else if (strictProblems is not null)
                    strictProblems.Add(new FieldProblem("period", "监控表缺少监控期 period（如 { \"endMonth\": 7 } 表示 1-7月）"));
                if (doc.Funds is { } mf)
                {
                    m.Funds.Unit = Unit(mf.Unit) ?? MoneyUnit.WanYuan;
                    var rows = mf.Rows ?? [];
                    for (var i = 0; i < rows.Count; i++)
                    {
                        var r = rows[i];
                        m.Funds.Rows.Add(new MonitoringFundRow
                        {
                            Label = r.Label, InitialBudget = r.InitialBudget, AdjustedBudget = r.AdjustedBudget, ExecutedToDate = r.ExecutedToDate,
                            ExecutionRate = r.ExecutionRate, ForecastExecuted = r.ForecastExecuted,
                            Deviation = Deviation(r.Deviation, $"funds.rows[{i}].deviation", $"资金行“{r.Label}”"), Line = r.Line,
                        });
                    }
                }
                m.AnnualGoal = doc.Goals?.Annual;
                m.GoalProgress = doc.Goals?.Progress;
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

    static DepartmentTasks Tasks(DepartmentTasksDocument? t)
    {
        var tasks = new DepartmentTasks();
        if (t is null) return tasks;
        tasks.Unit = MoneyUnits.FromChinese(t.Unit) ?? (t.Unit is null ? MoneyUnit.WanYuan
            : throw new FormJsonException($"年度主要任务的金额单位 tasks.unit 应为“元”或“万元”，实际为“{t.Unit}”", "tasks.unit"));
        foreach (var r in t.Rows ?? [])
            tasks.Rows.Add(new DepartmentTask { Name = r.Name ?? "", Content = r.Content, Total = r.Total, Fiscal = r.Fiscal, Other = r.Other, Line = r.Line });
        tasks.Total = t.Total;
        tasks.Fiscal = t.Fiscal;
        tasks.Other = t.Other;
        tasks.TotalLine = t.TotalLine;
        return tasks;
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
        ind.Actual = Actual(o.Actual, path + ".actual", Row(path));
        ind.Progress = Actual(o.Progress, path + ".progress", Row(path));
        ind.Forecast = Actual(o.Forecast, path + ".forecast", Row(path));
        ind.Deviation = Deviation(o.Deviation, path + ".deviation", $"第 {Row(path)} 行");
        if (o.Likelihood is { } l)
            ind.Likelihood = MonitoringChoices.LikelihoodFromCode(l)
                ?? throw new FormJsonException($"第 {Row(path)} 行的完成目标可能性应为 certain（确定能）/ possible（有可能）/ impossible（完全不可能），实际为“{l}”", path + ".likelihood");
        ind.Remark = o.Remark;
        return ind;
    }

    static ActualValue? Actual(ActualDocument? a, string path, int row)
    {
        if (a is null) return null;
        Achievement? ach = a.Achievement is null ? null : Achievements.FromCode(a.Achievement)
            ?? throw new FormJsonException($"第 {row} 行的完成等级应为 achieved / partially-achieved / not-achieved，实际为“{a.Achievement}”", path + ".achievement");
        return new ActualValue(a.Text ?? "", a.Value, a.Unit, ach);
    }

    static Deviation? Deviation(DeviationDocument? d, string path, string where)
    {
        if (d is null) return null;
        var causes = new List<DeviationCause>();
        foreach (var code in d.Causes ?? [])
        {
            var c = MonitoringChoices.CauseFromCode(code)
                ?? throw new FormJsonException($"{where}的偏差原因应为 funding（经费保障）/ institutional（制度保障）/ staffing（人员保障）/ facilities（硬件条件保障）/ other（其他），实际为“{code}”", path + ".causes");
            if (!causes.Contains(c)) causes.Add(c);
        }
        causes.Sort();
        return new Deviation(causes, d.Reason, d.CorrectiveAction);
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
