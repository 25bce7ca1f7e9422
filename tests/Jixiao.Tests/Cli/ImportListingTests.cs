using System.Text;
using Jixiao.Core.Interchange;
using Jixiao.Formats.Import;

namespace Jixiao.Tests.Cli;

/// <summary>
/// `jixiao import DIR` reads the files on several threads and writes each file's part as it comes, in file order:
/// the output must be the bytes of reading every file and then writing all forms at once (what it did before), and
/// so the concatenation, in order, of what each file gives alone.
/// </summary>
public class ImportListingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jixiao-listing-").FullName;

    // Several layouts (tab rows, PDF text, markdown, JSON table rows, a 监控表), a file that is not a form (no forms:
    // nothing in the array, an error on stderr), and more files than reader threads so that they finish out of order.
    private static readonly string[] Cases =
        ["seed-001", "corpus-014", "seed-000", "monitoring-real-1", "corpus-012", "seed-004", "corpus-022", "seed-003", "corpus-008"];

    public ImportListingTests()
    {
        for (int i = 0; i < Cases.Length; i++)
        {
            var input = TestData.CaseInput(Cases[i]);
            File.Copy(input, Path.Combine(_dir, $"{i:D2}-{Cases[i]}{Path.GetExtension(input)}"));
        }
        File.WriteAllText(Path.Combine(_dir, "05b-not-a-form.txt"), "这不是绩效表。\n只是一段文字。\n");
    }

    public void Dispose() => Directory.Delete(_dir, true);

    private List<string> Files() => Directory.EnumerateFiles(_dir).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Json_of_a_folder_is_one_serialisation_of_every_files_forms_in_order()
    {
        var run = CliProcess.Jixiao("import", _dir, "--json", "--parallel", "3");

        Assert.Equal(1, run.Exit); // one file had no form
        var forms = Files().SelectMany(f => FormImporter.ImportFile(f).Forms).ToList();
        Assert.True(forms.Count >= 15, $"{forms.Count} forms");
        Assert.Equal(FormJson.Serialize(forms) + Environment.NewLine, run.Out);
        Assert.Contains("05b-not-a-form.txt", run.Err);
    }

    [Fact]
    public void Json_of_a_folder_is_the_files_own_arrays_joined_in_order()
    {
        var whole = CliProcess.Jixiao("import", _dir, "--json");

        var elements = new List<string>();
        foreach (var file in Files())
        {
            var own = CliProcess.Jixiao("import", file, "--json").Out;
            // One file's array: "[" elements "\n]\n", or "[]\n" when it has no form.
            if (own == "[]" + Environment.NewLine) continue;
            Assert.StartsWith("[", own);
            Assert.EndsWith(Environment.NewLine + "]" + Environment.NewLine, own);
            elements.Add(own[1..^(2 * Environment.NewLine.Length + 1)]);
        }
        Assert.Equal(Cases.Length, elements.Count);
        Assert.Equal("[" + string.Join(",", elements) + Environment.NewLine + "]" + Environment.NewLine, whole.Out);
    }

    [Fact]
    public void Text_of_a_folder_is_the_files_own_listings_in_order_and_messages_keep_the_file_order()
    {
        var whole = CliProcess.Jixiao("import", _dir);

        var own = Files().Select(f => CliProcess.Jixiao("import", f)).ToList();
        Assert.Equal(string.Concat(own.Select(r => r.Out)), whole.Out);
        // Every file's messages, in the files' order (the last file alone adds "没有读到任何绩效表。" when it has none).
        var expectedErr = new StringBuilder();
        foreach (var r in own) expectedErr.Append(r.Err.Replace("没有读到任何绩效表。" + Environment.NewLine, ""));
        Assert.Equal(expectedErr.ToString(), whole.Err);
        Assert.Contains("党群阵地设备运行维护", whole.Out);
    }

    [Fact]
    public void Nothing_readable_gives_an_empty_array_and_exit_2()
    {
        var run = CliProcess.Jixiao("import", Path.Combine(_dir, "05b-not-a-form.txt"), "--json");

        Assert.Equal(2, run.Exit);
        Assert.Equal("[]" + Environment.NewLine, run.Out);
        Assert.Contains("没有读到任何绩效表。", run.Err);
    }
}
