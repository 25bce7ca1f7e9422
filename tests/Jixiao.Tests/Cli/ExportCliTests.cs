using System.Diagnostics;
using System.Text;
using Jixiao.Formats.Import;

namespace Jixiao.Tests.Cli;

/// <summary>`jixiao export` and `jixiao template` as a user runs them: a real process, real files.</summary>
public class ExportCliTests
{
    private static string TempDir() => Directory.CreateTempSubdirectory("jixiao-export-").FullName;

    [Theory]
    [InlineData("xlsx")]
    [InlineData("html")]
    [InlineData("pdf")]
    public void Export_writes_one_file_per_form_named_by_year_unit_and_project(string format)
    {
        var dir = TempDir();
        try
        {
            var r = CliProcess.Jixiao("export", TestData.CaseInput("seed-001"), TestData.CaseInput("seed-003"), "--to", format, "--out", dir);

            Assert.Equal(0, r.Exit);
            var files = Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(6, files.Count);
            Assert.Contains($"2024_上海市松江区中山街道社区党群服务中心_文体事务管理.{format}", files);
            Assert.Contains($"2024_上海市奉贤区西渡街道社区党群服务中心_生活驿站运行经费.{format}", files);
            Assert.Contains("已导出 6/6", r.Err);
            Assert.Equal("", r.Out);
            if (format != "html")
            {
                // What was written reads back as the form it came from.
                var back = FormImporter.ImportFile(Path.Combine(dir, $"2024_上海市松江区中山街道社区党群服务中心_文体事务管理.{format}"));
                Assert.Equal("文体事务管理", Assert.Single(back.Forms).ProjectName);
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("seed-000", false)]
    [InlineData("seed-003", true)]    // the 汇总表 of a unit and year
    public async Task A_browser_that_will_not_start_is_reported_in_chinese_without_a_stack_trace(string input, bool summary)
    {
        // /bin/true exists but is no Chromium: Playwright's launch fails, and the printer says so as its own exception.
        var dir = TempDir();
        try
        {
            var args = new List<string> { "export", TestData.CaseInput(input), "--to", "pdf", "--out", dir };
            if (summary) args.Add("--summary");
            var psi = CliProcess.StartInfo([.. args]);
            psi.Environment["JIXIAO_CHROMIUM"] = "/bin/true";
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            await p.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await p.WaitForExitAsync(timeout.Token);

            Assert.Equal(2, p.ExitCode);
            var err = await stderr;
            Assert.Contains("错误：无法启动 Chromium 打印 PDF：", err);
            Assert.DoesNotContain("Exception", err);
            Assert.DoesNotContain("   at ", err);
            Assert.Empty(Directory.GetFiles(dir));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Export_to_an_unknown_format_is_refused_by_the_parser()
    {
        var r = CliProcess.Jixiao("export", TestData.CaseInput("seed-000"), "--to", "docx", "--out", Path.GetTempPath());

        Assert.NotEqual(0, r.Exit);
        Assert.Contains("docx", r.Err);
    }

    [Theory]
    [InlineData("declaration", "申报表")]
    [InlineData("self-evaluation", "自评表")]
    public void Template_writes_a_workbook_of_the_kind_asked_for(string kind, string sheet)
    {
        var dir = TempDir();
        try
        {
            var file = Path.Combine(dir, "sub", "模板.xlsx");
            var r = CliProcess.Jixiao("template", "--kind", kind, "--out", file);

            Assert.Equal(0, r.Exit);
            Assert.True(File.Exists(file));
            using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(file, false);
            var names = doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal([sheet, "填写说明"], names);
            // A blank template holds no form yet: importing it says so instead of inventing one.
            var back = FormImporter.ImportFile(file);
            Assert.Empty(back.Forms);
            Assert.Contains(back.Problems, p => p.IsError && p.Message.Contains("空白"));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("pdf")]
    public void Export_summary_writes_one_file_per_unit_and_year_that_reads_back_as_its_declarations(string format)
    {
        var dir = TempDir();
        try
        {
            var r = CliProcess.Jixiao("export", TestData.CaseInput("seed-003"), TestData.CaseInput("seed-004"), "--to", format, "--out", dir, "--summary");

            Assert.Equal(0, r.Exit);
            var file = Assert.Single(Directory.GetFiles(dir));
            Assert.Contains("2024_上海市奉贤区西渡街道社区党群服务中心_项目绩效目标汇总表", Path.GetFileName(file));
            var back = FormImporter.ImportFile(file).Forms;
            Assert.Equal(new[] { "党建经费", "专户项目经费", "生活驿站运行经费" }, back.Select(f => f.ProjectName));
        }
        finally { Directory.Delete(dir, true); }
    }
}
