using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Attributes;
using Jixiao.Formats.Import;

namespace Jixiao.Benchmarks;

/// <summary>
/// Import throughput per seed layout. The reference (baseline) reads the same bytes: UTF-8 decoding and splitting
/// into lines, the least any importer must do. Ratios hold on a noisy machine where absolute times do not.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ImportBenchmarks
{
    public static readonly string SeedDir = FindSeeds();

    [ParamsSource(nameof(Files))]
    public string File { get; set; } = "";

    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(SeedDir, "*.txt").Select(Path.GetFileName).Order()!;

    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup() => _bytes = System.IO.File.ReadAllBytes(Path.Combine(SeedDir, File));

    [Benchmark(Baseline = true, Description = "reference: decode + split lines")]
    public int ReadBytes() => Encoding.UTF8.GetString(_bytes).Split('\n').Length;

    [Benchmark(Description = "import (decode, layout, read forms)")]
    public int Import() => FormImporter.Import(_bytes, File).Forms.Count;

    private static string FindSeeds()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !Directory.Exists(Path.Combine(dir, "samples", "seeds"))) dir = Path.GetDirectoryName(dir);
        return dir is null ? throw new DirectoryNotFoundException("samples/seeds not found above " + AppContext.BaseDirectory)
                           : Path.Combine(dir, "samples", "seeds");
    }

    /// <summary>
    /// A fast check outside BenchmarkDotNet: per file, single thread, µs per file by the wall clock and by the thread's
    /// CPU time (the median of 10 rounds of about 0.2 s: on a shared machine the CPU time is the steadier figure). `--quick 001` times the files whose name starts so.
    /// </summary>
    public static void Quick(string? only = null)
    {
        foreach (var f in Files().Where(f => only is null || f.StartsWith(only, StringComparison.Ordinal)))
        {
            var bytes = System.IO.File.ReadAllBytes(Path.Combine(SeedDir, f));
            int forms = FormImporter.Import(bytes, f).Forms.Count;
            for (int i = 0; i < 300; i++) FormImporter.Import(bytes, f);
            var wall = new List<double>();
            var cpu = new List<double>();
            // JIXIAO_QUICK_ROUNDS: more rounds for a profiler to see the steady state rather than the start-up.
            int rounds = int.TryParse(Environment.GetEnvironmentVariable("JIXIAO_QUICK_ROUNDS"), out var r) ? r : 10;
            for (int round = 0; round < rounds; round++)
            {
                var sw = Stopwatch.StartNew();
                long cpu0 = Fuzz.ThreadCpu.Nanoseconds();
                int n = 0;
                while (sw.ElapsedMilliseconds < 200) { FormImporter.Import(bytes, f); n++; }
                cpu.Add((Fuzz.ThreadCpu.Nanoseconds() - cpu0) / 1000.0 / n);
                wall.Add(sw.Elapsed.TotalMilliseconds * 1000 / n);
            }
            double perFile = Median(wall), cpuPerFile = Median(cpu);
            long before = GC.GetAllocatedBytesForCurrentThread();
            FormImporter.Import(bytes, f);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Console.WriteLine($"{f}: {forms} forms, {perFile:F1} µs/file, {cpuPerFile:F1} µs CPU/file, {forms * 1e6 / cpuPerFile:F0} forms/s by CPU, {bytes.Length * 1e6 / perFile / 1024 / 1024:F1} MB/s, {allocated / 1024} KB allocated per file");
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }
}
