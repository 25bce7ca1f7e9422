using Jixiao.Formats.Cases;

namespace Jixiao.Tests.Import;

/// <summary>
/// Every folder under tests/data/cases is a case: an `input.*` file, an `expected.json` written by hand from the
/// source text, and notes. Adding a case is adding a folder. (Folders under tests/data/pending have the same shape
/// but are measured by `jixiao corpus`, not asserted: docs/corpus.md.)
/// </summary>
public class GoldenCaseTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(TestData.CasesDir).OrderBy(d => d, StringComparer.Ordinal))
            if (CaseFolder.IsCase(dir)) data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Imported_model_matches_the_hand_written_expectation(string caseName)
    {
        var (expected, actual) = CaseFolder.Read(TestData.Case(caseName));

        var diffs = JsonSubset.Differences(expected, actual);

        Assert.True(diffs.Count == 0, $"{caseName}: {diffs.Count} differences\n" + string.Join("\n", diffs.Take(60)));
    }
}
