using System.Diagnostics;
using System.Text;
using Jixiao.Core.Model;
using Jixiao.Generation;
using Jixiao.Formats.Import;
using Jixiao.Formats.Profiles;
using Jixiao.Formats.Reports;

namespace Jixiao.Benchmarks;

/// <summary>
/// The whole batch path over N generated forms: generate and render them into memory (not timed as parse), import
/// the files in parallel, review and score every form in parallel, build the portfolio report and its HTML. Prints
/// the time and forms per second of each stage. A plain stopwatch, not BenchmarkDotNet: one run over many forms.
/// </summary>
public static class GenerateAndCheck
{
    public static void Run(int forms, int seed)
    {
        var dir = ProfileCatalog.FindDirectory(AppContext.BaseDirectory) ?? ProfileCatalog.FindDirectory(Environment.CurrentDirectory)
                  ?? throw new InvalidOperationException("找不到 profiles/ 目录");
        var profile = ProfileCatalog.Load(dir).Get("shanghai-2024");
        Console.WriteLine($"表数 {forms:N0}，种子 {seed}，{Environment.ProcessorCount} 核，.NET {Environment.Version}");
        Reference();

        var clock = Stopwatch.StartNew();
        var options = new GeneratorOptions(forms, seed, GenerationLayout.Mixed);
        var files = new FormGenerator(profile).Generate(options);
        var generated = clock.Elapsed;
        clock.Restart();
        var bytes = new byte[files.Count][];
        Parallel.For(0, files.Count, i => bytes[i] = Encoding.UTF8.GetBytes(files[i].Render()));
        var rendered = clock.Elapsed;
        long totalBytes = bytes.Sum(b => (long)b.Length);
        Report("生成（单线程）", generated, forms);
        Report($"渲染为文本（{files.Count:N0} 个文件，{totalBytes / 1024.0 / 1024.0:F1} MB）", rendered, forms);
        files = null!;
        GC.Collect();

        clock.Restart();
        var imported = new List<PerformanceForm>[bytes.Length];
        Parallel.ForEach(Enumerable.Range(0, bytes.Length), i => imported[i] = FormImporter.Import(bytes[i], $"gen-{i + 1:D5}").Forms);
        var parse = clock.Elapsed;
        var all = imported.SelectMany(x => x).ToList();
        Report($"导入（并行，读出 {all.Count:N0} 张表）", parse, all.Count);

        clock.Restart();
        var entries = new PortfolioEntry[all.Count];
        Parallel.ForEach(Enumerable.Range(0, all.Count), i => entries[i] = PortfolioEntry.Check(all[i], profile));
        var check = clock.Elapsed;
        Report($"审核与计分（并行，{entries.Sum(e => e.Findings.Count):N0} 条发现）", check, all.Count);

        clock.Restart();
        var portfolio = PortfolioReport.Build(entries);
        var built = clock.Elapsed;
        clock.Restart();
        var html = PortfolioHtml.Render(portfolio);
        var render = clock.Elapsed;
        Report("汇总统计", built, all.Count);
        Report($"HTML 报告（{Encoding.UTF8.GetByteCount(html) / 1024.0 / 1024.0:F1} MB）", render, all.Count);
        Report("导入 + 审核 + 报告", parse + check + built + render, all.Count);
    }

    /// <summary>
    /// The machine is shared and noisy: seed 004 (5 forms) imported on one core in the same run gives the figure to
    /// compare the others with (docs/benchmarks.md gives 11,600 forms/s on a quiet machine).
    /// </summary>
    static void Reference()
    {
        var bytes = File.ReadAllBytes(Path.Combine(ImportBenchmarks.SeedDir, "004_bf2029345a2b5cc3.txt"));
        for (int i = 0; i < 50; i++) FormImporter.Import(bytes, "004");
        var clock = Stopwatch.StartNew();
        int n = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(1)) { FormImporter.Import(bytes, "004"); n += 5; }
        Report("参照：种子 004 单核导入", clock.Elapsed, n);
    }

    static void Report(string stage, TimeSpan t, int forms) =>
        Console.WriteLine($"{stage,-40} {t.TotalSeconds,8:F2} s  {forms / Math.Max(t.TotalSeconds, 1e-9),12:N0} 张/秒");
}
