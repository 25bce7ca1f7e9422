namespace Jixiao.Cli;

/// <summary>Expands the files and folders a user names into the files to read, in a stable order.</summary>
internal static class FileArguments
{
    private static readonly string[] Readable = [".txt", ".md", ".json", ".csv", ".tsv", ".text", ".xlsx", ".xls", ".pdf", ".docx", ".doc"];

    /// <summary>Files in a folder that are about forms, not forms: a test case's expectations and notes
    /// (tests/data/cases, tests/data/pending), the ground truth `generate` writes, a folder's README.</summary>
    private static readonly string[] NotForms = ["expected.json", "expected-findings.json", "ground-truth.json", "README.md", "notes.md", "source-name.txt"];

    public static (List<string> Files, List<string> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<string>();
        foreach (var p in paths)
        {
            if (File.Exists(p)) files.Add(p);
            else if (Directory.Exists(p))
                files.AddRange(Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories)
                    .Where(f => Readable.Contains(Path.GetExtension(f).ToLowerInvariant()) && !Path.GetFileName(f).StartsWith('.')
                                && !NotForms.Contains(Path.GetFileName(f), StringComparer.OrdinalIgnoreCase))
                    .OrderBy(f => f, StringComparer.Ordinal));
            else missing.Add(p);
        }
        return (files, missing);
    }
}
