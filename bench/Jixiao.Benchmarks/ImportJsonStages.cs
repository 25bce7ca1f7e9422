using System.Diagnostics;
using Jixiao.Core.Interchange;
using Jixiao.Formats.Import;

namespace Jixiao.Benchmarks;

/// <summary>
/// Where `jixiao import DIR --json` spends its time, stage by stage on one thread (CPU time of the thread, so a
/// loaded machine inflates it less than wall time): reading the files, importing them, the JSON of their forms. Each
/// stage runs over every file, a first time (cold: JIT) and a second (warm). The parse-only figure on both cores is
/// the whole-process reference of docs/benchmarks.md ("End-to-end import --json").
///   dotnet bench/Jixiao.Benchmarks/bin/Release/net10.0/Jixiao.Benchmarks.dll --json-stages DIR
///   dotnet bench/Jixiao.Benchmarks/bin/Release/net10.0/Jixiao.Benchmarks.dll --parse-only DIR   (both cores, forms/s)
/// </summary>
internal static class ImportJsonStages
{
    public static void Run(string dir)
    {
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        for (int round = 1; round <= 2; round++)
        {
            long t0 = ThreadCpuNs();
            var bytes = files.Select(File.ReadAllBytes).ToList();
            long t1 = ThreadCpuNs();
            var results = bytes.Select((b, i) => FormImporter.Import(b, files[i])).ToList();
            long t2 = ThreadCpuNs();
            long jsonBytes = 0;
            foreach (var r in results) jsonBytes += FormJson.ArrayElements(r.Forms).Length;
            long t3 = ThreadCpuNs();
            var documents = results.SelectMany(r => r.Forms).Select(FormJson.ToDocument).ToList();
            long t4 = ThreadCpuNs();
            int forms = results.Sum(r => r.Forms.Count);
            Console.WriteLine($"round {round}: {files.Count:N0} files, {forms:N0} forms, {bytes.Sum(b => (long)b.Length) / 1048576.0:F1} MB in, {jsonBytes / 1048576.0:F1} MB JSON out");
            Console.WriteLine($"  read files      {Ms(t0, t1),8:F0} ms CPU");
            Console.WriteLine($"  import (parse)  {Ms(t1, t2),8:F0} ms CPU  {forms / (Ms(t1, t2) / 1000):N0} forms/s on one core");
            Console.WriteLine($"  JSON of forms   {Ms(t2, t3),8:F0} ms CPU  {forms / (Ms(t2, t3) / 1000):N0} forms/s, {jsonBytes / 1048576.0 / (Ms(t2, t3) / 1000):F0} MB/s on one core");
            Console.WriteLine($"  of which model → document records {Ms(t3, t4),4:F0} ms CPU");
            GC.KeepAlive(documents);
        }
    }

    /// <summary>Every file imported on all cores, the forms thrown away: what the reader alone allows a whole process.</summary>
    public static void ParseOnly(string dir)
    {
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ToList();
        var sw = Stopwatch.StartNew();
        long forms = 0;
        Parallel.ForEach(files, f => Interlocked.Add(ref forms, FormImporter.ImportFile(f).Forms.Count));
        Console.WriteLine($"{forms:N0} forms from {files.Count:N0} files in {sw.Elapsed.TotalSeconds:F2} s: {forms / sw.Elapsed.TotalSeconds:N0} forms/s on {Environment.ProcessorCount} cores");
    }

    private static double Ms(long a, long b) => (b - a) / 1e6;

    private static long ThreadCpuNs() => Fuzz.ThreadCpu.Nanoseconds();
}
