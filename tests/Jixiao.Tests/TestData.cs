namespace Jixiao.Tests;

/// <summary>The test data folder (tests/data), copied beside the test assembly.</summary>
internal static class TestData
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "data");

    public static string CasesDir => Path.Combine(Root, "cases");

    public static string CorpusDir => Path.Combine(Root, "corpus");

    public static string Case(string name) => Path.Combine(CasesDir, name);

    /// <summary>The input file of a case folder: `input.*`.</summary>
    public static string CaseInput(string name) =>
        Directory.EnumerateFiles(Case(name), "input.*").Single();
}
