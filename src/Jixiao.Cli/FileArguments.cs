namespace Jixiao.Cli;

/// <summary>Expands the files and folders a user names into the files to read, in a stable order.</summary>
internal static class FileArguments
{
    private static readonly string[] Readable = [".txt", ".md", ".json", ".csv", ".tsv", ".text", ".xlsx", ".xls", ".pdf"];

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
                                && !Path.GetFileName(f).Equals("expected.json", StringComparison.OrdinalIgnoreCase)
                                && !Path.GetFileName(f).Equals("ground-truth.json", StringComparison.OrdinalIgnoreCase)
                                && !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase)
                                && !Path.GetFileName(f).Equals("notes.md", StringComparison.OrdinalIgnoreCase))
                    .OrderBy(f => f, StringComparer.Ordinal));
            else missing.Add(p);
        }
        return (files, missing);
    }
}
