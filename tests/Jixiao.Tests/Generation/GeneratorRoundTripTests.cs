using System.Text.Json.Nodes;
using Jixiao.Core.Model;
using Jixiao.Generation;
using Jixiao.Formats.Import;
using Jixiao.Core.Interchange;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Generation;

public class GeneratorRoundTripTests
{
    /// <summary>The public JSON of forms without what depends on where they stand in a file.</summary>
    internal static string Model(IEnumerable<PerformanceForm> forms)
    {
        var json = JsonNode.Parse(FormJson.Serialize(forms))!.AsArray();
        foreach (var form in json)
        {
            form!.AsObject().Remove("source");
            form.AsObject().Remove("warnings");
            StripLines(form);
        }
        return json.ToJsonString(FormJson.Options);
    }

    static void StripLines(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                o.Remove("line");
                foreach (var (_, v) in o) StripLines(v);
                break;
            case JsonArray a:
                foreach (var v in a) StripLines(v);
                break;
        }
    }

    /// <summary>The first differing line of two JSON texts with a few lines of context, for a readable failure.</summary>
    internal static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        int i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i]) i++;
        string Around(string[] lines) => string.Join("\n", lines.Skip(Math.Max(0, i - 6)).Take(9));
        return $"line {i + 1}\n--- expected ---\n{Around(e)}\n--- actual ---\n{Around(a)}";
    }

    [Theory]
    [InlineData(GenerationLayout.Tab, 11)]
    [InlineData(GenerationLayout.PdfText, 12)]
    [InlineData(GenerationLayout.JsonRows, 13)]
    public void Every_generated_form_imports_back_as_the_model_the_generator_built(GenerationLayout layout, int seed)
    {
        var files = new FormGenerator(TestProfiles.Shanghai).Generate(new GeneratorOptions(300, seed, layout));
        Assert.Equal(300, files.Sum(f => f.Forms.Count));
        var failures = new List<string>();
        foreach (var file in files)
        {
            var text = file.Render();
            var result = FormImporter.ImportText(text, file.Name);
            var expected = Model(file.Forms.Select(f => f.Form));
            var actual = Model(result.Forms);
            if (expected != actual) failures.Add($"{file.Name}: {FirstDifference(expected, actual)}\n--- text ---\n{text}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {files.Count} files differ; first:\n{failures.FirstOrDefault()}");
    }
}
