using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Jixiao.Core.Model;

namespace Jixiao.Formats.Json;

/// <summary>The public JSON format, version 1 (docs/json-format.md): writing and reading.</summary>
public static class FormJson
{
    public const int FormatVersion = 1;

    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>
    /// The form's content without where it came from (file, lines, import warnings): two imports of the same form
    /// from different files or layouts have the same content, and so the same <see cref="ContentHash"/>.
    /// </summary>
    public static JsonObject Content(PerformanceForm form) => WithoutSource(ToJson(form));

    private static JsonObject WithoutSource(JsonObject o)
    {
        o.Remove("source");
        o.Remove("warnings");
        foreach (var i in o["indicators"]!.AsArray()) i!.AsObject().Remove("line");
        if (o["funds"]?["rows"] is JsonArray rows) foreach (var r in rows) r!.AsObject().Remove("line");
        return o;
    }

    /// <summary>SHA-256 of the form's content, hex: what makes a re-import of the same form a duplicate.</summary>
    public static string ContentHash(PerformanceForm form) => Hash(Content(form));

    private static string Hash(JsonObject content) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(content.ToJsonString())));

    /// <summary>
    /// The stored document (compact JSON) and its <see cref="ContentHash"/> from one conversion of the model: a batch
    /// import does both for every form, and the conversion is most of the cost.
    /// </summary>
    public static (string Document, string Hash) DocumentAndHash(PerformanceForm form)
    {
        var o = ToJson(form);
        var document = o.ToJsonString();
        return (document, Hash(WithoutSource(o)));
    }

    public static string Serialize(IEnumerable<PerformanceForm> forms) =>
        new JsonArray(forms.Select(f => (JsonNode)ToJson(f)).ToArray()).ToJsonString(Options);

    public static JsonObject ToJson(PerformanceForm form)
    {
        var o = new JsonObject
        {
            ["formatVersion"] = FormatVersion,
            ["kind"] = form.Kind.ToCode(),
            ["year"] = form.Year,
            ["projectName"] = form.ProjectName,
            ["department"] = form.Department,
            ["implementingUnit"] = form.ImplementingUnit,
        };
        switch (form)
        {
            case TargetDeclaration d:
                o["projectNature"] = d.ProjectNature;
                o["projectCategory"] = d.ProjectCategory;
                o["startDate"] = d.StartDate?.ToString("yyyy-MM-dd");
                o["endDate"] = d.EndDate?.ToString("yyyy-MM-dd");
                o["funds"] = new JsonObject
                {
                    ["unit"] = d.Funds.Unit.ToChinese(),
                    ["projectTotal"] = d.Funds.ProjectTotal,
                    ["projectFiscal"] = d.Funds.ProjectFiscal,
                    ["projectOther"] = d.Funds.ProjectOther,
                    ["annualTotal"] = d.Funds.AnnualTotal,
                    ["currentYearAppropriation"] = d.Funds.CurrentYearAppropriation,
                    ["carryOver"] = d.Funds.CarryOver,
                    ["other"] = d.Funds.Other,
                };
                o["goals"] = new JsonObject { ["overall"] = d.OverallGoal, ["annual"] = d.AnnualGoal };
                break;
            case SelfEvaluation s:
                var total = s.Funds.Total;
                o["funds"] = new JsonObject
                {
                    ["unit"] = s.Funds.Unit.ToChinese(),
                    ["initialBudget"] = total?.InitialBudget,
                    ["adjustedBudget"] = total?.AdjustedBudget,
                    ["executed"] = total?.Executed,
                    ["weight"] = total?.Weight,
                    ["executionRate"] = total?.ExecutionRate,
                    ["score"] = total?.Score,
                    ["rows"] = new JsonArray(s.Funds.Rows.Select(r => (JsonNode)new JsonObject
                    {
                        ["label"] = r.Label,
                        ["initialBudget"] = r.InitialBudget,
                        ["adjustedBudget"] = r.AdjustedBudget,
                        ["executed"] = r.Executed,
                        ["weight"] = r.Weight,
                        ["executionRate"] = r.ExecutionRate,
                        ["score"] = r.Score,
                        ["line"] = r.Line,
                    }).ToArray()),
                };
                o["goals"] = new JsonObject { ["annual"] = s.ExpectedGoal, ["actual"] = s.ActualOutcome };
                break;
        }
        o["indicators"] = new JsonArray(form.Indicators.Select(i => (JsonNode)IndicatorJson(i, form.Kind)).ToArray());
        if (form is SelfEvaluation se)
        {
            o["totalWeight"] = se.TotalWeight;
            o["totalScore"] = se.TotalScore;
            o["grade"] = se.Grade;
            if (se.ReviewScore is { } review) o["reviewScore"] = review;
        }
        if (form.Revision is > 0) o["revision"] = form.Revision;
        o["complete"] = form.Complete;
        o["warnings"] = new JsonArray(form.Warnings.Select(w => (JsonNode)new JsonObject { ["message"] = w.Message, ["line"] = w.Line }).ToArray());
        o["source"] = new JsonObject { ["file"] = form.Source.File, ["line"] = form.Source.Line };
        return o;
    }

    private static JsonObject IndicatorJson(Indicator i, FormKind kind) => new()
    {
        ["level1"] = i.Level1,
        ["level2"] = i.Level2,
        ["name"] = i.Name,
        ["target"] = i.Target is { } t
            ? new JsonObject { ["text"] = t.Text, ["comparator"] = t.Comparator?.ToSymbol(), ["value"] = t.Value, ["unit"] = t.Unit }
            : null,
        ["actual"] = i.Actual is { } a
            ? new JsonObject { ["text"] = a.Text, ["value"] = a.Value, ["unit"] = a.Unit, ["achievement"] = a.Achievement?.ToCode() }
            : null,
        ["weight"] = i.Weight,
        ["score"] = i.Score,
        ["deviationReason"] = string.IsNullOrEmpty(i.DeviationReason) ? null : i.DeviationReason,
        ["line"] = i.Line,
    };
}
