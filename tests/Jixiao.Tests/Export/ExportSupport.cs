using System.Text.Json.Nodes;
using Jixiao.Core.Model;
using Jixiao.Formats.Import;
using Jixiao.Core.Interchange;

namespace Jixiao.Tests.Export;

/// <summary>What the export tests share: the seed forms by file, and the model as JSON without positions.</summary>
internal static class ExportSupport
{
    public static readonly string[] SeedCases = ["seed-000", "seed-001", "seed-003", "seed-004"];

    public static IEnumerable<object[]> SeedFormCases() =>
        SeedCases.SelectMany(c => FormImporter.ImportFile(TestData.CaseInput(c)).Forms.Select((_, i) => new object[] { c, i }));

    public static PerformanceForm Seed(string caseName, int index) => FormImporter.ImportFile(TestData.CaseInput(caseName)).Forms[index];

    /// <summary>The public JSON without `source`, `warnings` and every `line`: what must survive a round trip.</summary>
    public static string Model(IEnumerable<PerformanceForm> forms)
    {
        var json = JsonNode.Parse(FormJson.Serialize(forms))!.AsArray();
        foreach (var form in json)
        {
            form!.AsObject().Remove("source");
            form.AsObject().Remove("warnings");
            foreach (var i in form["indicators"]!.AsArray()) i!.AsObject().Remove("line");
            if (form["funds"]?["rows"] is JsonArray rows)
                foreach (var r in rows) r!.AsObject().Remove("line");
        }
        return json.ToJsonString(FormJson.Options);
    }

    public static string Model(PerformanceForm form) => Model([form]);
}
