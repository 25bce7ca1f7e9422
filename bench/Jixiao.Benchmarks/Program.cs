using BenchmarkDotNet.Running;
using Jixiao.Benchmarks;

if (args.Contains("--quick"))
{
    ImportBenchmarks.Quick();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ImportBenchmarks).Assembly).Run(args);
