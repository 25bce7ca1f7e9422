using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Jixiao.Tests.Cli;

/// <summary>The `jixiao` command as a user runs it: a real process, real files, exit codes and output.</summary>
public class CliTests
{
    private static string Seed(string name) => TestData.CaseInput(name);

    [Fact]
    public void Import_json_writes_one_array_of_every_form_in_the_files_and_folders_named()
    {
        var r = CliProcess.Jixiao("import", Seed("seed-000"), TestData.Case("seed-004"), "--json");

        Assert.Equal(0, r.Exit);
        var forms = JsonNode.Parse(r.Out)!.AsArray();
        Assert.Equal(7, forms.Count);
        Assert.Equal("党群阵地设备运行维护", (string?)forms[0]!["projectName"]);
        Assert.Equal("self-evaluation", (string?)forms[0]!["kind"]);
        Assert.Equal(56.44m, forms[0]!["funds"]!["adjustedBudget"]!.GetValue<decimal>());
    }

    [Fact]
    public void Import_of_nothing_usable_exits_2_with_a_message_naming_the_file()
    {
        var junk = Path.Combine(Path.GetTempPath(), $"junk-{Guid.NewGuid():N}.txt");
        File.WriteAllText(junk, "这不是绩效表。\n只是一段文字。\n");
        try
        {
            var r = CliProcess.Jixiao("import", junk);

            Assert.Equal(2, r.Exit);
            Assert.Contains(Path.GetFileName(junk), r.Err);
            Assert.DoesNotContain("Exception", r.Err);
        }
        finally { File.Delete(junk); }
    }

    [Fact]
    public void A_missing_path_is_named_and_the_other_files_still_import()
    {
        var r = CliProcess.Jixiao("import", "no-such-folder", Seed("seed-000"));

        Assert.Equal(1, r.Exit);
        Assert.Contains("no-such-folder", r.Err);
        Assert.Contains("党群阵地设备运行维护", r.Out);
    }

    [Fact]
    public void Check_json_lists_findings_with_the_fixed_names_and_exits_0_on_seeds_without_errors()
    {
        var r = CliProcess.Jixiao("check", Seed("seed-004"), "--json");

        Assert.Equal(0, r.Exit);
        var findings = JsonNode.Parse(r.Out)!.AsArray();
        var underscored = findings.Where(f => (string?)f!["code"] == "met-target-underscored").ToList();
        Assert.Equal(2, underscored.Count);
        Assert.All(underscored, f =>
        {
            Assert.Equal("电教远教工作经费", (string?)f!["projectName"]);
            Assert.Equal("warning", (string?)f["severity"]);
            Assert.False(string.IsNullOrEmpty((string?)f["message"]));
        });
        Assert.Contains(findings, f => (string?)f!["code"] == "low-execution-unexplained" && f["name"] is null);
    }

    [Fact]
    public void Check_exits_1_when_a_form_has_an_arithmetic_error()
    {
        // The printed total of the first 004 form changed from 97.89 to 99.89: the scores no longer add up.
        var text = File.ReadAllText(Seed("seed-004")).Replace("100.00\t97.89", "100.00\t99.89");
        var file = Path.Combine(Path.GetTempPath(), $"bad-total-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, text);
        try
        {
            var r = CliProcess.Jixiao("check", file, "--json");

            Assert.Equal(1, r.Exit);
            var errors = JsonNode.Parse(r.Out)!.AsArray().Where(f => (string?)f!["severity"] == "error").ToList();
            Assert.Contains(errors, f => (string?)f!["projectName"] == "党建服务工作经费");
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Score_json_reproduces_printed_execution_scores_and_shows_the_working()
    {
        var r = CliProcess.Jixiao("score", Seed("seed-004"), "--json");

        Assert.Equal(0, r.Exit);
        var sheets = JsonNode.Parse(r.Out)!.AsArray();
        Assert.Equal(5, sheets.Count);
        var first = sheets[0]!;
        Assert.Equal(78.91m, first["executionRate"]!.GetValue<decimal>());
        Assert.Equal(7.89m, first["executionScore"]!.GetValue<decimal>());
        Assert.Equal(97.89m, first["totalScore"]!.GetValue<decimal>());
        Assert.Equal(97.89m, first["printedTotalScore"]!.GetValue<decimal>());
        Assert.Equal("优", (string?)first["grade"]);
        var satisfaction = sheets[1]!["indicators"]!.AsArray().First(i => (string?)i!["name"] == "基层党组织满意度")!;
        Assert.Equal(9.32m, satisfaction["printedScore"]!.GetValue<decimal>());
        Assert.Equal(10.00m, satisfaction["computedScore"]!.GetValue<decimal>());
        Assert.Contains("93", (string?)satisfaction["explanation"]);
    }

    [Fact]
    public void An_unknown_profile_is_refused_with_the_list_of_profiles()
    {
        var r = CliProcess.Jixiao("score", Seed("seed-004"), "--profile", "mars-2099");

        Assert.Equal(2, r.Exit);
        Assert.Contains("shanghai-2024", r.Err);
    }

    [Fact]
    public void Db_migrate_creates_a_sqlite_database_and_a_second_run_has_nothing_to_do()
    {
        var file = Path.Combine(Path.GetTempPath(), $"jixiao-cli-{Guid.NewGuid():N}.db");
        try
        {
            var first = CliProcess.Jixiao("db", "migrate", "--db", file);
            var second = CliProcess.Jixiao("db", "migrate", "--db", file);

            Assert.Equal(0, first.Exit);
            Assert.Contains("0001_initial.sql", first.Out);
            Assert.Equal(0, second.Exit);
            Assert.Contains("无需迁移", second.Out);
        }
        finally
        {
            foreach (var s in new[] { "", "-wal", "-shm" }) File.Delete(file + s);
        }
    }

    [Fact]
    public void Db_migrate_against_an_unreachable_server_says_so_without_a_stack_trace()
    {
        var r = CliProcess.Jixiao("db", "migrate", "--db", "Host=127.0.0.1;Port=1;Username=x;Timeout=2");

        Assert.Equal(2, r.Exit);
        Assert.Contains("无法连接数据库", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
    }

    [Fact]
    public void Generate_then_check_with_ground_truth_prints_full_recall_and_writes_the_report()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"gen-{Guid.NewGuid():N}");
        try
        {
            var g = CliProcess.Jixiao("generate", "--forms", "60", "--seed", "3", "--out", dir, "--defect-share", "0.5");
            Assert.Equal(0, g.Exit);
            Assert.Contains("已生成 60 张表", g.Out);
            Assert.True(File.Exists(Path.Combine(dir, "ground-truth.json")));

            var report = Path.Combine(dir, "report.html");
            var c = CliProcess.Jixiao("check", dir, "--ground-truth", Path.Combine(dir, "ground-truth.json"), "--report", report);

            Assert.Equal(1, c.Exit); // injected arithmetic slips are errors
            Assert.Contains("查全率", c.Out);
            Assert.DoesNotContain("错误：", c.Err); // ground-truth.json is not read as a form
            Assert.Contains("建议优先抽查的自评表", File.ReadAllText(report));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Generate_writes_monitoring_forms_as_json_and_check_finds_every_injected_monitoring_defect()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"gen-{Guid.NewGuid():N}");
        try
        {
            var g = CliProcess.Jixiao("generate", "--forms", "60", "--seed", "4", "--out", dir, "--defect-share", "0.6", "--kind", "monitoring");
            Assert.Equal(0, g.Exit);
            Assert.Contains("已生成 60 张表", g.Out);
            Assert.All(Directory.GetFiles(dir, "gen-*"), f => Assert.EndsWith(".json", f));

            var c = CliProcess.Jixiao("check", dir, "--ground-truth", Path.Combine(dir, "ground-truth.json"));

            Assert.Equal(1, c.Exit);
            var rows = c.Out.Split('\n').Where(l => l.StartsWith("| ") && l.Contains('`')).ToList();
            Assert.Equal(6, rows.Count); // the monitoring kinds only: no 自评表 row on a folder of 监控表
            Assert.Contains(rows, l => l.Contains("`monitoring-not-filled`"));
            Assert.All(rows, l => Assert.EndsWith("| 100.0% | 0 |", l.TrimEnd()));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Generate_refuses_an_unknown_kind_with_a_chinese_message()
    {
        var r = CliProcess.Jixiao("generate", "--forms", "5", "--out", Path.GetTempPath(), "--kind", "audit");

        Assert.Equal(2, r.Exit);
        Assert.Contains("未知的表种类", r.Err);
    }

    [Fact]
    public void Generate_refuses_an_unknown_layout_with_a_chinese_message()
    {
        var r = CliProcess.Jixiao("generate", "--forms", "5", "--out", Path.GetTempPath(), "--layout", "docx");

        Assert.Equal(2, r.Exit);
        Assert.Contains("未知的版式", r.Err);
    }
}
