using System.CommandLine;
using System.Text;
using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Core.Workflow;
using Jixiao.Generation;
using Jixiao.Formats.Reports;

namespace Jixiao.Cli;

internal static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "绩效表文件或文件夹（或用 --db 审核数据库里的表）", Arity = ArgumentArity.ZeroOrMore };
        var db = new Option<string?>("--db") { Description = "审核数据库里存的全部表：SQLite 文件路径，或 PostgreSQL 连接字符串（Host=…）" };
        var json = new Option<bool>("--json") { Description = "以 JSON 数组输出全部审核发现" };
        var profile = new Option<string?>("--profile") { Description = "评分方案 id；默认按表所属地区和年度选择" };
        var report = new Option<string?>("--report") { Description = "写出汇总报告（.html 网页或 .xlsx 工作簿）：等级分布、按单位和主管部门、常见问题、执行率、建议抽查的自评表" };
        var truth = new Option<string?>("--ground-truth") { Description = "generate 写出的基准答案 ground-truth.json：打印各类注入缺陷的查全率和误报" };
        var cmd = new Command("check", "审核绩效表：算术与结构、评分一致性、目标质量；有错误级发现时退出码为 1") { paths, json, profile, report, truth, db };
        cmd.SetAction(async (r, ct) =>
        {
            var files = r.GetValue(paths) ?? [];
            var connection = r.GetValue(db);
            if (files.Length == 0 && connection is null)
            {
                Console.Error.WriteLine("错误：请给出要审核的文件或文件夹，或用 --db 指定数据库");
                return 2;
            }
            var choice = ProfileChoice.Create(r.GetValue(profile), Console.Error);
            if (choice is null) return 2;
            var reportPath = r.GetValue(report);
            var reportKind = reportPath is null ? null : Path.GetExtension(reportPath).ToLowerInvariant() switch
            {
                ".html" or ".htm" => "html",
                ".xlsx" => "xlsx",
                _ => null,
            };
            if (reportPath is not null && reportKind is null)
            {
                Console.Error.WriteLine("错误：--report 只能写 HTML 文件（.html）或 Excel 工作簿（.xlsx）");
                return 2;
            }
            GroundTruth? groundTruth = null;
            if (r.GetValue(truth) is { } truthPath)
            {
                try { groundTruth = GroundTruth.Parse(File.ReadAllText(truthPath)); }
                catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"错误：无法读取基准答案 {truthPath}：{e.Message}");
                    return 2;
                }
            }

            // Checked forms stream past; each output keeps only what it needs: the report its counts and bounded lists,
            // the printed findings and the recall table the findings (asked for explicitly), nothing else the forms.
            bool printFindings = (reportPath is null && groundTruth is null) || r.GetValue(json);
            var findings = printFindings ? new List<FormFindings>() : null;
            var builder = reportPath is null ? null : new PortfolioReportBuilder();
            var recall = groundTruth is null ? null : new List<(string?, IReadOnlyList<Finding>)>();
            int checkedForms = 0;
            bool anyError = false;
            void Take(PortfolioEntry e)
            {
                checkedForms++;
                builder?.Add(e);
                findings?.Add(new FormFindings(e.Form.ProjectName, e.Profile, e.Findings));
                // A monitoring form's gate (monitoring-not-filled) is part of what its defects are checked against.
                recall?.Add((e.Form.Source.File, e.Form is MonitoringForm ? Gate.Findings(e.Form, choice.For(e.Form)) : e.Findings));
                anyError |= e.Errors > 0;
            }

            var loaded = files.Length > 0 ? FormLoading.Load(files, Console.Error, showWarnings: false) : new FormLoading.Loaded([], 0);
            // The other forms of the run are each form's history and peers (the ambition checks).
            var ambition = AmbitionIndex.Of(loaded.Forms);
            // Review and scoring are pure per form: both cores can share the work, the order stays the reading order.
            foreach (var e in loaded.Forms.AsParallel().AsOrdered().Select(f => PortfolioEntry.Check(f, choice.For(f), ambition.For(f)))) Take(e);
            if (connection is not null && !await StoredCheck.CheckAllAsync(connection, choice, Take, ct)) return 2;

            if (findings is not null)
                Console.WriteLine(r.GetValue(json) ? FindingsReport.RenderJson(findings.SelectMany(f => f.Findings)) : FindingsReport.RenderForms(findings));

            if (builder is not null)
            {
                var portfolio = builder.Build();
                if (connection is not null) portfolio.Rounds = await RoundReports.LoadAsync(connection, choice, ct);
                if (reportKind == "xlsx") PortfolioXlsx.Write(portfolio, reportPath!);
                else File.WriteAllText(reportPath!, PortfolioHtml.Render(portfolio), new UTF8Encoding(false));
                Console.Error.WriteLine($"已写出汇总报告 {reportPath}：{portfolio.Forms} 张表，错误 {portfolio.Errors}，警告 {portfolio.Warnings}，提示 {portfolio.Infos}");
            }
            if (groundTruth is not null)
            {
                var table = RecallTable.Compute(groundTruth, RecallTable.Key(recall!));
                Console.WriteLine(table.RenderMarkdown());
            }
            if (checkedForms == 0) return ExitCodes.ForImport(loaded with { Forms = [] });
            return anyError || loaded.FailedFiles > 0 ? 1 : 0;
        });
        return cmd;
    }
}
