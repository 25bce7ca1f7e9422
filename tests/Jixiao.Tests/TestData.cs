namespace Jixiao.Tests;

/// <summary>The test data folder (tests/data), copied beside the test assembly.</summary>
internal static class TestData
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "data");

    public static string CasesDir => Path.Combine(Root, "cases");

    public static string Case(string name) => Path.Combine(CasesDir, name);

    public static IEnumerable<string> CaseNames(string prefix) =>
        Directory.EnumerateDirectories(CasesDir).Select(Path.GetFileName).Where(n => n!.StartsWith(prefix)).Order(StringComparer.Ordinal)!;

    /// <summary>The input file of a case folder: `input.*`.</summary>
    public static string CaseInput(string name) =>
        Directory.EnumerateFiles(Case(name), "input.*").Single();
}
