using BenchmarkDotNet.Running;
using Jixiao.Benchmarks;

if (args.Contains("--loop"))
{
    // For a profiler: import one seed file over and over for the given seconds.
    var file = Path.Combine(ImportBenchmarks.SeedDir, args[1]);
    var bytes = File.ReadAllBytes(file);
    var until = DateTime.UtcNow.AddSeconds(double.Parse(args[2]));
    while (DateTime.UtcNow < until) Jixiao.Formats.Import.FormImporter.Import(bytes, file);
    return;
}
if (args.Contains("--quick"))
{
    ImportBenchmarks.Quick();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ImportBenchmarks).Assembly).Run(args);
