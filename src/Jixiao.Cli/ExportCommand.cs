using System.CommandLine;
using Jixiao.Core.Model;
using Jixiao.Formats.Export;
using Jixiao.Formats.Html;
using Jixiao.Formats.Pdf;
using Jixiao.Formats.Xlsx;

namespace Jixiao.Cli;

internal static class ExportCommand
{
    public static readonly string[] Targets = ["xlsx", "pdf", "html"];

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "要导出的绩效表文件或文件夹", Arity = ArgumentArity.OneOrMore };
        var to = new Option<string>("--to") { Description = "输出格式：xlsx、pdf 或 html", Required = true };
        to.AcceptOnlyFromAmong(Targets);
        var outDir = new Option<string>("--out", "-o") { Description = "输出文件夹（不存在时创建）", Required = true };
        var summary = new Option<bool>("--summary") { Description = "按单位和年度导出项目绩效目标汇总表（每个单位每年一个文件，只含申报表）" };
        var cmd = new Command("export", "按官方表样导出绩效表，每张表一个文件（文件名取年度、单位和项目名称）") { paths, to, outDir, summary };
        cmd.SetAction(async (ParseResult r, CancellationToken ct) => r.GetValue(summary)
            ? await RunSummariesAsync(r.GetValue(paths)!, r.GetValue(to)!, r.GetValue(outDir)!, Console.Error, ct)
            : await RunAsync(r.GetValue(paths)!, r.GetValue(to)!, r.GetValue(outDir)!, Console.Error, ct));
        return cmd;
    }

    /// <summary>One 汇总表 per unit and year: the unit's declarations of that year, in reading order.</summary>
    public static async Task<int> RunSummariesAsync(string[] paths, string format, string outDir, TextWriter errors, CancellationToken ct)
    {
        var loaded = FormLoading.Load(paths, errors, showWarnings: false);
        var groups = loaded.Forms.OfType<TargetDeclaration>()
            .GroupBy(d => (d.ImplementingUnit ?? "（未填实施单位）", d.Year))
            .Select(g =>
            {
                var s = new DeclarationSummary { UnitName = g.Key.Item1, Year = g.Key.Year };
                s.Declarations.AddRange(g);
                return s;
            }).ToList();
        if (groups.Count == 0)
        {
            errors.WriteLine("错误：没有读到申报表，无法生成汇总表（汇总表只含申报表）");
            return 2;
        }
        Directory.CreateDirectory(outDir);
        var names = new ExportFileNames();
        PdfPrinter? printer = null;
        try
        {
            if (format == "pdf") printer = await PdfPrinter.StartAsync();
            foreach (var g in groups)
            {
                var bytes = format switch
                {
                    "xlsx" => XlsxWriter.Write(g),
                    "html" => System.Text.Encoding.UTF8.GetBytes(HtmlRenderer.RenderSummaryDocument(g)),
                    _ => await printer!.PrintAsync(g),
                };
                var file = Path.Combine(outDir, names.Next(ExportFileNames.Sanitise($"{g.Year}_{g.UnitName}_项目绩效目标汇总表"), "." + format));
                await File.WriteAllBytesAsync(file, bytes, ct);
                errors.WriteLine($"已导出汇总表（{g.Declarations.Count} 张申报表）：{file}");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PdfExportException)
        {
            errors.WriteLine("错误：" + ex.Message);
            return 2;
        }
        finally
        {
            if (printer is not null) await printer.DisposeAsync();
        }
        return loaded.FailedFiles > 0 ? 1 : 0;
    }

    public static async Task<int> RunAsync(string[] paths, string format, string outDir, TextWriter errors, CancellationToken ct)
    {
        var loaded = FormLoading.Load(paths, errors, showWarnings: false);
        if (loaded.Forms.Count == 0) return ExitCodes.ForImport(loaded);
        if (loaded.Forms.OfType<MonitoringForm>().Any(m => m.Funds.Rows.Any(r => r.ExecutionRate is null && r.ExecutedToDate is not null)))
        {
            // A monitoring file that was never saved has no 执行率 (computed on save): print it as saving would.
            var profiles = ProfileChoice.Create(null, errors);
            if (profiles is null) return 2;
            foreach (var m in loaded.Forms.OfType<MonitoringForm>()) MonitoringRates.FillMissing(m, profiles.For(m));
        }
        try { Directory.CreateDirectory(outDir); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"错误：无法创建输出文件夹“{outDir}”：{ex.Message}");
            return 2;
        }
        var names = new ExportFileNames();
        PdfPrinter? printer = null;
        int written = 0, total = loaded.Forms.Count;
        try
        {
            if (format == "pdf")
            {
                try { printer = await PdfPrinter.StartAsync(); }
                catch (PdfExportException ex)
                {
                    errors.WriteLine("错误：" + ex.Message);
                    return 2;
                }
            }
            // PDFs print a few at a time on the browser's pages; the files are still written in input order.
            int chunk = printer is null ? 1 : printer.Pages * 2;
            for (int at = 0; at < total; at += chunk)
            {
                ct.ThrowIfCancellationRequested();
                var part = loaded.Forms.Skip(at).Take(chunk).ToList();
                byte[][] outputs = format switch
                {
                    "xlsx" => part.Select(XlsxWriter.Write).ToArray(),
                    "html" => part.Select(f => System.Text.Encoding.UTF8.GetBytes(HtmlRenderer.RenderDocument(f))).ToArray(),
                    _ => await printer!.PrintAllAsync(part),
                };
                for (int i = 0; i < part.Count; i++)
                {
                    var file = Path.Combine(outDir, names.Next(part[i], "." + format));
                    await File.WriteAllBytesAsync(file, outputs[i], ct);
                    written++;
                    // Progress on stderr, so stdout stays clean; every form for small batches, every 50th for long ones.
                    if (total <= 20 || written % 50 == 0 || written == total)
                        errors.WriteLine($"已导出 {written}/{total}：{file}");
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PdfExportException)
        {
            errors.WriteLine($"错误：导出中断（已导出 {written}/{total}）：{ex.Message.Split('\n')[0]}");
            return 1;
        }
        finally
        {
            if (printer is not null) await printer.DisposeAsync();
        }
        return loaded.FailedFiles > 0 ? 1 : 0;
    }
}

internal static class TemplateCommand
{
    public static Command Create()
    {
        var kind = new Option<string>("--kind") { Description = "表的种类：declaration（申报表）、self-evaluation（自评表）或 monitoring（监控表，须用 --from 预填）", Required = true };
        kind.AcceptOnlyFromAmong("declaration", "self-evaluation", "monitoring");
        var from = new Option<string?>("--from") { Description = "监控表模板的预填来源：批复的申报表或已有的监控表文件（第一张表）" };
        var month = new Option<int>("--month") { Description = "监控期截至月份（1-X月的 X，默认 7）；从申报表预填时使用", DefaultValueFactory = _ => 7 };
        var output = new Option<string>("--out", "-o") { Description = "输出的 .xlsx 文件", Required = true };
        var cmd = new Command("template", "生成填报模板（xlsx）：官方表样、下拉列表和填写说明；监控表模板由申报表预填") { kind, from, month, output };
        cmd.SetAction(r =>
        {
            var k = r.GetValue(kind) switch { "declaration" => FormKind.TargetDeclaration, "monitoring" => FormKind.Monitoring, _ => FormKind.SelfEvaluation };
            var file = r.GetValue(output)!;
            byte[] bytes;
            if (k == FormKind.Monitoring)
            {
                if (MonitoringDraft(r.GetValue(from), r.GetValue(month), Console.Error) is not { } draft) return 2;
                bytes = XlsxTemplate.Write(draft);
            }
            else bytes = XlsxTemplate.Write(k);
            try
            {
                var dir = Path.GetDirectoryName(Path.GetFullPath(file));
                if (dir is not null) Directory.CreateDirectory(dir);
                File.WriteAllBytes(file, bytes);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"错误：无法写入“{file}”：{ex.Message}");
                return 2;
            }
            Console.Error.WriteLine($"已生成{k.ToChinese()}模板：{file}");
            return 0;
        });
        return cmd;
    }

    /// <summary>The form a monitoring template is filled from: a 监控表 as it stands, or a draft from a 申报表.</summary>
    private static MonitoringForm? MonitoringDraft(string? from, int month, TextWriter errors)
    {
        if (from is null)
        {
            errors.WriteLine("错误：监控表模板须由批复的申报表预填，请用 --from 指定申报表（或已有的监控表）文件");
            return null;
        }
        if (month is < 1 or > 12)
        {
            errors.WriteLine($"错误：--month 须为 1 到 12 的月份，“{month}”不是");
            return null;
        }
        var loaded = FormLoading.Load([from], errors, showWarnings: false);
        switch (loaded.Forms.FirstOrDefault(f => f is MonitoringForm or TargetDeclaration))
        {
            case MonitoringForm m: return m;
            case TargetDeclaration d:
                var profiles = ProfileChoice.Create(null, errors);
                return profiles is null ? null : Jixiao.Core.Entry.BoundMonitoring.Draft(d, new MonitoringPeriod(month, null), profiles.For(d));
            default:
                errors.WriteLine($"错误：“{from}”中没有申报表或监控表，无法预填监控表模板");
                return null;
        }
    }
}
