using BenchmarkDotNet.Running;
using Jixiao.Benchmarks;

if (args.Contains("--loop"))
{
    // For a profiler: import one seed file over and over for the given seconds.
    var file = Path.Combine(ImportBenchmarks.SeedDir, args[1]);
    var bytes = File.ReadAllBytes(file);
    var until = DateTime.UtcNow.AddSeconds(double.Parse(args[2]));
    while (DateTime.UtcNow < until) Jixiao.Formats.Import.FormImporter.Import(bytes, file);
    return 0;
}
if (args.Contains("--stages"))
{
    foreach (var f in ImportBenchmarks.Files())
    {
        var bytes = File.ReadAllBytes(Path.Combine(ImportBenchmarks.SeedDir, f));
        for (int i = 0; i < 50; i++) Jixiao.Formats.Import.FormImporter.Import(bytes, f);
        long a0 = GC.GetAllocatedBytesForCurrentThread();
        var d = Jixiao.Formats.Import.TextDecoding.Decode(bytes)!;
        long a1 = GC.GetAllocatedBytesForCurrentThread();
        var layout = Jixiao.Formats.Import.Layouts.Split(d.Text);
        foreach (var r in layout.Rows) { _ = r.NonEmptyCells; _ = r.JoinedText; }
        long a2 = GC.GetAllocatedBytesForCurrentThread();
        Jixiao.Formats.Import.FormImporter.ImportText(d.Text, f);
        long a3 = GC.GetAllocatedBytesForCurrentThread();
        Console.WriteLine($"{f}: decode {(a1 - a0) / 1024} KB, layout {(a2 - a1) / 1024} KB, layout+read {(a3 - a2) / 1024} KB");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 300; i++) { var l = Jixiao.Formats.Import.Layouts.Split(d.Text); foreach (var r in l.Rows) { _ = r.NonEmptyCells; _ = r.JoinedText; } }
        var tl = sw.Elapsed.TotalMicroseconds / 300; sw.Restart();
        for (int i = 0; i < 300; i++) Jixiao.Formats.Import.FormImporter.ImportText(d.Text, f);
        var tr = sw.Elapsed.TotalMicroseconds / 300;
        Console.WriteLine($"   layout {tl:F0} µs, layout+read {tr:F0} µs");
    }
    return 0;
}
if (Array.IndexOf(args, "--generate-and-check") is var g and >= 0)
{
    // dotnet run -c Release --project bench/Jixiao.Benchmarks -- --generate-and-check 10000 [seed]
    GenerateAndCheck.Run(int.Parse(args[g + 1]), args.Length > g + 2 ? int.Parse(args[g + 2]) : 1);
    return 0;
}
if (args.Contains("--export"))
{
    // dotnet run -c Release --project bench/Jixiao.Benchmarks -- --export [forms] [forms for soffice]
    var rest = args.SkipWhile(a => a != "--export").Skip(1).Select(a => int.TryParse(a, out var n) ? n : -1).Where(n => n > 0).ToList();
    await ExportBenchmark.RunAsync(rest.ElementAtOrDefault(0) is > 0 and var c ? c : 1000, rest.ElementAtOrDefault(1) is > 0 and var s ? s : 100);
    return 0;
}
if (Array.IndexOf(args, "--ingest") is var ing and >= 0)
{
    // scripts/bench-all.sh: --ingest --cli PATH/jixiao.dll [--pg CONN] [--sizes 10000,100000] [--work DIR] [--out FILE]
    string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    IngestBenchmark.Run(Arg("--cli") ?? throw new ArgumentException("--cli PATH/jixiao.dll"), Arg("--pg"),
        (Arg("--sizes") ?? "10000,100000").Split(',').Select(int.Parse).ToList(),
        Arg("--work") ?? Path.Combine(Path.GetTempPath(), "jixiao-bench"), Arg("--out"));
    return 0;
}
if (Array.IndexOf(args, "--generate-files") is var gf and >= 0)
{
    // The inputs of scripts/bench-all.sh without the run: --generate-files N [--work DIR] → DIR/gen-N (kept for later runs).
    string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    var profileDir = Jixiao.Formats.Profiles.ProfileCatalog.FindDirectory(AppContext.BaseDirectory)
                     ?? Jixiao.Formats.Profiles.ProfileCatalog.FindDirectory(Environment.CurrentDirectory) ?? throw new InvalidOperationException("找不到 profiles/ 目录");
    Console.WriteLine(IngestBenchmark.Generate(Jixiao.Formats.Profiles.ProfileCatalog.Load(profileDir).Get("shanghai-2024"), int.Parse(args[gf + 1]),
        Arg("--work") ?? Path.Combine(Path.GetTempPath(), "jixiao-bench")));
    return 0;
}
if (args.Length > 0 && args[0] is "--fuzz" or "--fuzz-worker" or "--fuzz-one" or "--fuzz-digest")
{
    // dotnet run -c Release --project bench/Jixiao.Benchmarks -- --fuzz tests/data/cases [tests/data/pending] [--inputs N] [--seed S] [--workers W]
    return Jixiao.Benchmarks.Fuzz.FuzzArguments.Run(args);
}
if (args.Length == 2 && args[0] is "--json-stages" or "--parse-only")
{
    if (args[0] == "--json-stages") ImportJsonStages.Run(args[1]);
    else ImportJsonStages.ParseOnly(args[1]);
    return 0;
}
if (Array.IndexOf(args, "--side-by-side") is var sbs and >= 0)
{
    // dotnet bench/Jixiao.Benchmarks/bin/Release/net10.0/Jixiao.Benchmarks.dll --side-by-side BEFORE_DIR AFTER_DIR [prefix] [rounds]
    var rest = args.Skip(sbs + 1).ToList();
    SideBySide.Run(rest[0], rest[1], rest.ElementAtOrDefault(2), rest.Count > 3 ? int.Parse(rest[3]) : 20);
    return 0;
}
if (args.Contains("--quick"))
{
    int q = Array.IndexOf(args, "--quick");
    ImportBenchmarks.Quick(q + 1 < args.Length ? args[q + 1] : null);
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(ImportBenchmarks).Assembly).Run(args);
return 0;
