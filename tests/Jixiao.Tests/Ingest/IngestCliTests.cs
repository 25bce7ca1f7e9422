using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Ingest;

/// <summary>`jixiao import DIR --db …` as a user runs it, including a process killed in the middle of an import.</summary>
[Collection("ingest")]
public class IngestCliTests(TestDatabases databases, GeneratedInput input)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    private static ProcessStartInfo Jixiao(params string[] args) => Cli.CliProcess.StartInfo(args);

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var run = await Cli.CliProcess.JixiaoAsync(90, args);
        return (run.Exit, run.Out, run.Err);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Json_summary_counts_read_stored_skipped_failed_and_lists_failures_by_file_and_line(string kind)
    {
        var db = await databases.FreshAsync(kind);

        var (exit, stdout, _) = await RunAsync("import", input.Directory, "--db", db.ConnectionString, "--json");

        Assert.Equal(1, exit); // one file failed
        var s = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(input.Forms, (int)s["read"]!);
        Assert.Equal(input.DistinctForms, (int)s["stored"]!);
        Assert.Equal(input.Forms - input.DistinctForms, (int)s["skipped"]!);
        Assert.Equal(1, (int)s["failed"]!);
        var failure = Assert.Single(s["failures"]!.AsArray())!.AsObject();
        Assert.Equal(input.JunkFile, (string?)failure["file"]);
        Assert.True(failure.ContainsKey("line"));
        Assert.Contains("无法识别为绩效表", (string?)failure["message"]);
        Assert.False((bool)s["interrupted"]!);

        var (again, second, _) = await RunAsync("import", input.Directory, "--db", db.ConnectionString, "--json");
        Assert.Equal(1, again);
        Assert.Equal(0, (int)JsonNode.Parse(second)!["stored"]!);
        Assert.Equal(input.Forms, (int)JsonNode.Parse(second)!["skipped"]!);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_killed_import_run_again_gives_the_totals_of_an_uninterrupted_one_without_duplicates(string kind)
    {
        var db = await databases.FreshAsync(kind);
        // The input again, with a named pipe halfway through that nobody writes to: read one file at a time, the
        // import stops there for good, with the files after it still to come. Killed there (as a power cut or
        // `kill -9` would), however fast the machine.
        var dir = Path.Combine(Path.GetTempPath(), $"jixiao-killed-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        foreach (var f in input.Files) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        var pipe = Path.Combine(dir, Path.GetFileName(input.Files[input.Files.Count / 2]) + "-pipe.txt");
        using (var mkfifo = Process.Start("mkfifo", [pipe])) await mkfifo.WaitForExitAsync();
        var args = new[] { "import", dir, "--db", db.ConnectionString, "--batch-size", "10" };

        using (var p = Process.Start(Jixiao([.. args, "--parallel", "1"]))!)
        {
            // Redirected, the command prints a progress line right after its first committed batch.
            var firstProgress = new TaskCompletionSource();
            p.ErrorDataReceived += (_, e) => { if (e.Data?.StartsWith("进度", StringComparison.Ordinal) == true) firstProgress.TrySetResult(); };
            p.BeginErrorReadLine();
            _ = p.StandardOutput.ReadToEndAsync();
            await firstProgress.Task.WaitAsync(TimeSpan.FromSeconds(60));
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
        File.Delete(pipe);
        await using (var c = await db.ConnectAsync())
        {
            var partial = await Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT COUNT(*) FROM forms");
            Assert.InRange(partial, 1, input.DistinctForms - 1); // stopped mid-run (a batch may hold a form and its copy, so ≥ 1, not ≥ 10)
            await IngestAssert.ConsistentAsync(db, (int)partial);
        }

        var (exit, stdout, _) = await RunAsync([.. args, "--json"]);
        Directory.Delete(dir, recursive: true);

        Assert.Equal(1, exit);
        var s = JsonNode.Parse(stdout)!;
        Assert.Equal(input.Forms, (int)s["read"]!);
        Assert.Equal(input.Forms, (int)s["stored"]! + (int)s["skipped"]!);
        await IngestAssert.ConsistentAsync(db, input.DistinctForms);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Check_db_reviews_every_stored_form_into_the_portfolio_report(string kind)
    {
        var db = await databases.FreshAsync(kind);
        await RunAsync("import", input.Directory, "--db", db.ConnectionString);
        var report = Path.Combine(Path.GetTempPath(), $"jixiao-report-{Guid.NewGuid():N}.html");
        try
        {
            var (exit, stdout, stderr) = await RunAsync("check", "--db", db.ConnectionString, "--report", report, "--json");

            Assert.Contains($"{input.DistinctForms} 张表", stderr);
            Assert.True(File.Exists(report));
            var findings = JsonNode.Parse(stdout)!.AsArray();
            Assert.NotEmpty(findings);
            Assert.Equal(findings.Any(f => (string?)f!["severity"] == "error") ? 1 : 0, exit);
        }
        finally { File.Delete(report); }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Check_db_writes_the_portfolio_report_as_a_workbook(string kind)
    {
        var db = await databases.FreshAsync(kind);
        await RunAsync("import", input.Directory, "--db", db.ConnectionString);
        var report = Path.Combine(Path.GetTempPath(), $"jixiao-report-{Guid.NewGuid():N}.xlsx");
        try
        {
            var (exit, _, stderr) = await RunAsync("check", "--db", db.ConnectionString, "--report", report);

            Assert.True(exit is 0 or 1, stderr);
            using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(report, false);
            var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal(["概况", "等级分布", "执行率", "常见问题", "主管部门", "实施单位", "抽查顺序", "审核发现"], sheets);
            var overview = (DocumentFormat.OpenXml.Packaging.WorksheetPart)doc.WorkbookPart.GetPartById(
                doc.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First().Id!);
            // Row 2 is 绩效表: the number of stored forms.
            var forms = overview.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single(c => c.CellReference == "B2");
            Assert.Equal(input.DistinctForms.ToString(), forms.CellValue!.Text);
        }
        finally { File.Delete(report); }
    }

    [Fact]
    public async Task A_report_of_another_kind_is_refused_before_anything_is_read()
    {
        var (exit, _, stderr) = await RunAsync("check", input.Directory, "--report", "report.pdf");

        Assert.Equal(2, exit);
        Assert.Contains(".xlsx", stderr);
    }

    [Fact]
    public async Task Check_db_of_a_missing_file_says_so_and_creates_nothing()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"jixiao-missing-{Guid.NewGuid():N}.db");

        var (exit, _, stderr) = await RunAsync("check", "--db", missing);

        Assert.Equal(2, exit);
        Assert.Contains("不存在", stderr);
        Assert.False(File.Exists(missing));
    }
}
