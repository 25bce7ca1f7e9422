using System.Reflection;
using System.Runtime.Loader;

namespace Jixiao.Benchmarks;

/// <summary>
/// Two builds of the importer in one process, timed in alternating rounds (`--side-by-side DIR_A DIR_B [prefix] [rounds]`):
/// on a shared machine whose load changes from second to second, rounds a tenth of a second apart see the same load,
/// so the ratio B/A per round is steadier than two processes run in turn. DIR_A and DIR_B are build folders holding
/// Jixiao.Formats.dll (a copy of bin/Release/net10.0 before a change, and the build after it).
/// </summary>
public static class SideBySide
{
    private delegate object ImportBytes(ReadOnlySpan<byte> bytes, string fileName);

    public static void Run(string dirA, string dirB, string? prefix, int rounds)
    {
        var a = Load(dirA);
        var b = Load(dirB);
        foreach (var f in ImportBenchmarks.Files().Where(f => prefix is null || f.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(Path.Combine(ImportBenchmarks.SeedDir, f));
            for (int i = 0; i < 400; i++) { a(bytes, f); b(bytes, f); }
            var timesA = new List<double>();
            var timesB = new List<double>();
            var ratios = new List<double>();
            for (int k = 0; k < rounds; k++)
            {
                // A then B, then B then A: neither build always runs second.
                double x, y;
                if (k % 2 == 0) { x = Round(a, bytes, f); y = Round(b, bytes, f); }
                else { y = Round(b, bytes, f); x = Round(a, bytes, f); }
                timesA.Add(x);
                timesB.Add(y);
                ratios.Add(y / x);
            }
            Console.WriteLine($"{f}: A {Quantile(timesA, 0.5):F1} µs CPU/file, B {Quantile(timesB, 0.5):F1} µs, B/A median {Quantile(ratios, 0.5):F3} " +
                              $"(quartiles {Quantile(ratios, 0.25):F3}–{Quantile(ratios, 0.75):F3}, {rounds} rounds)");
        }
    }

    /// <summary>Thread CPU time per import over about 0.1 s.</summary>
    private static double Round(ImportBytes import, byte[] bytes, string name)
    {
        long start = Fuzz.ThreadCpu.Nanoseconds(), now;
        int n = 0;
        do { import(bytes, name); n++; now = Fuzz.ThreadCpu.Nanoseconds(); } while (now - start < 100_000_000);
        return (now - start) / 1000.0 / n;
    }

    private static double Quantile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Round(q * (sorted.Count - 1))];
    }

    private static ImportBytes Load(string dir)
    {
        var context = new FolderContext(Path.GetFullPath(dir));
        var assembly = context.LoadFromAssemblyPath(Path.Combine(Path.GetFullPath(dir), "Jixiao.Formats.dll"));
        var method = assembly.GetType("Jixiao.Formats.Import.FormImporter")!.GetMethods()
            .First(m => m.Name == "Import" && m.GetParameters() is [{ ParameterType: var p }, _] && p == typeof(ReadOnlySpan<byte>));
        return (ImportBytes)Delegate.CreateDelegate(typeof(ImportBytes), method);
    }

    /// <summary>Loads a build's own assemblies from its folder, so the two builds do not share Jixiao.Core.</summary>
    private sealed class FolderContext(string dir) : AssemblyLoadContext(isCollectible: false)
    {
        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(dir, name.Name + ".dll");
            return name.Name!.StartsWith("Jixiao.", StringComparison.Ordinal) && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
