using System.Text.Json.Nodes;
using Jixiao.Formats.Import;
using Jixiao.Core.Interchange;

namespace Jixiao.Tests.Import;

/// <summary>
/// Every folder under tests/data/cases is a case: an `input.*` file, an `expected.json` written by hand from the
/// source text, and notes. Adding a case is adding a folder.
/// </summary>
public class GoldenCaseTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(TestData.CasesDir).OrderBy(d => d, StringComparer.Ordinal))
            if (File.Exists(Path.Combine(dir, "expected.json"))) data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Imported_model_matches_the_hand_written_expectation(string caseName)
    {
        var input = TestData.CaseInput(caseName);
        var result = FormImporter.ImportFile(input, Path.GetFileName(input));
        var actual = JsonNode.Parse(FormJson.Serialize(result.Forms));
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.Case(caseName), "expected.json")));

        var diffs = JsonSubset.Differences(expected, actual);

        Assert.True(diffs.Count == 0, $"{caseName}: {diffs.Count} differences\n" + string.Join("\n", diffs.Take(60)));
    }
}
