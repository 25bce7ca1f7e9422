using Jixiao.Core.Entry;
using Jixiao.Core.Interchange;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using Jixiao.Formats.Import;
using Jixiao.Storage;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Cli;

/// <summary>`check --db … --report`: the database's 运行监控 rounds in the portfolio report, read from a real SQLite file.</summary>
public class MonitoringReportCliTests
{
    [Fact]
    public async Task The_report_of_a_database_tallies_each_round_lists_its_red_projects_and_what_is_overdue()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"jixiao-round-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "jixiao.db");
        try
        {
            var db = Database.Open(file);
            await db.MigrateAsync();
            var clock = TimeProvider.System;
            var forms = new FormStore(db, clock);
            var monitoring = new MonitoringStore(db, clock);
            // Two approved declarations of seed 003 (西渡街道), one round at the end of July with a deadline long past.
            var seeds = FormImporter.ImportFile(TestData.CaseInput("seed-003")).Forms.OfType<TargetDeclaration>().ToList();
            var declarations = new List<StoredForm>();
            foreach (var d in seeds.Where(d => d.ProjectName is "生活驿站运行经费" or "专户项目经费"))
            {
                var (id, _) = await forms.ImportAsync(d, null, "test");
                await forms.ChangeStatusAsync(id, 1, FormStatus.Approved, "test", null);
                declarations.Add((await forms.GetAsync(id))!);
            }
            var period = new MonitoringPeriod(7, null);
            var drafts = declarations.Select(d => (d, BoundMonitoring.Draft((TargetDeclaration)d.Form, period, TestProfiles.Shanghai))).ToList();
            var round = (await monitoring.OpenRoundAsync(2024, new DateOnly(2024, 7, 31), null, new DateOnly(2024, 8, 20), false, drafts, "finance"))!;
            // The 生活驿站 form filled as the case folder has it (red: 34.45% of the budget at 58.33% of the year), and submitted.
            var lines = await monitoring.RoundFormsAsync(round.Id);
            var filledId = lines.Single(l => l.ProjectName == "生活驿站运行经费").Id;
            var case_ = (MonitoringForm)FormJsonReader.Parse(File.ReadAllText(Path.Combine(TestData.Root, "monitoring", "shenghuoyizhan-1-7", "input.json")));
            var declaration = (TargetDeclaration)declarations.Single(d => d.Form.ProjectName == "生活驿站运行经费").Form;
            var record = BoundMonitoring.Apply(case_, declaration, period, TestProfiles.Shanghai).Record;
            var figures = new FormStore(db, clock, f => FormFigures.Of(f, TestProfiles.Shanghai));
            await figures.UpdateAsync(filledId, 1, record, "unit");
            await forms.ChangeStatusAsync(filledId, 2, FormStatus.Submitted, "unit", null);
            await monitoring.RaiseAsync(filledId, null, "加快设施维修招标", new DateOnly(2024, 9, 30), "dept");

            var report = Path.Combine(dir, "report.html");
            var run = CliProcess.Jixiao("check", "--db", file, "--report", report, "--profile", "shanghai-2024");

            Assert.True(File.Exists(report), run.Err);
            var html = File.ReadAllText(report);
            Assert.Contains("八、运行监控", html);
            Assert.Contains("2024年1-7月运行监控", html);
            Assert.Contains("共 2 张：红 1", html);
            Assert.Contains("逾期未报 1", html);                 // 专户项目经费 still a draft after 2024-08-20
            Assert.Contains("1-7月 执行 34.45% ÷ 时间进度 58.33% = 59.05% → 红", html);
            Assert.Contains("设施维修集中在下半年招标", html);      // the reason the unit gave
            Assert.Contains("逾期未完成的整改（1）", html);
            Assert.Contains("加快设施维修招标", html);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}
