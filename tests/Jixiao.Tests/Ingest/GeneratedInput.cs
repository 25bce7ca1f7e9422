using Jixiao.Tests.Storage;
using Jixiao.Generation;
using Jixiao.Formats.Import;
using Jixiao.Core.Interchange;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Ingest;

/// <summary>
/// Generated forms on disk for the ingest tests, written once per test run: the generator's files, one file copied
/// under a second name (the same forms twice in one run) and one file that is not a form. The expected totals come
/// from importing the same files in memory, not from the code under test.
/// </summary>
public sealed class GeneratedInput : IDisposable
{
    public const int GeneratedForms = 400;

    public string Directory { get; }
    public string JunkFile { get; }
    public string CopiedFile { get; }

    /// <summary>Forms read from every file, the copy included.</summary>
    public int Forms { get; }

    /// <summary>Distinct contents among them: what an empty database holds after the import.</summary>
    public int DistinctForms { get; }

    public IReadOnlyList<string> Files { get; }

    public GeneratedInput()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"jixiao-ingest-{Guid.NewGuid():N}");
        var files = new FormGenerator(TestProfiles.Shanghai).Generate(new GeneratorOptions(GeneratedForms, 606));
        GroundTruth.WriteAll(files, new GeneratorOptions(GeneratedForms, 606), Directory);
        File.Delete(Path.Combine(Directory, GroundTruth.FileName));
        var first = Path.Combine(Directory, files[0].Name);
        CopiedFile = Path.Combine(Directory, "copy-of-" + files[0].Name);
        File.Copy(first, CopiedFile);
        JunkFile = Path.Combine(Directory, "not-a-form.txt");
        File.WriteAllText(JunkFile, "这不是绩效表。\n只是一段文字。\n");
        Files = System.IO.Directory.GetFiles(Directory).Order(StringComparer.Ordinal).ToList();

        var forms = Files.SelectMany(f => FormImporter.ImportFile(f).Forms).ToList();
        Forms = forms.Count;
        DistinctForms = forms.Select(FormJson.ContentHash).Distinct().Count();
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition("ingest")]
public sealed class IngestCollection : ICollectionFixture<TestDatabases>, ICollectionFixture<GeneratedInput>;
