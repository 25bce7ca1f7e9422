using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Jixiao.Core.Model;

namespace Jixiao.Core.Interchange;

/// <summary>The public JSON format, version 1 (docs/json-format.md): the model as <see cref="FormDocument"/> and back.</summary>
public static class FormJson
{
    public const int FormatVersion = 1;

    /// <summary>For people and programs: indented, Chinese unescaped. Fields of the other form kind are left out.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitOtherKinds } },
    };

    // The stored document: compact, with the default (escaping) encoder, the bytes format version 1 has always stored.
    static readonly JsonSerializerOptions Stored = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitOtherKinds } },
    };

    // The content: the stored document without where the form came from (file, lines, import warnings).
    static readonly JsonSerializerOptions ContentOnly = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitOtherKinds, OmitSource } },
    };

    static void OmitOtherKinds(JsonTypeInfo info)
    {
        Func<object, string?>? kindOf =
            typeof(FormDocument).IsAssignableFrom(info.Type) ? o => ((FormDocument)o).Kind
            : info.Type == typeof(FundsDocument) ? o => ((FundsDocument)o).For
            : info.Type == typeof(GoalsDocument) ? o => ((GoalsDocument)o).For
            : info.Type == typeof(FundRowDocument) ? o => ((FundRowDocument)o).For
            : info.Type == typeof(IndicatorDocument) ? o => ((IndicatorDocument)o).For
            : null;
        if (kindOf is null) return;
        foreach (var p in info.Properties)
        {
            if (p.AttributeProvider?.GetCustomAttributes(typeof(ForKindAttribute), true).FirstOrDefault() is not ForKindAttribute only) continue;
            var before = p.ShouldSerialize;
            p.ShouldSerialize = (o, v) => (kindOf(o) is not { } k || only.Allows(k)) && (before?.Invoke(o, v) ?? true);
        }
    }

    static void OmitSource(JsonTypeInfo info)
    {
        var omitted = typeof(FormDocument).IsAssignableFrom(info.Type) ? new[] { "source", "warnings" }
            : info.Type == typeof(IndicatorDocument) || info.Type == typeof(FundRowDocument) || info.Type == typeof(DepartmentTaskDocument) ? ["line"]
            : info.Type == typeof(DepartmentTasksDocument) ? ["totalLine"]
            : [];
        foreach (var p in info.Properties)
            if (omitted.Contains(p.Name)) p.ShouldSerialize = static (_, _) => false;
    }

    /// <summary>
    /// The form's content without where it came from (file, lines, import warnings): two imports of the same form
    /// from different files or layouts have the same content, and so the same <see cref="ContentHash"/>.
    /// </summary>
    public static JsonObject Content(PerformanceForm form) => (JsonObject)JsonSerializer.SerializeToNode(ToDocument(form), ContentOnly)!;

    /// <summary>SHA-256 of the form's content, hex: what makes a re-import of the same form a duplicate.</summary>
    public static string ContentHash(PerformanceForm form) => Hash(JsonSerializer.Serialize(ToDocument(form), ContentOnly));

    static string Hash(string content) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)));

    /// <summary>
    /// The stored document (compact JSON) and its <see cref="ContentHash"/> from one conversion of the model: a batch
    /// import does both for every form.
    /// </summary>
    public static (string Document, string Hash) DocumentAndHash(PerformanceForm form)
    {
        var d = ToDocument(form);
        return (JsonSerializer.Serialize(d, Stored), Hash(JsonSerializer.Serialize(d, ContentOnly)));
    }

    public static string Serialize(IEnumerable<PerformanceForm> forms) =>
        JsonSerializer.Serialize(forms.Select(ToDocument).ToList(), Options);

    static readonly JsonWriterOptions IndentedWriter = new()
    {
        Indented = Options.WriteIndented,
        Encoder = Options.Encoder,
        IndentCharacter = Options.IndentCharacter,
        IndentSize = Options.IndentSize,
        NewLine = Options.NewLine,
        MaxDepth = Options.MaxDepth,
    };

    /// <summary>What ends the indented array after its last element: a new line and "]".</summary>
    public static byte[] ArrayClose { get; } = System.Text.Encoding.UTF8.GetBytes(Options.NewLine + "]");

    [ThreadStatic] static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] static Utf8JsonWriter? t_writer;

    /// <summary>
    /// The forms as the elements of the array <see cref="Serialize"/> writes, in UTF-8 and without its brackets
    /// (<c>\n  {…},\n  {…}</c>; empty for no forms). Parts made apart (each file's forms on the thread that read
    /// them), joined in order with "," between "[" and <see cref="ArrayClose"/> ("[]" when none has a form), are the
    /// bytes of one <see cref="Serialize"/> of all of them. The span is this thread's buffer, valid until its next call.
    /// </summary>
    public static ReadOnlySpan<byte> ArrayElements(IEnumerable<PerformanceForm> forms)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, IndentedWriter);
        writer.Reset(buffer);
        writer.WriteStartArray();
        foreach (var form in forms) JsonSerializer.Serialize(writer, ToDocument(form), Options);
        writer.WriteEndArray();
        writer.Flush();
        var written = buffer.WrittenSpan;
        // "[" + elements + NewLine + "]", or "[]" when there are none.
        return written.Length <= 2 ? [] : written[1..^ArrayClose.Length];
    }

    /// <summary>The document as a JSON tree (the history compares two of these field by field).</summary>
    public static JsonObject ToJson(PerformanceForm form) => (JsonObject)JsonSerializer.SerializeToNode(ToDocument(form), Stored)!;

    public static FormDocument ToDocument(PerformanceForm form)
    {
        var kind = form.Kind.ToCode();
        var d = form as TargetDeclaration;
        var s = form as EvaluationForm;
        var m = form as MonitoringForm;
        var dd = form as DepartmentDeclaration;
        var ds = form as DepartmentSelfEvaluation;
        return new FormDocument
        {
            FormatVersion = FormatVersion,
            Kind = kind,
            Year = form.Year,
            ProjectName = form.ProjectName,
            Department = form.Department,
            ImplementingUnit = form.ImplementingUnit,
            UnitCode = dd?.UnitCode ?? ds?.UnitCode,
            Contact = dd?.Contact ?? ds?.Contact,
            Phone = dd?.Phone ?? ds?.Phone,
            Functions = dd?.Functions,
            ProjectNature = d?.ProjectNature,
            ProjectCategory = d?.ProjectCategory,
            StartDate = d?.StartDate?.ToString("yyyy-MM-dd"),
            EndDate = d?.EndDate?.ToString("yyyy-MM-dd"),
            Period = m is null ? null : new MonitoringPeriodDocument { EndMonth = m.Period.EndMonth, Name = m.Period.Name },
            Funds = d is not null ? DeclarationFunds(d.Funds, kind) : m is not null ? MonitoringFunds(m.Funds, kind)
                : s is not null ? SelfEvaluationFunds(s.Funds, kind) : null,
            Tasks = Tasks(dd?.Tasks ?? ds?.Tasks),
            Goals = d is not null ? new GoalsDocument { Overall = d.OverallGoal, Annual = d.AnnualGoal, For = kind }
                : m is not null ? new GoalsDocument { Annual = m.AnnualGoal, Progress = m.GoalProgress, For = kind }
                : dd is not null ? new GoalsDocument { Annual = dd.AnnualGoal, For = kind }
                : new GoalsDocument { Annual = s!.ExpectedGoal, Actual = s.ActualOutcome, Adjusted = ds?.AdjustedGoal, For = kind },
            Indicators = form.Indicators.Select(i => Indicator(i, kind)).ToList(),
            TotalWeight = s?.TotalWeight,
            TotalScore = s?.TotalScore,
            Grade = s?.Grade,
            ReviewScore = s?.ReviewScore,
            Revision = form.Revision is > 0 ? form.Revision : null,
            Complete = form.Complete,
            Warnings = form.Warnings.Select(w => new WarningDocument { Message = w.Message, Line = w.Line }).ToList(),
            Source = new SourceDocument { File = form.Source.File, Line = form.Source.Line },
        };
    }

    static DepartmentTasksDocument? Tasks(DepartmentTasks? t) => t is null ? null : new DepartmentTasksDocument
    {
        Unit = t.Unit.ToChinese(),
        Rows = t.Rows.Select(r => new DepartmentTaskDocument
        {
            Name = r.Name, Content = r.Content, Total = r.Total, Fiscal = r.Fiscal, Other = r.Other, Line = r.Line,
        }).ToList(),
        Total = t.Total,
        Fiscal = t.Fiscal,
        Other = t.Other,
        TotalLine = t.TotalLine,
    };

    static FundsDocument DeclarationFunds(DeclarationFunds f, string kind) => new()
    {
        For = kind,
        Unit = f.Unit.ToChinese(),
        ProjectTotal = f.ProjectTotal,
        ProjectFiscal = f.ProjectFiscal,
        ProjectOther = f.ProjectOther,
        AnnualTotal = f.AnnualTotal,
        CurrentYearAppropriation = f.CurrentYearAppropriation,
        CarryOver = f.CarryOver,
        Other = f.Other,
    };

    static FundsDocument SelfEvaluationFunds(SelfEvaluationFunds f, string kind)
    {
        var total = f.Total;
        return new FundsDocument
        {
            For = kind,
            Unit = f.Unit.ToChinese(),
            InitialBudget = total?.InitialBudget,
            AdjustedBudget = total?.AdjustedBudget,
            Executed = total?.Executed,
            Weight = total?.Weight,
            ExecutionRate = total?.ExecutionRate,
            Score = total?.Score,
            Rows = f.Rows.Select(r => new FundRowDocument
            {
                Label = r.Label, InitialBudget = r.InitialBudget, AdjustedBudget = r.AdjustedBudget, Executed = r.Executed,
                Weight = r.Weight, ExecutionRate = r.ExecutionRate, Score = r.Score, Line = r.Line, For = kind,
            }).ToList(),
        };
    }

    static FundsDocument MonitoringFunds(MonitoringFunds f, string kind) => new()
    {
        For = kind,
        Unit = f.Unit.ToChinese(),
        Rows = f.Rows.Select(r => new FundRowDocument
        {
            Label = r.Label, InitialBudget = r.InitialBudget, AdjustedBudget = r.AdjustedBudget, ExecutedToDate = r.ExecutedToDate,
            ExecutionRate = r.ExecutionRate, ForecastExecuted = r.ForecastExecuted, Deviation = Deviation(r.Deviation), Line = r.Line, For = kind,
        }).ToList(),
    };

    static DeviationDocument? Deviation(Deviation? d) => d is null || d.IsEmpty ? null : new DeviationDocument
    {
        Causes = d.Causes.Select(c => c.ToCode()).ToList(),
        Reason = string.IsNullOrWhiteSpace(d.Reason) ? null : d.Reason,
        CorrectiveAction = string.IsNullOrWhiteSpace(d.CorrectiveAction) ? null : d.CorrectiveAction,
    };

    static ActualDocument? Actual(ActualValue? a) =>
        a is null ? null : new ActualDocument { Text = a.Text, Value = a.Value, Unit = a.Unit, Achievement = a.Achievement?.ToCode() };

    static IndicatorDocument Indicator(Indicator i, string kind) => new()
    {
        For = kind,
        Level1 = i.Level1,
        Level2 = i.Level2,
        Name = i.Name,
        Target = i.Target is { } t ? new TargetDocument { Text = t.Text, Comparator = t.Comparator?.ToSymbol(), Value = t.Value, Unit = t.Unit } : null,
        Actual = Actual(i.Actual),
        Weight = i.Weight,
        Score = i.Score,
        DeviationReason = string.IsNullOrEmpty(i.DeviationReason) ? null : i.DeviationReason,
        ScoreOverride = i.Override is { } o ? new ScoreOverrideDocument { Score = o.Score, Reason = o.Reason } : null,
        Progress = Actual(i.Progress),
        Forecast = Actual(i.Forecast),
        Deviation = Deviation(i.Deviation),
        Likelihood = i.Likelihood?.ToCode(),
        Remark = string.IsNullOrEmpty(i.Remark) ? null : i.Remark,
        Line = i.Line,
    };
}

